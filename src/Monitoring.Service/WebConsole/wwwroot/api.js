// Calls to the service's REST API with the key the user gave. The key stays in sessionStorage (this tab only).
const KEY = 'monitoring.apiKey';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export const key = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

/** Sends one request; resolves to the parsed JSON (or null), throws ApiError with the problem's detail. */
export async function request(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${key.get() ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, `the service did not answer (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    const detail = json?.detail ?? json?.title ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, detail);
  }
  return json;
}

/** Every item of a paged list (`{ items, total, offset, limit }`), page by page. */
export async function all(path, limit = 1000) {
  const items = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += limit) {
    const page = await request(`${path}${separator}offset=${offset}&limit=${limit}`);
    items.push(...page.items);
    if (page.items.length < limit || items.length >= page.total) return items;
  }
}

/** True when the service has the endpoint (anything but 404): sections of later releases light up by themselves. */
export async function has(path) {
  try {
    await request(path);
    return true;
  } catch (e) {
    return !(e instanceof ApiError && e.status === 404);
  }
}

/** An inventory id in a path: written raw (its '/' stays), other characters escaped. */
export const idPath = (id) => id.split('/').map(encodeURIComponent).join('/');
