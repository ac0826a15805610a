import { useMemo } from 'react';
import type { FeatureDistribution, Quantiles } from '../../api/types.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { formatFeatureValue } from './format-value.ts';
import { histogramOf } from './histogram.ts';
import { percentileSentence } from './percentile.ts';

const messages = {
  fr: {
    repaid: 'Ont remboursé',
    defaulted: "N'ont pas remboursé",
    share: 'Part des clients',
    clientAt: (v: string) => `Ce client : ${v}`,
    chart: (label: string) =>
      `Répartition de « ${label} » chez les clients qui ont remboursé et chez ceux qui n'ont pas remboursé, avec la valeur du client`,
    quantiles: (label: string) => `Quantiles de « ${label} »`,
    showBins: "Voir l'histogramme en chiffres",
    bins: (label: string) => `Histogramme de « ${label} »`,
    columns: ['Groupe', '5 %', '25 %', 'Médiane', '75 %', '95 %'],
    binColumns: [
      'De',
      'À',
      'Ont remboursé',
      "N'ont pas remboursé",
      'Issue inconnue',
      'Taux de défaut',
    ],
    all: 'Tout le groupe',
    unknown: (n: string) =>
      `${n} clients sans issue connue (dossiers en cours) ne sont pas dans les barres.`,
    missing: (n: string) => `${n} clients du groupe n'ont pas de valeur.`,
    groupSize: (n: string) => `Groupe de ${n} clients.`,
    merged:
      'Pour protéger les autres clients, les tranches où moins de 10 clients ont la même issue sont regroupées avec leurs voisines.',
    suppressed: {
      repaid: 'Moins de 10 clients du groupe ont remboursé : leur répartition n’est pas montrée.',
      defaulted:
        "Moins de 10 clients du groupe n'ont pas remboursé : leur répartition n’est pas montrée.",
      unknown:
        'Moins de 10 clients du groupe ont un dossier en cours : leur répartition n’est pas montrée.',
    },
    withheld: '« — » : moins de 10 clients, chiffre non montré.',
  },
  en: {
    repaid: 'Repaid',
    defaulted: 'Did not repay',
    share: 'Share of clients',
    clientAt: (v: string) => `This client: ${v}`,
    chart: (label: string) =>
      `Distribution of "${label}" among clients who repaid and who did not, with the client's value`,
    quantiles: (label: string) => `Quantiles of "${label}"`,
    showBins: 'Show the histogram as numbers',
    bins: (label: string) => `Histogram of "${label}"`,
    columns: ['Group', '5%', '25%', 'Median', '75%', '95%'],
    binColumns: ['From', 'To', 'Repaid', 'Did not repay', 'Unknown outcome', 'Default rate'],
    all: 'Whole group',
    unknown: (n: string) =>
      `${n} clients without a known outcome (files in progress) are not in the bars.`,
    missing: (n: string) => `${n} clients of the group have no value.`,
    groupSize: (n: string) => `Group of ${n} clients.`,
    merged:
      'To protect other clients, ranges where fewer than 10 clients share an outcome are merged with their neighbours.',
    suppressed: {
      repaid: 'Fewer than 10 clients of the group repaid: where they lie is not shown.',
      defaulted: 'Fewer than 10 clients of the group did not repay: where they lie is not shown.',
      unknown:
        'Fewer than 10 clients of the group have a file in progress: where they lie is not shown.',
    },
    withheld: '"—": fewer than 10 clients, figure not shown.',
  },
};

/**
 * A feature's distribution in a group, repaid and defaulted side by side as shares of each outcome,
 * the client's bin marked by a labelled line, their percentile in words, and the numbers in tables.
 * A customer's answer is coarse (`disclosure`): merged bins and withheld figures are said in words.
 */
