import type { NewApplicationAnswer } from '../../api/types.ts';
import { BAND_LABELS } from '../../client/score/band-labels.ts';
import { comparableSentence } from '../../client/score/score-sentence.ts';
import { ReasonList } from '../../client/whatif/ReasonList.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { NewApplicationGauge } from './NewApplicationGauge.tsx';

const messages = {
  fr: {
    title: 'Résultat',
    probability: 'Probabilité de défaut\u00a0: ',
    grant: 'Accordé',
    refuse: 'Refusé',
    points: 'points',
    band: 'Niveau\u00a0: ',
    adverse: 'Ce qui pèse contre',
    favourable: 'Ce qui joue en faveur',
    noReasons: 'Aucune raison particulière ne ressort.',
    stale: 'La demande a été modifiée depuis : cliquez sur « Évaluer » pour mettre à jour.',
  },
  en: {
    title: 'Result',
    probability: 'Probability of default: ',
    grant: 'Granted',
    refuse: 'Refused',
    points: 'points',
    band: 'Band: ',
    adverse: 'What weighs against',
    favourable: 'What helps',
    noReasons: 'No particular reason stands out.',
    stale: 'The application has changed since: press "Evaluate" to update.',
  },
};

/** The score of the application as evaluated: figures, decision in words, and the reasons. */
export function NewApplicationResult(props: { answer: NewApplicationAnswer; stale: boolean }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { score, reasons } = props.answer;
  return (
    <>
      <h2>{t.title}</h2>
      {props.stale && <p className="new-app-stale">{t.stale}</p>}
      <NewApplicationGauge probability={score.probability} threshold={score.threshold} />
      <p>
        {t.probability}
        <strong
          className="new-app-probability"
          data-testid="new-probability"
          data-probability={score.probability}
        >
          {formatPercent(score.probability, language)}
        </strong>
      </p>
      <p>
        <span
          data-testid="new-decision"
          data-decision={score.decision}
          className={`new-app-badge new-app-badge-${score.decision}`}
        >
          {score.decision === 'grant' ? t.grant : t.refuse}
        </span>{' '}
        <span data-testid="new-points">
          {formatNumber(score.points, language)} {t.points}
        </span>
      </p>
      <p data-testid="new-band">
        {t.band}
        {BAND_LABELS[language][score.band]}
      </p>
      <p data-testid="new-sentence">{comparableSentence(score.probability, language)}</p>
      <div data-testid="new-reasons">
        {reasons.adverse.length + reasons.favourable.length === 0 && <p>{t.noReasons}</p>}
        <ReasonList level={3} title={t.adverse} items={reasons.adverse} language={language} />
        <ReasonList level={3} title={t.favourable} items={reasons.favourable} language={language} />
      </div>
    </>
  );
}
