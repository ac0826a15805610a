import './ChartLegend.css';

export type LegendShape = 'square' | 'circle' | 'triangle' | 'diamond' | 'line' | 'dashed' | 'pin';

export interface LegendItem {
  label: string;
  colour: string;
  shape: LegendShape;
}

/**
 * A chart's legend as page text rather than drawn by ECharts: read by screen readers, translated
 * with the page, and one ECharts component fewer in the bundle. Shapes repeat the chart's marks so
 * the legend does not rest on colour alone.
 */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="18" height="12" viewBox="0 0 18 12" aria-hidden="true">
            {mark(item)}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function mark({ shape, colour }: LegendItem) {
  switch (shape) {
    case 'circle':
      return <circle cx="9" cy="6" r="4.5" fill={colour} />;
    case 'triangle':
      return <polygon points="9,1 14,11 4,11" fill={colour} />;
    case 'diamond':
      return <polygon points="9,1 14,6 9,11 4,6" fill={colour} />;
    case 'pin':
      return <path d="M9 11 L5 5 A4 4 0 1 1 13 5 Z" fill={colour} />;
    case 'line':
      return <line x1="1" y1="6" x2="17" y2="6" stroke={colour} strokeWidth="2.5" />;
    case 'dashed':
      return (
        <line x1="1" y1="6" x2="17" y2="6" stroke={colour} strokeWidth="2" strokeDasharray="4 3" />
      );
    default:
      return <rect x="3" y="1" width="12" height="10" fill={colour} />;
  }
}
