import type { RecourseProposal } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    title: 'Ce qui changerait la décision',
    loading: 'Recherche des changements possibles…',
    none: "Aucun changement du montant ou de la durée n'a suffi à obtenir un accord.",
    partial: 'Recherche interrompue (temps limité) : il peut exister d’autres possibilités.',
    apply: 'Essayer dans la simulation',
    probability: (p: string) => `probabilité de défaut ${p}`,
    // Percentage points from the threshold: above it refused, below it granted.
    gap: (pp: number, n: string) =>
      `${n} point${Math.abs(pp) >= 2 ? 's' : ''} de pourcentage ${pp >= 0 ? 'au-dessus du' : 'sous le'} seuil`,
    now: (gap: string) => `La demande est aujourd'hui à ${gap}.`,
  },
  en: {
    title: 'What would change the decision',
    loading: 'Looking for possible changes…',
    none: 'No change of the amount or the term was enough for a grant.',
    partial: 'Search cut short (time limit): other options may exist.',
    apply: 'Try in the simulation',
    probability: (p: string) => `probability of default ${p}`,
    gap: (pp: number, n: string) =>
      `${n} percentage point${Math.abs(pp) === 1 ? '' : 's'} ${pp >= 0 ? 'above' : 'below'} the threshold`,
    now: (gap: string) => `The application now stands ${gap}.`,
  },
};

/**
 * For a refused file, the smallest changes of the loan the model would grant (GET
 * /api/clients/:id/recourse), each one click away from the form. Nothing shows when the server
 * has no such route or the search fails: the simulation works without it.
 */
export function RecourseSuggestions(props: {
  clientId: number;
  onApply: (changes: RecourseProposal['changes']) => void;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const recourse = useApi(`/api/clients/${props.clientId}/recourse`);
  if (recourse.error) return null;
  if (!recourse.data) return <p aria-busy="true">{t.loading}</p>;
  const { proposals, complete, decision } = recourse.data;
  if (decision === 'grant') return null;
  const gap = (pp: number) => t.gap(pp, formatNumber(Math.abs(pp), language, 1));
  return (
    <section className="recourse" aria-labelledby="recourse-title" data-testid="whatif-recourse">
      <h3 id="recourse-title">{t.title}</h3>
      <p data-testid="recourse-gap">{t.now(gap(recourse.data.ppFromThreshold))}</p>
      {proposals.length === 0 && <p>{t.none}</p>}
      <ul>
        {proposals.map((p) => (
          <li key={p.kind}>
            <span>{language === 'fr' ? p.textFr : p.textEn}</span>{' '}
            <span className="recourse-probability">
              ({t.probability(formatPercent(p.probability, language))}, {gap(p.ppFromThreshold)})
            </span>{' '}
            <button type="button" onClick={() => props.onApply(p.changes)}>
              {t.apply}
            </button>
          </li>
        ))}
      </ul>
      {!complete && <p className="compare-note">{t.partial}</p>}
    </section>
  );
}
