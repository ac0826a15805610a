import { describe, expect, it } from 'vitest';
import {
  angleOf,
  boxesOverlap,
  DIAL,
  dialShare,
  needlePoints,
  pointAt,
  ringPath,
  thresholdLabelCentre,
  tickLabelCentre,
  tickValues,
} from './gauge-geometry.ts';

const distance = (p: { x: number; y: number }) => Math.hypot(p.x - DIAL.cx, p.y - DIAL.cy);

describe('angleOf', () => {
  it('runs from the start angle at 0 to the end angle at max, linearly', () => {
    expect(angleOf(0, 0.4)).toBe(200);
    expect(angleOf(0.4, 0.4)).toBe(-20);
    expect(angleOf(0.2, 0.4)).toBe(90); // half-way is straight up
    expect(angleOf(0.1, 0.4)).toBe(145);
  });

  it('stops off-scale values at the ends and rejects a dial without a range', () => {
    expect(angleOf(0.9, 0.4)).toBe(-20);
    expect(angleOf(-0.1, 0.4)).toBe(200);
    expect(() => dialShare(0.1, 0)).toThrow(/gauge max: 0/);
  });
});

describe('pointAt', () => {
  it('puts angles counter-clockwise from 3 o’clock with SVG’s y pointing down', () => {
    const right = pointAt(0, 10);
    const top = pointAt(90, 10);
    expect(right.x).toBeCloseTo(DIAL.cx + 10, 9);
    expect(right.y).toBeCloseTo(DIAL.cy, 9);
    expect(top.x).toBeCloseTo(DIAL.cx, 9);
    expect(top.y).toBeCloseTo(DIAL.cy - 10, 9);
  });
});

describe('ringPath', () => {
  const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

  it('draws the outer arc clockwise then the inner arc back, with the large-arc flag for > 180°', () => {
    const whole = ringPath(0, 0.4, 0.4, 100, 80);
    expect(whole).toMatch(/^M .* A 100 100 0 1 1 .* L .* A 80 80 0 1 0 .* Z$/);
    const piece = ringPath(0, 0.1, 0.4, 100, 80);
    expect(piece).toMatch(/A 100 100 0 0 1/);
    // The piece starts on the outer circle at 200° and ends at 145°.
    const [mx, my, , , , , , ex, ey] = numbers(piece ?? '');
    const start = pointAt(200, 100);
    const end = pointAt(145, 100);
    expect(mx).toBeCloseTo(start.x, 1);
    expect(my).toBeCloseTo(start.y, 1);
    expect(ex).toBeCloseTo(end.x, 1);
    expect(ey).toBeCloseTo(end.y, 1);
  });

  it('clamps a band to the dial and drops one that falls outside it', () => {
    expect(ringPath(0.12, 1, 0.4)).toBe(ringPath(0.12, 0.4, 0.4));
    expect(ringPath(0.5, 1, 0.4)).toBeNull();
    expect(ringPath(0.1, 0.1, 0.4)).toBeNull();
  });
});

describe('tickValues', () => {
  it('steps from 0 to max without float drift', () => {
    expect(tickValues(0.4, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(tickValues(0.6, 0.1)).toHaveLength(7);
    expect(tickValues(0.6, 0.1)[3]).toBe(0.3);
    expect(tickValues(0.35, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(() => tickValues(0.4, 0)).toThrow(/tick step/);
  });
});

describe('needlePoints', () => {
  it('points its tip at the value, at the given length', () => {
    const [tip] = needlePoints(0.2, 0.4, 80, 6)
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(tip?.[0]).toBeCloseTo(DIAL.cx, 1);
    expect(tip?.[1]).toBeCloseTo(DIAL.cy - 80, 1);
  });
});

describe('thresholdLabelCentre', () => {
  const box = { width: 40, height: 28 };

  it('sits inside the ring on the side of the threshold', () => {
    const low = thresholdLabelCentre(0.02, 0.4, box);
    const high = thresholdLabelCentre(0.38, 0.4, box);
    const top = thresholdLabelCentre(0.2, 0.4, box);
    expect(low.x).toBeLessThan(DIAL.cx);
    expect(low.y).toBeGreaterThan(DIAL.cy); // the dial starts under the horizontal
    expect(high.x).toBeGreaterThan(DIAL.cx);
    expect(Math.abs(top.x - DIAL.cx)).toBeLessThan(0.01);
    expect(top.y).toBeLessThan(DIAL.cy);
  });

  it('keeps the whole text box clear of the ring at every angle', () => {
    for (let t = 0; t <= 0.4; t += 0.01) {
      const c = thresholdLabelCentre(t, 0.4, box);
      const corner = Math.hypot(
        Math.abs(c.x - DIAL.cx) + box.width / 2,
        Math.abs(c.y - DIAL.cy) + box.height / 2,
      );
      expect(corner).toBeLessThan(DIAL.radius - DIAL.arcWidth);
      expect(distance(c)).toBeGreaterThan(30); // and not on the needle's hub
    }
  });
});

describe('boxesOverlap', () => {
  const box = { x: 0, y: 0, width: 20, height: 10 };

  it('tells boxes that touch (within the padding) from boxes apart', () => {
    expect(boxesOverlap(box, { ...box, x: 15 })).toBe(true);
    expect(boxesOverlap(box, { ...box, x: 21 })).toBe(true); // 1 unit apart, padding 2
    expect(boxesOverlap(box, { ...box, x: 23 })).toBe(false);
    expect(boxesOverlap(box, { ...box, x: 5, y: 11 })).toBe(true);
    expect(boxesOverlap(box, { ...box, x: 5, y: 13 })).toBe(false);
  });
});

describe('tickLabelCentre', () => {
  it('centres tick labels on the label circle inside the ring', () => {
    const top = tickLabelCentre(0.2, 0.4);
    expect(top.x).toBeCloseTo(DIAL.cx, 9);
    expect(distance(top)).toBeCloseTo(DIAL.labelRadius, 9);
    expect(DIAL.labelRadius).toBeLessThan(DIAL.radius - DIAL.arcWidth - 10);
  });
});
