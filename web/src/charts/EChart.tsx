import { useEffect, useRef } from 'react';
import type { EChartsOption } from './echarts.ts';

type ECharts = typeof import('./echarts.ts');

/**
 * ECharts (≈180 kB gzipped, more than a page's whole budget) is its own chunk, fetched when the
 * first chart mounts and shared by every chart page: a page's own chunk stays small, and the
 * library downloads once whichever chart page opens first.
 */
let library: Promise<ECharts> | undefined;
export function loadECharts(): Promise<ECharts> {
  library ??= import('./echarts.ts');
  return library;
}

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
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  // The latest option, for the instance made once the library has arrived.
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then(({ init }) => {
      if (disposed || !element.current) return;
      const instance = init(element.current, undefined, { renderer: 'svg' });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
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
