import { useMemo } from 'react';
import type { Curve } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { verticalLine } from '../../charts/vertical-line.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { nearestIndex, thinIndices } from './model-summary.ts';

const messages = {
  fr: {
    label: 'Coût des erreurs selon le seuil de refus, le seuil retenu marqué',
    x: 'Seuil de refus (probabilité de défaut)',
    y: 'Coût relatif',
    series: 'Coût relatif',
    threshold: (t: string) => `Seuil retenu : ${t}`,
    caption:
      'Coût relatif (1 = le meilleur des choix « tout accorder » ou « tout refuser ») par seuil',
    columns: ['Seuil', 'Coût relatif', ''],
    chosen: 'seuil retenu',
  },
  en: {
    label: 'Cost of errors by refusal threshold, the chosen threshold marked',
    x: 'Refusal threshold (probability of default)',
    y: 'Relative cost',
    series: 'Relative cost',
    threshold: (t: string) => `Chosen threshold: ${t}`,
    caption: 'Relative cost (1 = the better of "grant all" or "refuse all") by threshold',
    columns: ['Threshold', 'Relative cost', ''],
    chosen: 'chosen threshold',
  },
};

/** Normalised cost against the threshold (out-of-fold), the served threshold as a labelled line. */
export function CostCurveChart({ curve, threshold }: { curve: Curve; threshold: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows language.
  const option = useMemo(
    (): EChartsOption => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      // Room above the plot for the threshold's label, clear of the curve.
      grid: { left: 64, right: 32, top: 48, bottom: 48 },
      xAxis: {
        type: 'value',
        name: t.x,
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: { formatter: (v: number) => formatPercent(v, language, 0) },
      },
      yAxis: {
        type: 'value',
        name: t.y,
        // Beside the axis, so the threshold's label above the plot has the top to itself.
        nameLocation: 'middle',
        nameGap: 40,
        scale: true,
        axisLabel: { formatter: (v: number) => formatNumber(v, language, 1) },
      },
      series: [
        {
          name: t.series,
          type: 'line',
          showSymbol: false,
          data: curve.x.map((x, i) => [x, curve.y[i] ?? null]),
          lineStyle: { color: palette.good, width: 2 },
          itemStyle: { color: palette.good },
        },
        // Above the plot, horizontal: a label along the line would cross the curve. Starting at
        // the line and running away from the y axis's labels.
        verticalLine({
          x: threshold,
          from: Math.min(...curve.y),
          to: Math.max(...curve.y),
          label: t.threshold(formatPercent(threshold, language)),
          color: palette.bad,
          dashed: true,
          align: threshold < 0.6 ? 'left' : 'right',
        }),
      ],
    }),
    [curve, threshold, language],
  );
  const chosen = nearestIndex(curve.x, threshold);
  const rows = [...new Set([...thinIndices(curve.x.length, 21), chosen])]
    .sort((a, b) => a - b)
    .map((i) => [
      formatPercent(curve.x[i] as number, language),
      formatNumber(curve.y[i] as number, language, 3),
      i === chosen ? t.chosen : '',
    ]);
  return (
    <>
      <div data-testid="cost-curve">
        <EChart option={option} label={t.label} height={280} />
      </div>
      <ChartTable caption={t.caption} columns={t.columns} rows={rows} />
    </>
  );
}