export function DistributionChart({
  distribution,
  label,
  unit,
}: {
  distribution: FeatureDistribution;
  label: string;
  unit: string | null;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const histogram = useMemo(() => histogramOf(distribution), [distribution]);
  const value = (v: number | null | undefined) =>
    formatFeatureValue(v, unit, language, distribution.feature);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters and t follow language.
  const option = useMemo((): EChartsOption => {
    const categories = histogram.bins.map((b) => value(b.from));
    const client = distribution.client;
    const clientLine =
      client && histogram.clientBin !== null
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { color: palette.client, width: 2, type: 'solid' },
            label: {
              formatter: t.clientAt(value(client.value)),
              color: palette.client,
              position: 'end',
            },
            data: [{ xAxis: categories[histogram.clientBin] }],
          }
        : undefined;
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => formatPercent(Number(v), language),
      },
      grid: { left: 64, right: 24, top: 48, bottom: 48 },
      xAxis: {
        type: 'category',
        data: categories,
        name: label,
        nameLocation: 'middle',
        nameGap: 30,
      },
      yAxis: {
        type: 'value',
        name: t.share,
        // Beside the axis, not above it, so the client's label at the top never collides with it.
        nameLocation: 'middle',
        nameGap: 44,
        axisLabel: { formatter: (v: number) => formatPercent(v, language, 0) },
      },
      series: [
        {
          name: t.repaid,
          type: 'bar',
          data: histogram.bins.map((b) => b.repaidShare),
          itemStyle: { color: palette.good },
          markLine: clientLine,
        },
        {
          name: t.defaulted,
          type: 'bar',
          data: histogram.bins.map((b) => b.defaultedShare),
          // A hatch-like border as well as the colour, so the two never rely on colour alone.
          itemStyle: {
            color: palette.bad,
            borderColor: '#000',
            borderWidth: 0.5,
            borderType: 'dashed',
          },
        },
      ],
    };
  }, [histogram, distribution.client, label, language]);

  const quantileRow = (name: string, q: Quantiles | null) => [
    name,
    value(q?.p5),
    value(q?.p25),
    value(q?.p50),
    value(q?.p75),
    value(q?.p95),
  ];
  const n = (x: number) => formatNumber(x, language);
  // A count the API withholds (a customer's answer, too few clients) reads as a dash.
  const count = (x: number | null) => (x === null ? '—' : n(x));

  return (
    <div className="distribution">
      <p className="percentile-sentence" data-testid="client-percentile">
        {percentileSentence(distribution, language)}
      </p>
      <div
        data-testid="distribution-chart"
        data-client-value={distribution.client?.value ?? ''}
        data-feature={distribution.feature}
      >
        <ChartLegend
          items={[
            { label: t.repaid, colour: palette.good, shape: 'square' },
            { label: t.defaulted, colour: palette.bad, shape: 'square' },
          ]}
        />
        <EChart option={option} label={t.chart(label)} height={300} />
      </div>
      <p className="compare-note">
        {t.groupSize(n(distribution.size))}{' '}
        {!!distribution.missing && t.missing(n(distribution.missing))}{' '}
        {!!histogram.totals.unknown && t.unknown(n(histogram.totals.unknown))}
      </p>
      {distribution.disclosure && (
        <p className="compare-note" data-testid="distribution-disclosure">
          {distribution.disclosure.merged && t.merged}{' '}
          {distribution.disclosure.suppressed.map((o) => t.suppressed[o]).join(' ')} {t.withheld}
        </p>
      )}
      <ChartTable
        caption={t.quantiles(label)}
        columns={t.columns}
        rows={[
          quantileRow(t.all, distribution.quantiles.all),
          quantileRow(t.repaid, distribution.quantiles.repaid),
          quantileRow(t.defaulted, distribution.quantiles.defaulted),
        ]}
        testId="distribution-quantiles"
      />
      <ChartTable
        summary={t.showBins}
        caption={t.bins(label)}
        columns={t.binColumns}
        rows={histogram.bins.map((b) => [
          value(b.from),
          value(b.to),
          count(b.repaid),
          count(b.defaulted),
          count(b.unknown),
          b.defaultRate === null ? '—' : formatPercent(b.defaultRate, language),
        ])}
      />
    </div>
  );
}
