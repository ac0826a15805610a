import { useMemo } from 'react';
import type { ReliabilityCurve } from '../../api/types.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { niceAxisMax } from './axis.ts';

const messages = {
  fr: {
    label:
      'Calibration : taux de défaut observé selon la probabilité annoncée, comparé à la diagonale',
    x: 'Probabilité de défaut annoncée',
    y: 'Taux de défaut observé',
    after: 'Modèle servi (calibré)',
    before: 'Avant calibration',
    diagonal: 'Calibration parfaite',
    caption: 'Par groupe de clients : probabilité annoncée, taux observé et nombre de clients',
    columns: [
      'Probabilité annoncée',
      'Taux observé',
      'Clients',
      'Avant calibration : annoncée',
      'observé',
    ],
  },
  en: {
    label: 'Calibration: observed default rate by predicted probability, against the diagonal',
    x: 'Predicted probability of default',
    y: 'Observed default rate',
    after: 'Served model (calibrated)',
    before: 'Before calibration',
    diagonal: 'Perfect calibration',
    caption: 'By group of clients: predicted probability, observed rate and number of clients',
    columns: ['Predicted', 'Observed', 'Clients', 'Before calibration: predicted', 'observed'],
  },
};

const pairs = (c: ReliabilityCurve) => c.predicted.map((p, i) => [p, c.observed[i] ?? null]);

/** Observed against predicted default rate (holdout), before and after calibration, with y = x. */
export function CalibrationChart({
  before,
  after,
}: {
  /** Null when no calibration is applied (the two curves would be one). */
  before: ReliabilityCurve | null;
  after: ReliabilityCurve;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  // Both axes share the maximum so the diagonal stays at 45°; rounded with room for the last point.
  const top = Math.min(
    1,
    niceAxisMax(
      Math.max(
        0.05,
        ...after.predicted,
        ...after.observed,
        ...(before?.predicted ?? []),
        ...(before?.observed ?? []),
      ),
    ),
  );
  const pct = (v: number) => formatPercent(v, language, 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: t and pct follow language.
  const option = useMemo(
    (): EChartsOption => ({
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 56, right: 24, top: 40, bottom: 48 },
      xAxis: {
        type: 'value',
        min: 0,
        max: top,
        name: t.x,
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: { formatter: pct },
      },
      yAxis: { type: 'value', min: 0, max: top, name: t.y, axisLabel: { formatter: pct } },
      series: [
        {
          name: t.diagonal,
          type: 'line',
          data: [
            [0, 0],
            [top, top],
          ],
          showSymbol: false,
          lineStyle: { color: palette.neutral, type: 'dashed' },
          itemStyle: { color: palette.neutral },
        },
        ...(before
          ? [
              {
                name: t.before,
                type: 'line',
                data: pairs(before),
                symbol: 'triangle',
                lineStyle: { color: palette.accent, type: 'dotted' },
                itemStyle: { color: palette.accent },
              },
            ]
          : []),
        {
          name: t.after,
          type: 'line',
          data: pairs(after),
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { color: palette.good, width: 2 },
          itemStyle: { color: palette.good },
        },
      ],
    }),
    [before, after, top, language],
  );
  const maybe = (v: number | undefined) => (v === undefined ? '—' : formatPercent(v, language));
  const rows = after.predicted.map((p, i) => [
    formatPercent(p, language),
    maybe(after.observed[i]),
    formatNumber(after.count[i] ?? 0, language),
    ...(before ? [maybe(before.predicted[i]), maybe(before.observed[i])] : []),
  ]);
  return (
    <>
      <div data-testid="calibration-chart">
        <ChartLegend
          items={[
            { label: t.diagonal, colour: palette.neutral, shape: 'dashed' },
            ...(before
              ? [{ label: t.before, colour: palette.accent, shape: 'triangle' as const }]
              : []),
            { label: t.after, colour: palette.good, shape: 'line' as const },
          ]}
        />
        <EChart option={option} label={t.label} height={300} />
      </div>
      <ChartTable
        caption={t.caption}
        columns={before ? t.columns : t.columns.slice(0, 3)}
        rows={rows}
      />
    </>
  );
}
