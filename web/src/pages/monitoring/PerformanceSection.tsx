import { useMemo } from 'react';
import type { MonitoringReport } from '../../api/generated/api-types.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatNumber, formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { niceAxisMax } from '../model/axis.ts';
import { LightBadge } from './LightBadge.tsx';
import { bandWord } from './monitoring-view.ts';

type Performance = NonNullable<MonitoringReport['performance']>;

const messages = {
  fr: {
    outcomes: (n: string, d: string, observed: string, predicted: string) =>
      `${n} prêts accordés dont l'issue est connue, ${d} défauts : ${observed} observés pour ${predicted} annoncés.`,
    auc: 'AUC (pouvoir de discrimination)',
    aucValue: (auc: string, lower: string, upper: string) =>
      `${auc} (intervalle à 95 % de DeLong : ${lower} – ${upper})`,
    gini: 'Gini',
    development: 'AUC au développement',
    test: 'Test de baisse (unilatéral)',
    testValue: (p: string, dropped: boolean) =>
      `p = ${p}${dropped ? ' : baisse significative' : ' : pas de baisse significative'}`,
    oneClass: 'AUC : les issues connues sont toutes du même type.',
    brier: 'Score de Brier (plus bas = mieux)',
    bandsTitle: 'Par classe : taux observé et taux annoncé (test de Jeffreys)',
    bandsCaption:
      'Par classe de risque : prêts, défauts, taux observé, taux annoncé, intervalle de Jeffreys à 95 %, p-valeur et feu (rouge p < 0,01, orange p < 0,05)',
    bandColumns: ['Classe', 'Prêts', 'Défauts', 'Observé', 'Annoncé', 'Jeffreys 95 %', 'p', 'Feu'],
    reliabilityTitle: 'Fiabilité des probabilités',
    reliability:
      'Taux de défaut observé selon la probabilité annoncée, par dixième des prêts ; sur la diagonale, les probabilités tiennent',
    x: 'Probabilité annoncée',
    y: 'Taux de défaut observé',
    diagonal: 'Calibration parfaite',
    windowSeries: 'Fenêtre',
    reliabilityCaption: 'Par groupe de prêts : probabilité annoncée, taux observé, nombre de prêts',
    reliabilityColumns: ['Annoncée', 'Observée', 'Prêts'],
  },
  en: {
    outcomes: (n: string, d: string, observed: string, predicted: string) =>
      `${n} granted loans with a known outcome, ${d} defaults: ${observed} observed against ${predicted} predicted.`,
    auc: 'AUC (discriminatory power)',
    aucValue: (auc: string, lower: string, upper: string) =>
      `${auc} (95 % DeLong interval: ${lower} – ${upper})`,
    gini: 'Gini',
    development: 'AUC at development',
    test: 'Drop test (one-sided)',
    testValue: (p: string, dropped: boolean) =>
      `p = ${p}${dropped ? ': a significant drop' : ': no significant drop'}`,
    oneClass: 'AUC: the known outcomes are all of one kind.',
    brier: 'Brier score (lower is better)',
    bandsTitle: 'Per band: observed against predicted rate (Jeffreys test)',
    bandsCaption:
      'Per risk band: loans, defaults, observed rate, predicted rate, 95 % Jeffreys interval, p-value and light (red p < 0.01, amber p < 0.05)',
    bandColumns: [
      'Band',
      'Loans',
      'Defaults',
      'Observed',
      'Predicted',
      'Jeffreys 95 %',
      'p',
      'Light',
    ],
    reliabilityTitle: 'Reliability of the probabilities',
    reliability:
      'Observed default rate by predicted probability, per tenth of the loans; on the diagonal the probabilities hold',
    x: 'Predicted probability',
    y: 'Observed default rate',
    diagonal: 'Perfect calibration',
    windowSeries: 'Window',
    reliabilityCaption: 'Per group of loans: predicted probability, observed rate, loans',
    reliabilityColumns: ['Predicted', 'Observed', 'Loans'],
  },
};

