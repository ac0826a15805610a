import { useMemo } from 'react';
import type { ModelCard } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';

const TOP = 15;

const messages = {
  fr: {
    label: `Les ${TOP} caractéristiques qui pèsent le plus dans le score, en moyenne`,
    x: 'Effet moyen sur le risque (log-odds, moyenne des valeurs absolues)',
    caption: `Importance globale : les ${TOP} premières caractéristiques`,
    columns: ['Rang', 'Caractéristique', 'Effet moyen (log-odds)'],
  },
  en: {
    label: `The ${TOP} characteristics that weigh most in the score, on average`,
    x: 'Mean effect on the risk (log-odds, mean absolute value)',
    caption: `Global importance: the top ${TOP} characteristics`,
    columns: ['Rank', 'Characteristic', 'Mean effect (log-odds)'],
  },
};

/** Mean |SHAP| of the top features (holdout), largest at the top, labelled in the language. */
export function ImportanceChart({ features }: { features: ModelCard['importance']['features'] }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const top = useMemo(
    () =>
      [...features]
        .sort((a, b) => b.meanAbsShap - a.meanAbsShap)
        .slice(0, TOP)
        .map((f) => ({ ...f, label: language === 'fr' ? f.labelFr : f.labelEn })),
    [features, language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows language.
  const option = useMemo((): EChartsOption => {
    const shown = [...top].reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 40, containLabel: true },
      xAxis: {
        type: 'value',
        name: t.x,
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: (v: number) => formatNumber(v, language, 2) },
      },
      yAxis: {
        type: 'category',
        data: shown.map((f) => f.label),
        // Long labels wrap (two lines, three at most) instead of being cut: they must be readable.
        axisLabel: { width: 230, overflow: 'break', lineHeight: 13 },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((f) => f.meanAbsShap),
          itemStyle: { color: palette.good },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value?: unknown }) => formatNumber(Number(p.value), language, 3),
          },
        },
      ],
    };
  }, [top, language]);
  return (
    <>
      <div data-testid="importance-chart">
        <EChart option={option} label={t.label} height={Math.max(200, 36 * top.length + 60)} />
      </div>
      <ChartTable
        caption={t.caption}
        columns={t.columns}
        rows={top.map((f, i) => [String(i + 1), f.label, formatNumber(f.meanAbsShap, language, 3)])}
      />
    </>
  );
}
