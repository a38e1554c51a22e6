/**
 * The benchmark chart, as hand-written SVG: throughput relative to the untraced app (left) and CPU
 * per turn relative to it (right), medians over rounds, for ours and the peer, per concurrency, with the targets as dashed lines.
 */
import { MODE_LABELS, type Mode } from './bench-config';
import type { Row } from './summarize';

const COLORS: Record<Mode, string> = { off: '#9ca3af', openinference: '#2563eb', peer: '#f59e0b' };
const TRACED: Mode[] = ['openinference', 'peer'];
const W = 880;
const H = 360;
const PANEL = { top: 66, bottom: 300, width: 360 };

interface Panel {
  x: number;
  title: string;
  value: (row: Row) => number;
  label: (value: number) => string;
  target: number;
  targetLabel: string;
  ratio: boolean;
}

export function renderSvg(rows: readonly Row[], concurrencies: readonly number[], subtitle: string): string {
  const panels: Panel[] = [
    { x: 50, title: 'Throughput ÷ untraced', value: (r) => r.throughputRatio, label: (v) => v.toFixed(3), target: 0.97, targetLabel: 'target ≥ 0.97', ratio: true },
    { x: 490, title: 'CPU per turn ÷ untraced', value: (r) => r.cpuRatio, label: (v) => v.toFixed(3), target: 1.03, targetLabel: 'target ≤ 1.03', ratio: true },
  ];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="600">What tracing costs: ours vs the peer, relative to the untraced app</text>`,
    `<text x="${W / 2}" y="38" text-anchor="middle" fill="#555">${escape(subtitle)}</text>`,
    ...panels.flatMap((panel) => renderPanel(panel, rows, concurrencies)),
    ...TRACED.map((mode, i) => `<rect x="${250 + i * 250}" y="${H - 22}" width="12" height="12" fill="${COLORS[mode]}"/><text x="${268 + i * 250}" y="${H - 12}">${escape(MODE_LABELS[mode])}</text>`),
    '</svg>',
  ];
  return parts.join('\n') + '\n';
}

function renderPanel(panel: Panel, rows: readonly Row[], concurrencies: readonly number[]): string[] {
  const values = rows.filter((r) => r.mode !== 'off').map(panel.value).filter(Number.isFinite);
  const ratio = panel.ratio;
  const lo = ratio ? Math.min(0.8, Math.min(...values) - 0.05) : Math.min(0, ...values);
  const top = ratio ? Math.max(1.05, ...values) : Math.max(panel.target * 1.5, ...values);
  const hi = top + (top - lo) * 0.08; // headroom for the value labels
  const y = (v: number) => Math.round((PANEL.bottom - ((v - lo) / (hi - lo)) * (PANEL.bottom - PANEL.top)) * 10) / 10;
  const groupWidth = PANEL.width / concurrencies.length;
  const out = [
    `<text x="${panel.x + PANEL.width / 2}" y="${PANEL.top - 8}" text-anchor="middle" font-weight="600">${escape(panel.title)} <tspan fill="#16a34a" font-weight="400">(dashed: ${escape(panel.targetLabel)})</tspan></text>`,
    `<line x1="${panel.x}" y1="${PANEL.top}" x2="${panel.x}" y2="${PANEL.bottom}" stroke="#333"/>`,
    `<line x1="${panel.x}" y1="${y(ratio ? lo : 0)}" x2="${panel.x + PANEL.width}" y2="${y(ratio ? lo : 0)}" stroke="#333"/>`,
    `<text x="${panel.x - 4}" y="${y(hi) + 4}" text-anchor="end" fill="#555">${panel.label(hi)}</text>`,
    `<text x="${panel.x - 4}" y="${y(lo) + 4}" text-anchor="end" fill="#555">${panel.label(lo)}</text>`,
    `<line x1="${panel.x}" y1="${y(panel.target)}" x2="${panel.x + PANEL.width}" y2="${y(panel.target)}" stroke="#16a34a" stroke-dasharray="5 4"/>`,
  ];
  if (ratio) out.push(`<line x1="${panel.x}" y1="${y(1)}" x2="${panel.x + PANEL.width}" y2="${y(1)}" stroke="#999" stroke-dasharray="2 3"/>`);
  concurrencies.forEach((concurrency, g) => {
    const gx = panel.x + g * groupWidth;
    out.push(`<text x="${gx + groupWidth / 2}" y="${PANEL.bottom + 16}" text-anchor="middle">${concurrency} concurrent</text>`);
    TRACED.forEach((mode, i) => {
      const row = rows.find((r) => r.mode === mode && r.concurrency === concurrency);
      const value = row ? panel.value(row) : Number.NaN;
      if (!Number.isFinite(value)) return;
      const base = y(ratio ? lo : 0);
      const barTop = y(value);
      const bx = gx + groupWidth / 2 - 36 + i * 38;
      out.push(`<rect x="${bx}" y="${Math.min(base, barTop)}" width="34" height="${Math.max(1, Math.round(Math.abs(base - barTop) * 10) / 10)}" fill="${COLORS[mode]}"/>`);
      out.push(`<text x="${bx + 17}" y="${Math.min(base, barTop) - 3}" text-anchor="middle" font-size="10">${panel.label(value)}</text>`);
    });
  });
  return out;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
