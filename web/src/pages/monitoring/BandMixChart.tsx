import { useMemo } from 'react';
import type { MonitoringReport } from '../../api/generated/api-types.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { bandWord } from './monitoring-view.ts';

const messages = {
  fr: {
    label: 'Répartition des dossiers par classe de risque : développement et fenêtre côte à côte',
    reference: 'Population de développement',
    window: 'Fenêtre',
    caption: 'Part des dossiers par classe',
    columns: ['Classe', 'Développement', 'Fenêtre'],
  },
  en: {
    label: 'Share of applications per risk band: development and window side by side',
    reference: 'Development population',
    window: 'Window',
    caption: 'Share of applications per band',
    columns: ['Band', 'Development', 'Window'],
  },
};

/** The band mix: development and window shares per band, best band first. */
export function BandMixChart({ mix }: { mix: MonitoringReport['bandMix'] }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const pct = (v: number) => formatPercent(v, language, 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows language.
  const option = useMemo(
    (): EChartsOption => ({
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => formatPercent(Number(v), language),
      },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: mix.bands.map((b) => bandWord(b.band, language)),
        // Every band named, even at phone width.
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: pct } },
      series: [
        {
          name: t.reference,
          type: 'bar',
          data: mix.bands.map((b) => b.reference),
          itemStyle: { color: palette.neutral },
        },
        {
          name: t.window,
          type: 'bar',
          data: mix.bands.map((b) => b.window),
          itemStyle: { color: palette.good, decal: { symbol: 'rect' } },
        },
      ],
    }),
    [mix, language],
  );
  return (
    <>
      <ChartLegend
        items={[
          { label: t.reference, colour: palette.neutral, shape: 'square' },
          { label: t.window, colour: palette.good, shape: 'square' },
        ]}
      />
      <EChart option={option} label={t.label} height={240} testId="band-mix-chart" />
      <ChartTable
        caption={t.caption}
        columns={t.columns}
        testId="band-mix-table"
        rows={mix.bands.map((b) => [
          bandWord(b.band, language),
          formatPercent(b.reference, language),
          formatPercent(b.window, language),
        ])}
      />
    </>
  );
}
