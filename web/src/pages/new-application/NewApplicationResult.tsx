import type { NewApplicationAnswer, ToComplete } from '../../api/types.ts';
import { formatWeight } from '../../client/explanation/weights.ts';
import { BAND_LABELS } from '../../client/score/band-labels.ts';
import { riskLevelSentence } from '../../client/score/score-sentence.ts';
import { ReasonList } from '../../client/whatif/ReasonList.tsx';
import { formatNumber, formatPercent, type Language } from '../../format/index.ts';
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
    toComplete: 'Informations à compléter',
    toCompleteIntro:
      "La demande ne les donne pas et le modèle en tient compte : ce ne sont pas des raisons, mais les renseigner rendra le score plus juste. L'effet est celui des valeurs inconnues, en l'état.",
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
    toComplete: 'Information to complete',
    toCompleteIntro:
      'The application does not give it and the model weighs it: not reasons, but giving it will make the score fairer. The effect is that of the unknown values, as things stand.',
  },
};

/** The score of the application as evaluated: figures, decision in words, and the reasons. */
export function NewApplicationResult(props: { answer: NewApplicationAnswer; stale: boolean }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { score, reasons, toComplete } = props.answer;
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
      <p data-testid="new-sentence">{riskLevelSentence(score.probability, language)}</p>
      <div data-testid="new-reasons">
        {reasons.adverse.length + reasons.favourable.length === 0 && <p>{t.noReasons}</p>}
        <ReasonList level={3} title={t.adverse} items={reasons.adverse} language={language} />
        <ReasonList level={3} title={t.favourable} items={reasons.favourable} language={language} />
      </div>
      {toComplete.length > 0 && (
        <section className="new-app-to-complete" data-testid="new-to-complete">
          <h3>{t.toComplete}</h3>
          <p className="new-app-note">{t.toCompleteIntro}</p>
          <ul>
            {toComplete.map((c) => (
              <ToCompleteItem key={c.code} item={c} language={language} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** "Mensualité : mensualité du crédit (+1,2 pp)", and what the values are when the code says it. */
function ToCompleteItem({ item, language }: { item: ToComplete; language: Language }) {
  const fr = language === 'fr';
  const units = item.units.map((u) => (fr ? u.labelFr : u.labelEn)).join(', ');
  const note = fr ? item.noteFr : item.noteEn;
  return (
    <li data-code={item.code}>
      <strong>{fr ? item.titleFr : item.titleEn}</strong>
      {fr ? ' : ' : ': '}
      {units} ({formatWeight(item.probabilityPoints, 'pp', language)})
      {note && <span className="new-app-note"> — {note}</span>}
    </li>
  );
}
