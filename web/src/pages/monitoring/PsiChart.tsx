import { useMemo } from 'react';
import type { VariableStability } from '../../api/generated/api-types.ts';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { verticalLine } from '../../charts/vertical-line.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { LightBadge } from './LightBadge.tsx';
import type { Light } from './monitoring-view.ts';

const messages = {
  fr: {
    label: (n: number) =>
      `Indice de stabilité (PSI) des ${n} variables les plus déplacées, seuils 0,10 et 0,25`,
    x: 'PSI (développement → fenêtre)',
    caption: 'Chaque variable : PSI, feu, part manquante et valeurs jamais vues',
    columns: ['Variable', 'PSI', 'Feu', 'Manquant (dév. → fenêtre)', 'Jamais vu'],
    summary: (n: number) => `Voir les ${n} variables`,
  },
  en: {
    label: (n: number) =>
      `Population stability index (PSI) of the ${n} variables that moved most, thresholds 0.10 and 0.25`,
    x: 'PSI (development → window)',
    caption: 'Each variable: PSI, light, missing share and unseen values',
    columns: ['Variable', 'PSI', 'Light', 'Missing (dev → window)', 'Unseen'],
    summary: (n: number) => `Show all ${n} variables`,
  },
};

const COLOURS: Record<Light, string> = {
  green: palette.green,
  amber: palette.accent,
  red: palette.bad,
};

/** Bars drawn: the most moved; the table lists every variable. */
const SHOWN = 15;

/** PSI per variable as horizontal bars coloured by light, with the 0.10 and 0.25 thresholds. */
export function PsiChart({ variables }: { variables: readonly VariableStability[] }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const shown = variables.slice(0, SHOWN);
  // Very large PSIs (a feed gone missing: 10) would flatten the rest: the axis stops at 2.
  const top = Math.min(2, Math.max(0.3, ...shown.map((v) => v.psi)) * 1.05);
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows language.
  const option = useMemo((): EChartsOption => {
    const names = shown.map((v) => v.name).reverse();
    return {
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 48, top: 24, bottom: 40, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: top,
        name: t.x,
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: (v: number) => formatNumber(v, language, 2) },
      },
      yAxis: { type: 'category', data: names, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: [...shown].reverse().map((v) => ({
            value: Math.min(v.psi, top),
            name: v.name,
            itemStyle: { color: COLOURS[v.status] },
            label: {
              show: true,
              position: 'right',
              formatter: () => formatNumber(v.psi, language, 2),
            },
          })),
        },
        ...([0.1, 0.25] as const).map((x) =>
          verticalLine({
            x,
            from: 0,
            to: names.length - 1,
            label: formatNumber(x, language, 2),
            color: palette.neutral,
            dashed: true,
            align: x === 0.1 ? 'left' : 'right',
          }),
        ),
      ],
    } as EChartsOption;
  }, [shown, top, language]);
  const pct = (v: number) => formatPercent(v, language);
  return (
    <>
      <EChart
        option={option}
        label={t.label(shown.length)}
        height={60 + 22 * shown.length}
        testId="psi-chart"
      />
      <ChartTable
        caption={t.caption}
        summary={t.summary(variables.length)}
        columns={t.columns}
        testId="psi-table"
        rows={variables.map((v) => [
          v.name,
          formatNumber(v.psi, language, 3),
          <LightBadge key="l" light={v.status} />,
          `${pct(v.missingReference)} → ${pct(v.missingWindow)}`,
          v.unseenWindow > 0 ? pct(v.unseenWindow) : '—',
        ])}
      />
    </>
  );
}
