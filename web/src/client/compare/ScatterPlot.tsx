import { useMemo } from 'react';
import type { Scatter } from '../../api/types.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, plural } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { comparisonValueText } from '../value-text.ts';

const messages = {
  fr: {
    repaid: 'Ont remboursé',
    defaulted: "N'ont pas remboursé",
    unknown: 'Issue inconnue',
    client: 'Ce client',
    chart: (x: string, y: string) =>
      `Nuage de points : « ${x} » et « ${y} », le client mis en évidence`,
    caption: (x: string, y: string) =>
      `« ${x} » et « ${y} » par issue (moyennes des points montrés)`,
    columns: (x: string, y: string) => ['Groupe', 'Points', `Moyenne ${x}`, `Moyenne ${y}`],
    sample: (shown: number, available: number) =>
      `${formatNumber(shown, 'fr')} ${plural(shown, 'fr', { one: 'client montré', other: 'clients montrés' })} sur ${formatNumber(available, 'fr')} ayant les deux valeurs.`,
    noClient: "Ce client n'a pas de valeur pour l'une des deux caractéristiques.",
  },
  en: {
    repaid: 'Repaid',
    defaulted: 'Did not repay',
    unknown: 'Unknown outcome',
    client: 'This client',
    chart: (x: string, y: string) => `Scatter of "${x}" and "${y}", the client highlighted`,
    caption: (x: string, y: string) => `"${x}" and "${y}" by outcome (means of the points shown)`,
    columns: (x: string, y: string) => ['Group', 'Points', `Mean ${x}`, `Mean ${y}`],
    sample: (shown: number, available: number) =>
      `${formatNumber(shown, 'en')} ${plural(shown, 'en', { one: 'client', other: 'clients' })} shown of ${formatNumber(available, 'en')} with both values.`,
    noClient: 'This client has no value for one of the two characteristics.',
  },
};

type Outcome = Scatter['points']['outcome'][number];

/** Points of one outcome, as [x, y] pairs, and their means. */
function pointsOf(answer: Scatter, outcome: Outcome) {
  const data: [number, number][] = [];
  let sx = 0;
  let sy = 0;
  const { points } = answer;
  points.outcome.forEach((o, i) => {
    if (o !== outcome) return;
    const x = points.x[i] as number;
    const y = points.y[i] as number;
    data.push([x, y]);
    sx += x;
    sy += y;
  });
  const n = data.length;
  return { data, meanX: n ? sx / n : Number.NaN, meanY: n ? sy / n : Number.NaN };
}

/**
 * Two features of a group: repaid as blue circles, defaulted as orange triangles (shape and colour
 * both say it), unknown outcomes as small grey diamonds, the client as a large black pin, labelled.
 */
export function ScatterPlot(props: { answer: Scatter; xLabel: string; yLabel: string }) {
  const { answer, xLabel, yLabel } = props;
  const t = useMessages(messages);
  const { language } = useLanguage();
  const groups = useMemo(
    () => ({
      repaid: pointsOf(answer, 'repaid'),
      defaulted: pointsOf(answer, 'defaulted'),
      unknown: pointsOf(answer, 'unknown'),
    }),
    [answer],
  );
  const fx = (v: number) => comparisonValueText(answer.x, v, answer.xUnit, language);
  const fy = (v: number) => comparisonValueText(answer.y, v, answer.yUnit, language);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters and t follow language.
  const option = useMemo((): EChartsOption => {
    const client = answer.client;
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName?: string; value?: unknown }) => {
          const [x, y] = (p.value as [number, number]) ?? [Number.NaN, Number.NaN];
          const sep = language === 'fr' ? '\u00a0: ' : ': ';
          return `${p.seriesName ?? ''}<br/>${xLabel}${sep}${fx(x)}<br/>${yLabel}${sep}${fy(y)}`;
        },
      },
      grid: { left: 64, right: 32, top: 48, bottom: 48 },
      xAxis: {
        type: 'value',
        name: xLabel,
        nameLocation: 'middle',
        nameGap: 28,
        scale: true,
        // At phone width the ticks' labels would run together: those that overlap are left out.
        axisLabel: { formatter: (v: number) => fx(v), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        name: yLabel,
        nameLocation: 'end',
        scale: true,
        axisLabel: { formatter: (v: number) => fy(v) },
      },
      series: [
        {
          name: t.unknown,
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 4,
          itemStyle: { color: palette.neutral, opacity: 0.5 },
          data: groups.unknown.data,
        },
        {
          name: t.repaid,
          type: 'scatter',
          symbol: 'circle',
          symbolSize: 5,
          itemStyle: { color: palette.good, opacity: 0.55 },
          data: groups.repaid.data,
        },
        {
          name: t.defaulted,
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 7,
          itemStyle: { color: palette.bad, opacity: 0.75 },
          data: groups.defaulted.data,
        },
        {
          name: t.client,
          type: 'scatter',
          symbol: 'pin',
          symbolSize: 34,
          z: 10,
          itemStyle: { color: palette.client },
          label: {
            show: true,
            position: 'right',
            distance: 6,
            formatter: t.client,
            fontWeight: 'bold',
            color: palette.client,
            // A white box so the label stays readable over dense points (tablet width).
            backgroundColor: 'rgba(255, 255, 255, 0.92)',
            borderColor: palette.client,
            borderWidth: 1,
            borderRadius: 3,
            padding: [2, 5],
          },
          data: client ? [[client.x, client.y]] : [],
        },
      ],
    };
  }, [answer, groups, xLabel, yLabel, language]);

  const n = (x: number) => formatNumber(x, language);
  const row = (name: string, g: ReturnType<typeof pointsOf>) => [
    name,
    n(g.data.length),
    fx(g.meanX),
    fy(g.meanY),
  ];
  return (
    <div className="scatter">
      <div data-testid="scatter-chart" data-points={answer.points.x.length}>
        <ChartLegend
          items={[
            { label: t.repaid, colour: palette.good, shape: 'circle' },
            { label: t.defaulted, colour: palette.bad, shape: 'triangle' },
            { label: t.unknown, colour: palette.neutral, shape: 'diamond' },
            { label: t.client, colour: palette.client, shape: 'pin' },
          ]}
        />
        <EChart option={option} label={t.chart(xLabel, yLabel)} height={340} />
      </div>
      <p className="compare-note">
        {t.sample(answer.points.x.length, answer.available)} {answer.client === null && t.noClient}
      </p>
      <ChartTable
        caption={t.caption(xLabel, yLabel)}
        columns={t.columns(xLabel, yLabel)}
        rows={[
          row(t.repaid, groups.repaid),
          row(t.defaulted, groups.defaulted),
          row(t.unknown, groups.unknown),
          [
            t.client,
            '1',
            answer.client ? fx(answer.client.x) : '—',
            answer.client ? fy(answer.client.y) : '—',
          ],
        ]}
      />
    </div>
  );
}
