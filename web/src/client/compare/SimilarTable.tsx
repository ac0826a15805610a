import { useApi } from '../../api/useApi.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import type { FeatureOption } from './feature-options.ts';
import { formatFeatureValue } from './format-value.ts';

/** Neighbours listed to staff (a customer's group is fixed); features of the space shown. */
const K = 10;
const FEATURES_SHOWN = 8;

const messages = {
  fr: {
    title: 'Ce client et les clients les plus proches',
    loading: 'Chargement des clients similaires…',
    rate: (k: string, bad: string, rate: string) =>
      `Parmi les ${k} clients les plus proches dont l'issue est connue, ${bad} n'ont pas remboursé leur crédit (${rate}).`,
    probability: (p: string, mean: string) =>
      `Probabilité de défaut estimée pour ce client : ${p} ; en moyenne pour ces clients : ${mean}.`,
    caption: (k: string) => `Ce client comparé à ses ${k} voisins`,
    columns: (k: string) => [
      'Caractéristique',
      'Ce client',
      `Moyenne des ${k} clients similaires`,
      'Médiane',
    ],
    neighbours: 'Les clients similaires',
    neighbourColumns: ['Client', 'Distance', 'Issue', 'Probabilité de défaut'],
    repaid: 'A remboursé',
    defaulted: "N'a pas remboursé",
    hidden: 'anonyme',
  },
  en: {
    title: 'This client and the closest clients',
    loading: 'Loading similar clients…',
    rate: (k: string, bad: string, rate: string) =>
      `Of the ${k} closest clients with a known outcome, ${bad} did not repay their loan (${rate}).`,
    probability: (p: string, mean: string) =>
      `Estimated probability of default for this client: ${p}; on average for these clients: ${mean}.`,
    caption: (k: string) => `This client against their ${k} neighbours`,
    columns: (k: string) => [
      'Characteristic',
      'This client',
      `Mean of the ${k} similar clients`,
      'Median',
    ],
    neighbours: 'The similar clients',
    neighbourColumns: ['Client', 'Distance', 'Outcome', 'Probability of default'],
    repaid: 'Repaid',
    defaulted: 'Did not repay',
    hidden: 'anonymous',
  },
};

/**
 * The client against their k most similar clients (known outcome): observed default rate beside the
 * client's probability, then feature by feature the client's value and the neighbours' mean and
 * median (one request: the similar route carries the comparison).
 */
export function SimilarTable({
  clientId,
  options,
  customer = false,
}: {
  clientId: number;
  options: ReadonlyMap<string, FeatureOption>;
  /** A customer asks for their fixed similar group's figures: no k, no neighbour list. */
  customer?: boolean;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const similar = useApi(`/api/clients/${clientId}/similar${customer ? '' : `?k=${K}`}`);
  const score = useApi(`/api/clients/${clientId}/score`);

  if (similar.error) return <ErrorMessage error={similar.error} onRetry={similar.reload} />;
  if (!similar.data) return <p aria-busy="true">{t.loading}</p>;
  const s = similar.data;
  // The neighbours listed, or (a customer, who gets no list) the group the figures cover.
  const k = formatNumber(s.neighbours?.length ?? s.size, language);
  const bad = s.neighbours
    ? s.neighbours.filter((n) => n.defaulted).length
    : Math.round((s.defaultRate ?? 0) * s.size);
  const pct = (p: number | null | undefined) =>
    p === null || p === undefined ? '—' : formatPercent(p, language);

  return (
    <section className="similar" aria-labelledby="similar-title">
      <h3 id="similar-title">{t.title}</h3>
      <p>{t.rate(k, formatNumber(bad, language), pct(s.defaultRate))}</p>
      <p>{t.probability(pct(score.data?.probability), pct(s.meanScore))}</p>
      <table data-testid="similar-table">
        <caption>{t.caption(k)}</caption>
        <thead>
          <tr>
            {t.columns(k).map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.comparison.slice(0, FEATURES_SHOWN).map((c) => {
            const option = options.get(c.feature);
            const f = (v: number | null | undefined) =>
              formatFeatureValue(v, option?.unit, language, c.feature);
            return (
              <tr key={c.feature}>
                <th scope="row">{option?.label ?? c.feature}</th>
                <td>{f(c.client)}</td>
                <td>{f(c.groupMean)}</td>
                <td>{f(c.groupMedian)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {s.neighbours && (
        <ChartTable
          summary={t.neighbours}
          columns={t.neighbourColumns}
          rows={s.neighbours.map((n) => [
            n.id ?? t.hidden,
            formatNumber(n.distance, language, 2),
            n.defaulted ? t.defaulted : t.repaid,
            pct(n.score),
          ])}
        />
      )}
    </section>
  );
}
