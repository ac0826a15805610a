import { palette } from '../../charts/palette.ts';
import { isAdverse } from './waterfall-chart.ts';
import type { WaterfallStep } from './waterfall-steps.ts';
import type { WeightUnit } from './weights.ts';

/** A step's colour, as the chart draws it (waterfall-chart.ts). */
function colourOf(step: WaterfallStep, unit: WeightUnit): string {
  if (step.kind === 'start' || step.kind === 'adjustment') return palette.neutral;
  if (step.kind === 'end') return palette.client;
  return isAdverse(step, unit) ? palette.bad : palette.good;
}

/**
 * Where each bar lies on one shared axis, as shares of the track (0–1): start and end rise from
 * the axis' start; a step floats from where the previous ended. Points sit far from 0 (≈ 500):
 * their axis starts a little below the lowest level, as the chart's does.
 */
export function barSpans(
  steps: readonly WaterfallStep[],
  unit: WeightUnit,
): { left: number; width: number }[] {
  const levels = steps.flatMap((s) =>
    s.kind === 'start' || s.kind === 'end' ? [s.to] : [s.from, s.to],
  );
  const high = Math.max(...levels);
  const low =
    unit === 'pp'
      ? Math.min(0, ...levels)
      : Math.min(...levels) - (high - Math.min(...levels)) * 0.25;
  const span = high - low || 1;
  return steps.map((s) => {
    const from = s.kind === 'start' || s.kind === 'end' ? low : Math.min(s.from, s.to);
    const to = s.kind === 'start' || s.kind === 'end' ? s.to : Math.max(s.from, s.to);
    return { left: (from - low) / span, width: Math.max((to - from) / span, 0.005) };
  });
}

/**
 * The waterfall for a narrow card (a phone): one row per step, read from top to bottom — its
 * label and value in words on a line of their own, then its bar on a full-width track — so the
 * labels never crowd an axis and the bars keep the card's whole width.
 */
export function WaterfallBars(props: {
  steps: readonly WaterfallStep[];
  unit: WeightUnit;
  label: string;
  labelOf: (step: WaterfallStep) => string;
  valueOf: (step: WaterfallStep) => string;
}) {
  const { steps, unit } = props;
  const spans = barSpans(steps, unit);
  return (
    <ol className="waterfall-bars" aria-label={props.label} data-testid="waterfall-bars">
      {steps.map((s, i) => {
        const span = spans[i] ?? { left: 0, width: 0 };
        return (
          <li key={s.key} className={`waterfall-bar is-${s.kind}`} data-step={s.key}>
            <span className="waterfall-bar-label">{props.labelOf(s)}</span>
            <span className="waterfall-bar-value">{props.valueOf(s)}</span>
            <span className="waterfall-bar-track" aria-hidden="true">
              <span
                className="waterfall-bar-fill"
                style={{
                  left: `${(span.left * 100).toFixed(2)}%`,
                  width: `${(span.width * 100).toFixed(2)}%`,
                  background: colourOf(s, unit),
                }}
              />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
