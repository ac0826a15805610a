import {
  type Box,
  boxesOverlap,
  DIAL,
  needlePoints,
  radialSegment,
  ringPath,
  thresholdLabelCentre,
  tickLabelCentre,
  tickValues,
} from './gauge-geometry.ts';
import './Gauge.css';

/** One coloured stretch of the ring: [from, to, colour], in the dial's units (e.g. a probability). */
export type GaugeBand = readonly [from: number, to: number, colour: string];

/**
 * A half-ring gauge in plain SVG (no chart library): coloured bands, ticks with labels, an
 * optional threshold mark with its label, a needle and the value in large type in the middle.
 * Stable interface: other pages may reuse it.
 */
export interface GaugeProps {
  /** What the needle and the centre text show. Values outside [0, max] stop at the dial's ends. */
  value: number;
  /** The dial's upper end (its lower end is 0); > 0. */
  max: number;
  /** Coloured stretches of the ring, clamped to [0, max]; gaps stay light grey. */
  bands: readonly GaugeBand[];
  /** A value marked across the ring by a black bar (e.g. the refusal threshold). Optional. */
  threshold?: number;
  /** Texts: `chart` is the accessible name; `threshold` the word drawn above its value ("seuil"). */
  labels: { chart: string; threshold?: string };
  /** Writes a value with a number of decimals: 1 for the value and threshold, 0 for ticks. */
  format: (value: number, digits: number) => string;
  /** Distance between labelled ticks; default 0.1 (every 10 % for a probability). */
  tickStep?: number;
  /** data-testid of the drawing's container. */
  testId?: string;
}

/** Bold 11 px threshold text: about 6.5 units a character and 14 a line. */
const LABEL_CHAR_WIDTH = 6.5;
const LABEL_LINE_HEIGHT = 14;
/** 12 px tick labels: about 7 units a character, 14 high. */
const TICK_CHAR_WIDTH = 7;
const TICK_HEIGHT = 14;
/** Minor ticks between two labelled ones. */
const MINOR_TICKS = 5;
const INNER = DIAL.radius - DIAL.arcWidth;

export function Gauge({
  value,
  max,
  bands,
  threshold,
  labels,
  format,
  tickStep = 0.1,
  testId,
}: GaugeProps) {
  const ticks = tickValues(max, tickStep);
  const minor = tickValues(max, tickStep / MINOR_TICKS).filter((_, i) => i % MINOR_TICKS !== 0);
  const thresholdLines =
    threshold === undefined
      ? []
      : [labels.threshold, format(threshold, 1)].filter((l): l is string => Boolean(l));
  const labelBox = {
    width: Math.max(...thresholdLines.map((l) => l.length)) * LABEL_CHAR_WIDTH,
    height: thresholdLines.length * LABEL_LINE_HEIGHT,
  };
  const labelCentre =
    threshold === undefined ? null : thresholdLabelCentre(threshold, max, labelBox);
  const thresholdBox: Box | null = labelCentre && { ...labelCentre, ...labelBox };
  // Tick labels the threshold's label would cover are left out (the threshold says more there).
  const tickLabels = ticks.flatMap((t) => {
    const text = format(t, 0);
    const box = {
      ...tickLabelCentre(t, max),
      width: text.length * TICK_CHAR_WIDTH,
      height: TICK_HEIGHT,
    };
    return thresholdBox && boxesOverlap(box, thresholdBox) ? [] : [{ value: t, text, box }];
  });

  return (
    <div className="gauge" role="img" aria-label={labels.chart} data-testid={testId}>
      <svg viewBox={`0 0 ${DIAL.width} ${DIAL.height}`} aria-hidden="true" focusable="false">
        <path className="gauge-track" d={ringPath(0, max, max) ?? ''} />
        {bands.map(([from, to, colour]) => {
          const d = ringPath(from, to, max);
          return d ? <path key={`${from}-${to}`} d={d} fill={colour} /> : null;
        })}
        {/* White separators across the ring at each labelled tick, short ones between. */}
        {ticks.map((t) => (
          <Segment key={t} className="gauge-split" {...radialSegment(t, max, INNER, DIAL.radius)} />
        ))}
        {minor.map((t) => (
          <Segment
            key={t}
            className="gauge-minor"
            {...radialSegment(t, max, DIAL.radius - 5, DIAL.radius)}
          />
        ))}
        <polygon className="gauge-needle" points={needlePoints(value, max, INNER - 6, 7)} />
        <circle className="gauge-needle" cx={DIAL.cx} cy={DIAL.cy} r={6} />
        {tickLabels.map(({ value: t, text, box }) => (
          <text key={t} className="gauge-tick halo" x={box.x} y={box.y}>
            {text}
          </text>
        ))}
        {threshold !== undefined && labelCentre && (
          <g className="gauge-threshold">
            {/* A white bar under a black one: visible on every band colour. */}
            <Segment
              className="gauge-threshold-outline"
              {...radialSegment(threshold, max, INNER - 7.5, DIAL.radius + 7.5)}
            />
            <Segment
              className="gauge-threshold-bar"
              {...radialSegment(threshold, max, INNER - 6, DIAL.radius + 6)}
            />
            <text className="gauge-threshold-label halo" x={labelCentre.x} y={labelCentre.y}>
              {thresholdLines.map((line, i) => (
                <tspan
                  key={line}
                  x={labelCentre.x}
                  dy={
                    i === 0
                      ? ((1 - thresholdLines.length) * LABEL_LINE_HEIGHT) / 2
                      : LABEL_LINE_HEIGHT
                  }
                >
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        )}
        <text className="gauge-value halo" x={DIAL.cx} y={DIAL.cy + 42}>
          {format(value, 1)}
        </text>
      </svg>
    </div>
  );
}

function Segment({
  from,
  to,
  className,
}: {
  from: { x: number; y: number };
  to: { x: number; y: number };
  className: string;
}) {
  return <line className={className} x1={from.x} y1={from.y} x2={to.x} y2={to.y} />;
}
