/** The band mix: share of applications per score band, development and window side by side. */
import { escapeXml, linearScale, niceTicks, PALETTE, px, svgDocument } from '../card/charts/svg.ts';

export function bandChart(
  bands: readonly { readonly band: string; readonly reference: number; readonly window: number }[],
): string {
  const width = 480;
  const height = 260;
  const margin = { top: 28, right: 16, bottom: 40, left: 48 };
  const top = Math.max(0.05, ...bands.flatMap((b) => [b.reference, b.window])) * 1.1;
  const y = linearScale([0, top], [height - margin.bottom, margin.top]);
  const slot = (width - margin.left - margin.right) / Math.max(1, bands.length);
  const bar = Math.min(28, slot / 3);
  const body: string[] = [];
  for (const t of niceTicks(0, top, 4)) {
    body.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e6e6e6"/>`,
      `<text x="${margin.left - 6}" y="${px(y(t) + 4)}" text-anchor="end" fill="${PALETTE.ink}">${Math.round(t * 100)} %</text>`,
    );
  }
  bands.forEach((b, i) => {
    const centre = margin.left + slot * (i + 0.5);
    for (const [value, colour, dx] of [
      [b.reference, PALETTE.grey, -bar],
      [b.window, PALETTE.blue, 0],
    ] as const) {
      body.push(
        `<rect x="${px(centre + dx)}" y="${px(y(value))}" width="${px(bar)}" height="${px(y(0) - y(value))}" fill="${colour}"/>`,
      );
    }
    body.push(
      `<text x="${px(centre)}" y="${height - margin.bottom + 16}" text-anchor="middle" fill="${PALETTE.ink}">${escapeXml(b.band)}</text>`,
    );
  });
  body.push(
    `<rect x="${margin.left}" y="8" width="10" height="10" fill="${PALETTE.grey}"/>`,
    `<text x="${margin.left + 14}" y="17" fill="${PALETTE.ink}">development</text>`,
    `<rect x="${margin.left + 110}" y="8" width="10" height="10" fill="${PALETTE.blue}"/>`,
    `<text x="${margin.left + 124}" y="17" fill="${PALETTE.ink}">window</text>`,
    `<text x="${px(width / 2)}" y="${height - 6}" text-anchor="middle" fill="${PALETTE.ink}">Score band (best to worst)</text>`,
  );
  return svgDocument(
    width,
    height,
    'Band mix',
    'Share of applications per score band, best to worst: development population (grey) and window (blue).',
    body,
  );
}
