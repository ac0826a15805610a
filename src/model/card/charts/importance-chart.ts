/** Horizontal bars of mean |SHAP| per feature (or theme), largest first. */
import { tick } from '../format.ts';
import { escapeXml, linearScale, niceTicks, PALETTE, px, svgDocument } from './svg.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export function importanceChart(title: string, bars: readonly Bar[], width = 560): string {
  const barHeight = 18;
  const gap = 6;
  const labelWidth = Math.min(320, 16 + 7 * Math.max(4, ...bars.map((b) => b.label.length)));
  const top = 12;
  const axis = top + bars.length * (barHeight + gap);
  const height = axis + 40;
  const max = Math.max(1e-9, ...bars.map((b) => b.value).filter(Number.isFinite));
  const x = linearScale([0, max], [labelWidth, width - 56]);
  const body: string[] = [];
  bars.forEach((bar, i) => {
    const y = top + i * (barHeight + gap);
    const w = Math.max(0, x(Number.isFinite(bar.value) ? bar.value : 0) - labelWidth);
    body.push(
      `<text x="${px(labelWidth - 6)}" y="${px(y + barHeight / 2 + 4)}" text-anchor="end" fill="${PALETTE.ink}">${escapeXml(bar.label)}</text>`,
      `<rect x="${px(labelWidth)}" y="${px(y)}" width="${px(w)}" height="${barHeight}" fill="${PALETTE.blue}"/>`,
      `<text x="${px(labelWidth + w + 4)}" y="${px(y + barHeight / 2 + 4)}" fill="${PALETTE.ink}">${bar.value.toFixed(3)}</text>`,
    );
  });
  body.push(
    `<line x1="${px(labelWidth)}" x2="${px(width - 56)}" y1="${px(axis)}" y2="${px(axis)}" stroke="${PALETTE.ink}"/>`,
  );
  for (const t of niceTicks(0, max, 4)) {
    body.push(
      `<text x="${px(x(t))}" y="${px(axis + 14)}" text-anchor="middle" fill="${PALETTE.ink}">${tick(t)}</text>`,
    );
  }
  body.push(
    `<text x="${px((labelWidth + width - 56) / 2)}" y="${px(axis + 32)}" text-anchor="middle" fill="${PALETTE.ink}">Mean |SHAP| (log-odds)</text>`,
  );
  return svgDocument(
    width,
    height,
    title,
    `Mean absolute SHAP contribution per entry, largest first: ${bars.map((b) => `${b.label} ${b.value.toFixed(3)}`).join(', ')}.`,
    body,
  );
}
