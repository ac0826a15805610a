import { useApi } from '../../api/useApi.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, formatPercent, type Language, plural } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { comparisonValueText } from '../value-text.ts';
import type { FeatureOption } from './feature-options.ts';

/** Neighbours listed to staff (a customer's group is fixed); features of the space shown. */
const K = 10;
const FEATURES_SHOWN = 8;

/** "2 n'ont pas remboursé leur crédit", "1 n'a pas remboursé son crédit": the verb agrees. */
const didNotRepay = (bad: number, language: Language) => {
  const n = formatNumber(bad, language);
  return language === 'fr'
    ? plural(bad, language, {
        one: `${n} n'a pas remboursé son crédit`,
        other: `${n} n'ont pas remboursé leur crédit`,
      })
    : `${n} did not repay their loan`;
};

const messages = {
  fr: {
    title: 'Ce client et ses clients similaires',
    titleCustomer: 'Votre dossier et les dossiers similaires',
    loading: 'Chargement des clients similaires…',
    rate: (k: string, bad: number, rate: string) =>
      `Parmi les ${k} clients similaires dont l'issue est connue, ${didNotRepay(bad, 'fr')} (${rate}).`,
    rateCustomer: (k: string, bad: number, rate: string) =>
      `Parmi les ${k} clients dont le dossier ressemble le plus au vôtre et dont l'issue est connue, ${didNotRepay(bad, 'fr')} (${rate}).`,
    probability: (p: string, mean: string) =>
      `Probabilité de défaut estimée par le modèle pour ce client : ${p} ; en moyenne pour ces clients similaires : ${mean}.`,
    probabilityCustomer: (p: string, mean: string) =>
      `Probabilité de défaut estimée par le modèle pour votre dossier : ${p} ; en moyenne pour ces dossiers : ${mean}.`,
    caption: (k: string) => `Ce client comparé à ses ${k} clients similaires`,
    captionCustomer: (k: string) => `Votre dossier comparé aux ${k} dossiers les plus proches`,
    columns: (k: string) => [
      'Caractéristique',
      'Ce client',
      `Moyenne des ${k} clients similaires`,
      'Médiane des clients similaires',
    ],
    columnsCustomer: (k: string) => [
      'Caractéristique',
      'Vous',
      `Moyenne des ${k} dossiers les plus proches`,
      'Médiane de ces dossiers',
    ],
    neighbours: 'Les clients similaires, un par un',
    neighbourColumns: ['Client', 'Distance', 'Issue', 'Probabilité de défaut'],
    repaid: 'A remboursé',
    defaulted: "N'a pas remboursé",
    hidden: 'anonyme',
  },
  en: {
    title: 'This client and their similar clients',
    titleCustomer: 'Your file and the similar files',
    loading: 'Loading similar clients…',
    rate: (k: string, bad: number, rate: string) =>
      `Of the ${k} similar clients with a known outcome, ${didNotRepay(bad, 'en')} (${rate}).`,
    rateCustomer: (k: string, bad: number, rate: string) =>
      `Of the ${k} clients whose file most resembles yours and whose outcome is known, ${didNotRepay(bad, 'en')} (${rate}).`,
    probability: (p: string, mean: string) =>
      `Probability of default the model estimates for this client: ${p}; on average for these similar clients: ${mean}.`,
    probabilityCustomer: (p: string, mean: string) =>
      `Probability of default the model estimates for your file: ${p}; on average for these files: ${mean}.`,
    caption: (k: string) => `This client against their ${k} similar clients`,
    captionCustomer: (k: string) => `Your file against the ${k} closest files`,
    columns: (k: string) => [
      'Characteristic',
      'This client',
      `Mean of the ${k} similar clients`,
      'Median of the similar clients',
    ],
    columnsCustomer: (k: string) => [
      'Characteristic',
      'You',
      `Mean of the ${k} closest files`,
      'Median of these files',
    ],
    neighbours: 'The similar clients, one by one',
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
  // The customer reads about their own file: every text naming the client speaks to them.
  const probability = customer ? t.probabilityCustomer : t.probability;
  const caption = customer ? t.captionCustomer : t.caption;
  const columns = customer ? t.columnsCustomer : t.columns;

  return (
    <section className="similar" aria-labelledby="similar-title">
      <h3 id="similar-title">{customer ? t.titleCustomer : t.title}</h3>
      <p data-testid="similar-rate">
        {(customer ? t.rateCustomer : t.rate)(k, bad, pct(s.defaultRate))}
      </p>
      <p data-testid="similar-probability">
        {probability(pct(score.data?.probability), pct(s.meanScore))}
      </p>
      <table data-testid="similar-table">
        <caption>{caption(k)}</caption>
        <thead>
          <tr>
            {columns(k).map((c) => (
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
              comparisonValueText(c.feature, v, c.unit, language);
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
