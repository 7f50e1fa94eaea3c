// Type-checks every Grafana dashboard in ../grafana as a `Dashboard` from @grafana/schema.
// No JSON Schema ships for dashboards, so each JSON file is written into a TypeScript module as an
// object literal annotated `Dashboard` and compiled with `tsc --noEmit --strict`: a wrong type, a
// missing required field or an unknown property (excess-property check) fails the compile.
// Usage: node dashboards/tools/check-dashboards.mjs [FOLDER]   (default ../grafana; exit code 0 when every dashboard checks)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = dirname(fileURLToPath(import.meta.url));
const dashboards = process.argv[2] ?? join(tools, '..', 'grafana');
const work = join(tools, 'generated');
rmSync(work, { recursive: true, force: true });
mkdirSync(work);

const files = readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no dashboards in ${dashboards}`);
  process.exit(1);
}

for (const file of files) {
  const json = readFileSync(join(dashboards, file), 'utf8');
  JSON.parse(json); // a syntax error names the file before tsc does
  writeFileSync(
    join(work, file.replace(/\.json$/, '.ts')),
    `// Generated from dashboards/grafana/${file} by check-dashboards.mjs.\n` +
      `import type { Dashboard } from '@grafana/schema';\n\n` +
      `export const dashboard: Dashboard = ${json.trimEnd()};\n`,
  );
}

writeFileSync(
  join(work, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      skipLibCheck: true,
      types: [],
    },
    include: ['*.ts'],
  }),
);

const tsc = join(tools, 'node_modules', 'typescript', 'bin', 'tsc');
try {
  execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '-p', join(work, 'tsconfig.json')], { stdio: 'inherit' });
} catch {
  console.error(`dashboards do not type-check as @grafana/schema Dashboard (see the errors above; files in ${work})`);
  process.exit(1);
}

console.log(`${files.length} dashboards type-check as Dashboard: ${files.join(', ')}`);
