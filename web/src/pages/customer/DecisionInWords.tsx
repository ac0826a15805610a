import type { ReactNode } from 'react';
import type { Decision } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { riskLevelSentence } from '../../client/score/score-sentence.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { REASON_CATEGORY_WORDS } from './review-words.ts';

const messages = {
  fr: {
    title: 'La décision sur votre demande',
    loading: 'Chargement de la décision…',
    model: 'L’avis du modèle de score sur votre demande :',
    probability: (p: string) => `Il estime votre probabilité de défaut à ${p}.`,
    final: (date: string) => `Décision de votre conseiller, le ${date} :`,
    againstModel: 'Le conseiller a décidé autrement que le modèle.',
    category: (c: string) => `Motif : ${c}.`,
    justification: 'Son explication : ',
    noFinal:
      'Aucun conseiller n’a encore rendu de décision finale : l’avis du modèle sera examiné par une personne.',
    decision: { grant: 'crédit accordé', refuse: 'crédit refusé' },
  },
  en: {
    title: 'The decision on your application',
    loading: 'Loading the decision…',
    model: 'The scoring model’s opinion on your application:',
    probability: (p: string) => `It puts your probability of default at ${p}.`,
    final: (date: string) => `Your adviser’s decision, on ${date}:`,
    againstModel: 'The adviser decided otherwise than the model.',
    category: (c: string) => `Ground: ${c}.`,
    justification: 'Their explanation: ',
    noFinal:
      'No adviser has made a final decision yet: the model’s opinion will be looked at by a person.',
    decision: { grant: 'credit granted', refuse: 'credit refused' },
  },
};

function Verdict({ decision, text }: { decision: Decision; text: string }) {
  return (
    <strong className={`customer-verdict is-${decision}`} data-decision={decision}>
      <span aria-hidden="true">{decision === 'grant' ? '✓ ' : '✕ '}</span>
      {text}
    </strong>
  );
}

/**
 * The decision in words: the model's opinion with its probability and the one sentence for a
 * non-expert, then the adviser's final decision (the newest recorded), its date, its ground and
 * justification — or that none was made yet.
 */
export function DecisionInWords({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const score = useApi(`/api/clients/${clientId}/score`);
  const decisions = useApi(`/api/clients/${clientId}/decisions`);
  const failure = score.error ?? decisions.error;

  let body: ReactNode;
  if (failure) {
    body = (
      <ErrorMessage
        error={failure}
        onRetry={() => {
          score.reload();
          decisions.reload();
        }}
      />
    );
  } else if (!score.data || !decisions.data) {
    body = <p aria-busy="true">{t.loading}</p>;
  } else {
    const s = score.data;
    const final = decisions.data.decisions[0];
    body = (
      <>
        <p data-testid="customer-model-decision">
          {t.model} <Verdict decision={s.decision} text={t.decision[s.decision]} />.{' '}
          {t.probability(formatPercent(s.probability, language))}
        </p>
        <p className="customer-sentence">
          {riskLevelSentence(s.probability, language, 'customer')}
        </p>
        {final ? (
          <div data-testid="customer-final-decision" data-decision={final.decision}>
            <p>
              {t.final(formatDateTime(final.at, language))}{' '}
              <Verdict decision={final.decision} text={t.decision[final.decision]} />.
              {!final.followsModel && ` ${t.againstModel}`}
            </p>
            {final.reasonCategory && (
              <p>{t.category(REASON_CATEGORY_WORDS[language][final.reasonCategory])}</p>
            )}
            {final.justification && (
              <p>
                {t.justification}
                <q>{final.justification}</q>
              </p>
            )}
          </div>
        ) : (
          <p data-testid="customer-final-decision" data-decision="none">
            {t.noFinal}
          </p>
        )}
      </>
    );
  }
  return (
    <section className="card customer-section" aria-labelledby="customer-decision-title">
      <h2 id="customer-decision-title">{t.title}</h2>
      {body}
    </section>
  );
}
