/**
 * The geometry of a half-ring gauge in SVG user units: where a value sits on the dial, the arc
 * paths of its bands, its ticks, its needle and where the threshold's label fits. Pure, so the
 * drawing (Gauge.tsx) stays a plain mapping and the maths is unit-tested.
 *
 * Angles are in degrees, counter-clockwise from 3 o'clock (as in trigonometry); SVG's y axis points
 * down, so a point at angle θ is (cx + r·cos θ, cy − r·sin θ).
 */

/**
 * The dial's frame: a 250 × 184 viewBox, just wider than the ring and its threshold bar (so the
 * text stays large when the drawing is narrow), centre low enough for the value under it.
 */
export const DIAL = {
  width: 250,
  height: 184,
  cx: 125,
  cy: 124,
  /** Outer radius of the coloured ring. */
  radius: 112,
  /** Thickness of the coloured ring. */
  arcWidth: 18,
  /** The value 0 sits at 200° (left, a little under the horizontal), the maximum at −20°. */
  startAngle: 200,
  endAngle: -20,
  /** Tick labels are centred this far from the centre, inside the ring. */
  labelRadius: 76,
} as const;

export interface Point {
  x: number;
  y: number;
}

/** The value as a share of the dial, clamped to [0, 1]: off-scale values stop at the ends. */
export function dialShare(value: number, max: number): number {
  if (!(max > 0)) throw new Error(`invalid gauge max: ${max} (expected a number > 0)`);
  return Math.min(Math.max(value / max, 0), 1);
}

/** The angle at which the dial shows a value (0 → startAngle, max → endAngle). */
export function angleOf(value: number, max: number): number {
  return DIAL.startAngle + (DIAL.endAngle - DIAL.startAngle) * dialShare(value, max);
}

/** The point at an angle and a distance from the dial's centre. */
export function pointAt(angle: number, r: number): Point {
  const radians = (angle * Math.PI) / 180;
  return { x: DIAL.cx + r * Math.cos(radians), y: DIAL.cy - r * Math.sin(radians) };
}

const round = (v: number) => Math.round(v * 100) / 100;
const xy = (p: Point) => `${round(p.x)} ${round(p.y)}`;

/**
 * The ring's piece from one value to another as a closed path (outer arc clockwise on screen,
 * inner arc back); null when the piece is empty once clamped to the dial.
 */
export function ringPath(
  from: number,
  to: number,
  max: number,
  outer: number = DIAL.radius,
  inner: number = DIAL.radius - DIAL.arcWidth,
): string | null {
  const a0 = angleOf(from, max);
  const a1 = angleOf(to, max);
  if (a0 - a1 <= 1e-9) return null;
  const large = a0 - a1 > 180 ? 1 : 0;
  return [
    `M ${xy(pointAt(a0, outer))}`,
    `A ${outer} ${outer} 0 ${large} 1 ${xy(pointAt(a1, outer))}`,
    `L ${xy(pointAt(a1, inner))}`,
    `A ${inner} ${inner} 0 ${large} 0 ${xy(pointAt(a0, inner))}`,
    'Z',
  ].join(' ');
}

/** The values 0, step, 2·step… up to max (inclusive when max is a multiple), free of float drift. */
export function tickValues(max: number, step: number): number[] {
  if (!(step > 0)) throw new Error(`invalid gauge tick step: ${step} (expected a number > 0)`);
  const count = Math.floor(max / step + 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** A straight segment across the ring at a value, from radius r0 to r1. */
export function radialSegment(value: number, max: number, r0: number, r1: number) {
  const angle = angleOf(value, max);
  return { from: pointAt(angle, r0), to: pointAt(angle, r1) };
}

/** The needle: a slim triangle from the centre to `length`, `width` wide at its base. */
export function needlePoints(value: number, max: number, length: number, width: number): string {
  const angle = angleOf(value, max);
  const tip = pointAt(angle, length);
  const left = pointAt(angle + 90, width / 2);
  const right = pointAt(angle - 90, width / 2);
  return [tip, left, right].map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
}

/**
 * Where to centre the threshold's label: inside the ring at the threshold's angle, far enough in
 * that a text box of that size clears the ring's inner edge (minus a gap) whatever the angle.
 */
export function thresholdLabelCentre(
  threshold: number,
  max: number,
  box: { width: number; height: number },
  gap = 6,
): Point {
  const radians = (angleOf(threshold, max) * Math.PI) / 180;
  const dx = Math.cos(radians);
  const dy = -Math.sin(radians);
  // The box's half extent along the ray: its corner nearest the ring is that far beyond the centre.
  const halfExtent = (Math.abs(dx) * box.width + Math.abs(dy) * box.height) / 2;
  const distance = DIAL.radius - DIAL.arcWidth - gap - halfExtent;
  return { x: DIAL.cx + dx * distance, y: DIAL.cy + dy * distance };
}

/** A text's box, centred on (x, y), in SVG user units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two centred boxes come closer than `pad` to each other. */
export function boxesOverlap(a: Box, b: Box, pad = 2): boolean {
  return (
    Math.abs(a.x - b.x) < (a.width + b.width) / 2 + pad &&
    Math.abs(a.y - b.y) < (a.height + b.height) / 2 + pad
  );
}

/** Where a tick's label is centred: on the label circle, inside the ring, at the tick's angle. */
export function tickLabelCentre(value: number, max: number): Point {
  return pointAt(angleOf(value, max), DIAL.labelRadius);
}
