// A load chart as plain SVG: the average as a line over the minimum-maximum band, with its scale and times.
import { bytes, h, svg } from './dom.js';

const W = 640;
const H = 180;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

const metrics = {
  'cpu.usage': { label: 'CPU use', ratio: true },
  'cpu.ready': { label: 'CPU ready', ratio: true },
  'memory.usage': { label: 'Memory use', ratio: true },
  'memory.consumed': { label: 'Memory consumed', unit: bytes },
  'disk.throughput': { label: 'Disk throughput', unit: (v) => `${bytes(v)}/s` },
  'network.throughput': { label: 'Network throughput', unit: (v) => `${bytes(v)}/s` },
};

export const metricLabel = (name) => metrics[name]?.label ?? name;

function format(name, value) {
  const metric = metrics[name];
  if (metric?.ratio) return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;
  return metric?.unit ? metric.unit(value) : value.toFixed(2);
}

const clock = (date) => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** One metric's chart, or null when it has no points. */
export function chart(series, from, to) {
  const points = series.points;
  if (!points.length) return null;
  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  const maxValue = Math.max(...points.map((p) => p.maximum), metrics[series.metric]?.ratio ? 1 : 0) || 1;
  const x = (t) => PAD.left + ((new Date(t).getTime() - start) / (end - start)) * (W - PAD.left - PAD.right);
  const y = (v) => H - PAD.bottom - (v / maxValue) * (H - PAD.top - PAD.bottom);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.average).toFixed(1)}`).join(' ');
  const band = `${points.map((p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.maximum).toFixed(1)}`).join(' ')} `
    + `${[...points].reverse().map((p) => `L${x(p.time).toFixed(1)},${y(p.minimum).toFixed(1)}`).join(' ')} Z`;
  const latest = points[points.length - 1];
  const average = points.reduce((sum, p) => sum + p.average, 0) / points.length;
  const peak = Math.max(...points.map((p) => p.maximum));
  const label = `${metricLabel(series.metric)}: latest ${format(series.metric, latest.average)}, average ${format(series.metric, average)}, peak ${format(series.metric, peak)} over ${points.length} points`;
  const titleId = `chart-${series.metric.replace('.', '-')}`;

  // A single point still shows: as a dot beside the (zero-length) line.
  const dots = points.length === 1 ? svg('circle', { cx: x(latest.time), cy: y(latest.average), r: 3, class: 'dot' }) : null;
  return h('figure', { class: 'chart', 'data-metric': series.metric },
    h('figcaption', { id: titleId }, label),
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId, preserveAspectRatio: 'none' },
      svg('line', { x1: PAD.left, y1: y(0), x2: W - PAD.right, y2: y(0), class: 'axis' }),
      svg('line', { x1: PAD.left, y1: y(maxValue), x2: W - PAD.right, y2: y(maxValue), class: 'grid' }),
      svg('line', { x1: PAD.left, y1: y(maxValue / 2), x2: W - PAD.right, y2: y(maxValue / 2), class: 'grid' }),
      svg('text', { x: PAD.left - 6, y: y(maxValue) + 4, class: 'tick', 'text-anchor': 'end' }, format(series.metric, maxValue)),
      svg('text', { x: PAD.left - 6, y: y(maxValue / 2) + 4, class: 'tick', 'text-anchor': 'end' }, format(series.metric, maxValue / 2)),
      svg('text', { x: PAD.left - 6, y: y(0) + 4, class: 'tick', 'text-anchor': 'end' }, format(series.metric, 0)),
      svg('text', { x: PAD.left, y: H - 8, class: 'tick' }, clock(new Date(from))),
      svg('text', { x: W - PAD.right, y: H - 8, class: 'tick', 'text-anchor': 'end' }, clock(new Date(to))),
      svg('path', { d: band, class: 'band' }),
      svg('path', { d: line, class: 'series', 'data-points': points.length }),
      dots));
}
