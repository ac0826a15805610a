/** The PSI of each variable as horizontal bars, with the 0.10 and 0.25 thresholds drawn. */
import { escapeXml, linearScale, PALETTE, px, svgDocument } from '../card/charts/svg.ts';
import { PSI_THRESHOLDS, type TrafficLight } from './psi.ts';

const COLOUR: Record<TrafficLight, string> = {
  green: PALETTE.green,
  amber: PALETTE.orange,
  red: PALETTE.vermillion,
};

/** Bars of `rows` (name, PSI, light), the largest first as given; at most `limit` rows. */
export function psiChart(
  rows: readonly { readonly name: string; readonly psi: number; readonly status: TrafficLight }[],
  limit = 25,
): string {
  const shown = rows.slice(0, limit);
  // Room for the longest name (≈ 7.5 px an upper-case character at 11 px).
  const left = Math.max(120, 12 + 7.5 * Math.max(0, ...shown.map((r) => r.name.length)));
  const right = 60;
  const width = Math.round(left + 420);
  const barHeight = 16;
  const top = 24;
  const height = top + shown.length * barHeight + 30;
  const max = Math.max(0.3, ...shown.map((r) => Math.min(r.psi, 2)));
  const x = linearScale([0, max], [left, width - right]);
  const body: string[] = [];
  shown.forEach((row, i) => {
    const y = top + i * barHeight;
    const value = Math.min(row.psi, max);
    body.push(
      `<text x="${left - 6}" y="${px(y + 12)}" text-anchor="end" fill="${PALETTE.ink}">${escapeXml(row.name)}</text>`,
      `<rect x="${left}" y="${px(y + 2)}" width="${px(x(value) - left)}" height="${barHeight - 4}" fill="${COLOUR[row.status]}"/>`,
      `<text x="${px(x(value) + 4)}" y="${px(y + 12)}" fill="${PALETTE.ink}">${row.psi.toFixed(3)}</text>`,
    );
  });
  const bottom = top + shown.length * barHeight;
  // On a wide axis (a PSI of 10) the two thresholds nearly meet: their labels go either side.
  const close = x(PSI_THRESHOLDS.red) - x(PSI_THRESHOLDS.amber) < 30;
  for (const [label, t, anchor] of [
    ['0.10', PSI_THRESHOLDS.amber, close ? 'end' : 'middle'],
    ['0.25', PSI_THRESHOLDS.red, close ? 'start' : 'middle'],
  ] as const) {
    body.push(
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${top - 4}" y2="${bottom}" stroke="${PALETTE.grey}" stroke-dasharray="4 3"/>`,
      `<text x="${px(x(t))}" y="${top - 8}" text-anchor="${anchor}" fill="${PALETTE.grey}">${label}</text>`,
    );
  }
  body.push(
    `<text x="${px((left + width - right) / 2)}" y="${height - 6}" text-anchor="middle" fill="${PALETTE.ink}">PSI (development → window)</text>`,
  );
  return svgDocument(
    width,
    height,
    'Population stability index per variable',
    'Horizontal bars of the PSI of each variable between the development population and the window, coloured green below 0.10, amber to 0.25, red above; dashed lines at the thresholds.',
    body,
  );
}
