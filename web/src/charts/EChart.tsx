import { useEffect, useRef } from 'react';
import { type EChartsOption, init } from './echarts.ts';

interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the numbers are in the table beside it). */
  label: string;
  height?: number;
  testId?: string;
}

/** One ECharts instance bound to a div; resized with its container, disposed on unmount. */
export function EChart({ option, label, height = 280, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}
