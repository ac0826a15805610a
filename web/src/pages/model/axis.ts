/**
 * An axis maximum that reads well: the data's maximum plus a margin (so the last point is not
 * cut by the frame), rounded up to a step that suits its size (0,7 → 80 %, 0,18 → 20 %, 0,04 →
 * 5 %). ECharts prints the maximum as a label: a raw 71 % would sit on top of the 70 % tick.
 */
export function niceAxisMax(max: number, margin = 0.05): number {
  if (!(max > 0)) return 1;
  const padded = max * (1 + margin);
  const magnitude = 10 ** Math.floor(Math.log10(padded));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => padded / s <= 10) ?? magnitude;
  // Step to a tenth of the magnitude's multiple: 0,744 → 0,8 (step 0,1), 0,183 → 0,2 (0,05).
  const fine = padded / step <= 4 ? step / 2 : step;
  const nice = Math.ceil(padded / fine - 1e-9) * fine;
  return Number(nice.toPrecision(12));
}
