/** A line chart on fixed axes: the shared drawing of the ROC, cost and reliability charts. */
import { tick } from '../format.ts';
import { escapeXml, linearScale, niceTicks, PALETTE, px, svgDocument } from './svg.ts';

export interface LineSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly colour: string;
  readonly dashed?: boolean;
  /** Draw a dot on each point (few points, e.g. reliability bins). */
  readonly dots?: boolean;
}

export interface LineChartOptions {
  readonly title: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  readonly xDomain?: readonly [number, number];
  /** Default: 0 to the largest y (at least 1e-9 above 0). */
  readonly yDomain?: readonly [number, number];
  /** The y = x reference line (ROC chance, perfect calibration). */
  readonly diagonal?: { readonly label: string };
  /** A vertical marker, e.g. the chosen threshold. */
  readonly marker?: { readonly x: number; readonly label: string };
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 28, right: 16, bottom: 44, left: 52 };

function finitePairs(series: LineSeries): [number, number][] {
  const pairs: [number, number][] = [];
  const n = Math.min(series.x.length, series.y.length);
  for (let i = 0; i < n; i++) {
    const x = series.x[i] as number;
    const y = series.y[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y]);
  }
  return pairs;
}

export function lineChart(options: LineChartOptions): string {
  const { title, description, xLabel, yLabel, series, width = 480, height = 320 } = options;
  const xDomain = options.xDomain ?? [0, 1];
  const yMax = Math.max(1e-9, ...series.flatMap((s) => finitePairs(s).map(([, y]) => y)));
  const yDomain = options.yDomain ?? ([0, yMax] as const);
  const x = linearScale(xDomain, [MARGIN.left, width - MARGIN.right]);
  const y = linearScale(yDomain, [height - MARGIN.bottom, MARGIN.top]);
  const body: string[] = [];

  // Grid and axes.
  const bottom = height - MARGIN.bottom;
  for (const t of niceTicks(yDomain[0], yDomain[1])) {
    body.push(
      `<line x1="${px(MARGIN.left)}" x2="${px(width - MARGIN.right)}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e6e6e6"/>`,
      `<text x="${px(MARGIN.left - 6)}" y="${px(y(t) + 4)}" text-anchor="end" fill="${PALETTE.ink}">${tick(t)}</text>`,
    );
  }
  for (const t of niceTicks(xDomain[0], xDomain[1])) {
    body.push(
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(bottom)}" y2="${px(bottom + 4)}" stroke="${PALETTE.ink}"/>`,
      `<text x="${px(x(t))}" y="${px(bottom + 16)}" text-anchor="middle" fill="${PALETTE.ink}">${tick(t)}</text>`,
    );
  }
  body.push(
    `<line x1="${px(MARGIN.left)}" x2="${px(width - MARGIN.right)}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="${PALETTE.ink}"/>`,
    `<line x1="${px(MARGIN.left)}" x2="${px(MARGIN.left)}" y1="${px(MARGIN.top)}" y2="${px(bottom)}" stroke="${PALETTE.ink}"/>`,
    `<text x="${px((MARGIN.left + width - MARGIN.right) / 2)}" y="${px(height - 8)}" text-anchor="middle" fill="${PALETTE.ink}">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(14 ${px((MARGIN.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${PALETTE.ink}">${escapeXml(yLabel)}</text>`,
  );

  const legend: { name: string; colour: string; dashed: boolean }[] = [];
  if (options.diagonal !== undefined) {
    const lo = Math.max(xDomain[0], yDomain[0]);
    const hi = Math.min(xDomain[1], yDomain[1]);
    body.push(
      `<line x1="${px(x(lo))}" y1="${px(y(lo))}" x2="${px(x(hi))}" y2="${px(y(hi))}" stroke="${PALETTE.grey}" stroke-dasharray="4 4"/>`,
    );
    legend.push({ name: options.diagonal.label, colour: PALETTE.grey, dashed: true });
  }
  for (const s of series) {
    const pairs = finitePairs(s);
    if (pairs.length === 0) continue;
    const d = pairs.map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${px(x(a))} ${px(y(b))}`).join(' ');
    const dash = s.dashed === true ? ' stroke-dasharray="6 3"' : '';
    body.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    if (s.dots === true) {
      for (const [a, b] of pairs) {
        body.push(`<circle cx="${px(x(a))}" cy="${px(y(b))}" r="3" fill="${s.colour}"/>`);
      }
    }
    legend.push({ name: s.name, colour: s.colour, dashed: s.dashed === true });
  }
  if (options.marker !== undefined) {
    const mx = x(options.marker.x);
    body.push(
      `<line x1="${px(mx)}" x2="${px(mx)}" y1="${px(MARGIN.top)}" y2="${px(bottom)}" stroke="${PALETTE.vermillion}" stroke-width="1.5"/>`,
      `<text x="${px(mx + 4)}" y="${px(MARGIN.top + 10)}" fill="${PALETTE.vermillion}">${escapeXml(options.marker.label)}</text>`,
    );
  }
  legend.forEach((entry, i) => {
    const ly = MARGIN.top - 14;
    const lx = MARGIN.left + i * 150;
    const dash = entry.dashed ? ' stroke-dasharray="6 3"' : '';
    body.push(
      `<line x1="${px(lx)}" x2="${px(lx + 18)}" y1="${px(ly)}" y2="${px(ly)}" stroke="${entry.colour}" stroke-width="2"${dash}/>`,
      `<text x="${px(lx + 22)}" y="${px(ly + 4)}" fill="${PALETTE.ink}">${escapeXml(entry.name)}</text>`,
    );
  });
  return svgDocument(width, height, title, description, body);
}