/** Back-testing once outcomes exist: AUC with its interval and test, Jeffreys per band, Brier, reliability. */
export function PerformanceSection({ performance }: { performance: Performance }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, language));
  const n3 = (v: number | null) => (v === null ? '—' : formatNumber(v, language, 3));
  const a = performance.auc;
  const r = performance.reliability;
  const top = Math.min(1, niceAxisMax(Math.max(0.05, ...r.predicted, ...r.observed)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: t follows language.
  const option = useMemo(
    (): EChartsOption => ({
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      xAxis: {
        type: 'value',
        min: 0,
        max: top,
        name: t.x,
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: { formatter: (v: number) => formatPercent(v, language, 0) },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: top,
        name: t.y,
        axisLabel: { formatter: (v: number) => formatPercent(v, language, 0) },
      },
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
        {
          name: t.windowSeries,
          type: 'line',
          data: r.predicted.map((p, i) => [p, r.observed[i] ?? null]),
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { color: palette.good, width: 2 },
          itemStyle: { color: palette.good },
        },
      ],
    }),
    [r, top, language],
  );
  return (
    <>
      <p data-testid="performance-outcomes">
        {t.outcomes(
          formatNumber(performance.count, language),
          formatNumber(performance.defaults, language),
          pct(performance.observedRate),
          pct(performance.predictedRate),
        )}
      </p>
      <dl className="monitoring-figures" data-testid="performance-auc">
        {a === null ? (
          <div>
            <dt>{t.auc}</dt>
            <dd>{t.oneClass}</dd>
          </div>
        ) : (
          <>
            <div>
              <dt>{t.auc}</dt>
              <dd>{t.aucValue(n3(a.auc), n3(a.lower), n3(a.upper))}</dd>
            </div>
            <div>
              <dt>{t.gini}</dt>
              <dd>{t.aucValue(n3(a.gini), n3(a.giniLower), n3(a.giniUpper))}</dd>
            </div>
            <div>
              <dt>{t.development}</dt>
              <dd>{n3(a.test.developmentAuc)}</dd>
            </div>
            <div>
              <dt>{t.test}</dt>
              <dd>{t.testValue(formatNumber(a.test.pValue, language, 4), a.test.pValue < 0.05)}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t.brier}</dt>
          <dd>{performance.brier === null ? '—' : formatNumber(performance.brier, language, 4)}</dd>
        </div>
      </dl>
      <h3>{t.bandsTitle}</h3>
      <div className="monitoring-table-scroll">
        <table className="monitoring-table" data-testid="jeffreys-table">
          <caption>{t.bandsCaption}</caption>
          <thead>
            <tr>
              {t.bandColumns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {performance.bands.map((b) => (
              <tr key={b.band} data-band={b.band}>
                <th scope="row">{bandWord(b.band, language)}</th>
                <td>{formatNumber(b.count, language)}</td>
                <td>{formatNumber(b.defaults, language)}</td>
                <td>{b.count > 0 ? pct(b.observedRate) : '—'}</td>
                <td>{b.count > 0 ? pct(b.predicted) : '—'}</td>
                <td>{b.count > 0 ? `${pct(b.lower)} – ${pct(b.upper)}` : '—'}</td>
                <td>{b.count > 0 ? formatNumber(b.pValue, language, 4) : '—'}</td>
                <td>{b.count > 0 ? <LightBadge light={b.status} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.predicted.length > 0 && (
        <>
          <h3>{t.reliabilityTitle}</h3>
          <ChartLegend
            items={[
              { label: t.diagonal, colour: palette.neutral, shape: 'dashed' },
              { label: t.windowSeries, colour: palette.good, shape: 'line' },
            ]}
          />
          <EChart option={option} label={t.reliability} height={300} testId="reliability-chart" />
          <ChartTable
            caption={t.reliabilityCaption}
            columns={t.reliabilityColumns}
            testId="reliability-table"
            rows={r.predicted.map((p, i) => [
              pct(p),
              pct(r.observed[i] ?? null),
              formatNumber(r.count[i] ?? 0, language),
            ])}
          />
        </>
      )}
    </>
  );
}
