import { useMemo } from 'react';
import type { FeatureDistribution, Quantiles } from '../../api/types.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { verticalLine } from '../../charts/vertical-line.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, formatPercent, type Language, plural } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { comparisonValueText } from '../value-text.ts';
import { type HistogramBin, histogramOf } from './histogram.ts';
import { percentileSentence } from './percentile.ts';

const clients = (n: number, language: Language) =>
  `${formatNumber(n, language)} ${plural(n, language, { one: 'client', other: 'clients' })}`;

const messages = {
  fr: {
    repaid: 'Ont remboursé',
    defaulted: "N'ont pas remboursé",
    share: 'Part de chaque issue (%)',
    hundred:
      "Chaque couleur fait 100 % : les barres bleues répartissent les clients du groupe qui ont remboursé, les barres orange ceux qui n'ont pas remboursé. Au survol et dans le tableau, le nombre de clients de chaque barre.",
    clientAt: (v: string) => `Ce client : ${v}`,
    clientAtCustomer: (v: string) => `Votre valeur : ${v}`,
    chart: (label: string) =>
      `Répartition de « ${label} » chez les clients qui ont remboursé et chez ceux qui n'ont pas remboursé (100 % par issue), avec la valeur du client`,
    chartCustomer: (label: string) =>
      `Répartition de « ${label} » chez les clients qui ont remboursé et chez ceux qui n'ont pas remboursé (100 % par issue), avec votre valeur`,
    range: (from: string, to: string) => `De ${from} à ${to}`,
    cell: (share: string, count: string) => `${share} (${count})`,
    quantiles: (label: string) => `Quantiles de « ${label} »`,
    showBins: "Voir l'histogramme en chiffres",
    bins: (label: string) =>
      `Histogramme de « ${label} » : clients par tranche, et part de chaque issue (100 % par issue)`,
    columns: ['Groupe', '5 %', '25 %', 'Médiane', '75 %', '95 %'],
    binColumns: [
      'De',
      'À',
      'Ont remboursé : part (clients)',
      "N'ont pas remboursé : part (clients)",
      'Issue inconnue (clients)',
      'Taux de défaut de la tranche',
    ],
    all: 'Tout le groupe',
    unknown: (n: number) =>
      `${clients(n, 'fr')} sans issue connue (${plural(n, 'fr', { one: 'dossier', other: 'dossiers' })} en cours) ${plural(n, 'fr', { one: "n'est", other: 'ne sont' })} pas dans les barres.`,
    missing: (n: number) =>
      `${clients(n, 'fr')} du groupe ${plural(n, 'fr', { one: "n'a", other: "n'ont" })} pas de valeur.`,
    groupSize: (n: number) => `Groupe de ${clients(n, 'fr')}.`,
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
    share: 'Share of each outcome (%)',
    hundred:
      "Each colour makes 100%: the blue bars spread the group's clients who repaid, the orange bars those who did not. On hover and in the table, the number of clients of each bar.",
    clientAt: (v: string) => `This client: ${v}`,
    clientAtCustomer: (v: string) => `Your value: ${v}`,
    chart: (label: string) =>
      `Distribution of "${label}" among clients who repaid and who did not (100% per outcome), with the client's value`,
    chartCustomer: (label: string) =>
      `Distribution of "${label}" among clients who repaid and who did not (100% per outcome), with your value`,
    range: (from: string, to: string) => `From ${from} to ${to}`,
    cell: (share: string, count: string) => `${share} (${count})`,
    quantiles: (label: string) => `Quantiles of "${label}"`,
    showBins: 'Show the histogram as numbers',
    bins: (label: string) =>
      `Histogram of "${label}": clients per range, and the share of each outcome (100% per outcome)`,
    columns: ['Group', '5%', '25%', 'Median', '75%', '95%'],
    binColumns: [
      'From',
      'To',
      'Repaid: share (clients)',
      'Did not repay: share (clients)',
      'Unknown outcome (clients)',
      "The range's default rate",
    ],
    all: 'Whole group',
    unknown: (n: number) =>
      `${clients(n, 'en')} without a known outcome (${plural(n, 'en', { one: 'a file', other: 'files' })} in progress) ${plural(n, 'en', { one: 'is', other: 'are' })} not in the bars.`,
    missing: (n: number) =>
      `${clients(n, 'en')} of the group ${plural(n, 'en', { one: 'has', other: 'have' })} no value.`,
    groupSize: (n: number) => `Group of ${clients(n, 'en')}.`,
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

/** Text in a tooltip's HTML: the feature labels come from the API, so escape them. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`,
  );
}

/**
 * A feature's distribution in a group, repaid and defaulted side by side as shares of each outcome,
 * the client's bin marked by a labelled line, their percentile in words, and the numbers in tables.
 * A customer's answer is coarse (`disclosure`): merged bins and withheld figures are said in words.
 */
export function DistributionChart({
  distribution,
  label,
  customer = false,
}: {
  distribution: FeatureDistribution;
  label: string;
  /** The customer's own file: the texts naming the client speak to them ("Votre valeur"). */
  customer?: boolean;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const histogram = useMemo(() => histogramOf(distribution), [distribution]);
  const value = (v: number | null | undefined) =>
    comparisonValueText(distribution.feature, v, distribution.unit, language);
  const n = (x: number) => formatNumber(x, language);
  // A count the API withholds (a customer's answer, too few clients) reads as a dash.
  const count = (x: number | null) => (x === null ? '—' : n(x));
  /** A bar's share of its outcome and its clients: "12,3 % (45)". */
  const cell = (share: number, x: number | null) =>
    x === null ? '—' : t.cell(formatPercent(share, language), n(x));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters and t follow language.
  const option = useMemo((): EChartsOption => {
    const categories = histogram.bins.map((b) => value(b.from));
    const client = distribution.client;
    const top = Math.max(
      0,
      ...histogram.bins.map((b) => Math.max(b.repaidShare, b.defaultedShare)),
    );
    const clientLine =
      client && histogram.clientBin !== null
        ? [
            verticalLine({
              // The bin's index: two bins may read alike once their edges are rounded.
              x: histogram.clientBin,
              from: 0,
              to: top,
              label: (customer ? t.clientAtCustomer : t.clientAt)(value(client.value)),
              color: palette.client,
              // Toward the middle of the plot, so the label stays inside it.
              align: histogram.clientBin < histogram.bins.length / 2 ? 'left' : 'right',
            }),
          ]
        : [];
    const countOf = (bin: HistogramBin | undefined, series: number) =>
      bin ? count(series === 0 ? bin.repaid : bin.defaulted) : '—';
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        // The range, then each outcome's share of its own clients and the clients in the bar.
        formatter: (params: unknown) => {
          // The two outcomes' bars; the client's line is no data.
          const list = (
            (Array.isArray(params) ? params : [params]) as {
              dataIndex: number;
              seriesIndex: number;
              seriesName: string;
              marker: string;
              value: number;
            }[]
          ).filter((p) => p.seriesIndex < 2);
          const bin = histogram.bins[list[0]?.dataIndex ?? 0];
          const head = bin ? t.range(value(bin.from), value(bin.to)) : '';
          const lines = list.map(
            (p) =>
              `${p.marker}${escapeHtml(p.seriesName)} : ${t.cell(formatPercent(Number(p.value), language), countOf(bin, p.seriesIndex))}`,
          );
          return [escapeHtml(head), ...lines].join('<br/>');
        },
      },
      grid: { left: 64, right: 24, top: 48, bottom: 48 },
      xAxis: {
        type: 'category',
        data: categories,
        // A bin's start as the profile says it; neighbours that read alike ("2 mois", "2 mois")
        // are labelled once, the tooltip and the table giving each range.
        axisLabel: {
          formatter: (v: string, i: number) => (i > 0 && categories[i - 1] === v ? '' : v),
        },
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
        ...clientLine,
      ],
    };
  }, [histogram, distribution.client, label, language, customer]);

  const quantileRow = (name: string, q: Quantiles | null) => [
    name,
    value(q?.p5),
    value(q?.p25),
    value(q?.p50),
    value(q?.p75),
    value(q?.p95),
  ];

  return (
    <div className="distribution">
      <p className="percentile-sentence" data-testid="client-percentile">
        {percentileSentence(distribution, language, customer)}
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
        <EChart
          option={option}
          label={(customer ? t.chartCustomer : t.chart)(label)}
          height={300}
        />
      </div>
      <p className="compare-note" data-testid="distribution-hundred">
        {t.hundred}
      </p>
      <p className="compare-note">
        {t.groupSize(distribution.size)} {!!distribution.missing && t.missing(distribution.missing)}{' '}
        {!!histogram.totals.unknown && t.unknown(histogram.totals.unknown)}
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
          cell(b.repaidShare, b.repaid),
          cell(b.defaultedShare, b.defaulted),
          count(b.unknown),
          b.defaultRate === null ? '—' : formatPercent(b.defaultRate, language),
        ])}
      />
    </div>
  );
}
