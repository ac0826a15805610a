import { useMemo } from 'react';
import { useApi } from '../api/useApi.ts';
import { useUser } from '../auth/session.tsx';
import { Gauge } from '../charts/Gauge.tsx';
import { ChartTable } from '../components/ChartTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatNumber, formatPercent } from '../format/index.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { BAND_LABELS } from './score/band-labels.ts';
import { bandRanges, gaugeBands, gaugeMax } from './score/score-bands.ts';
import { riskLevelSentence } from './score/score-sentence.ts';
import './ScorePanel.css';

const messages = {
  fr: {
    title: 'Score',
    titleCustomer: 'Votre score',
    loading: 'Calcul du score…',
    probability: 'Probabilité de défaut',
    decision: 'Avis du modèle',
    decisionCustomer: 'Avis du modèle sur votre dossier',
    grant: 'Crédit accordé',
    refuse: 'Crédit refusé',
    points: 'Points',
    pointsHint: 'plus le score est haut, plus le risque est faible',
    band: 'Catégorie',
    threshold: 'Seuil de refus',
    thresholdHint: 'refusé à partir de',
    model: 'Version du modèle',
    gaugeLabel: (p: string, t: string) =>
      `Jauge de la probabilité de défaut : ${p}, seuil de refus ${t}, zones de risque colorées`,
    thresholdMark: 'seuil',
    tableCaption: 'Zones de risque, seuil et probabilité du client',
    zone: 'Zone',
    range: 'Probabilité de défaut',
    thisClient: 'Ce client',
    thisFile: 'Votre dossier',
  },
  en: {
    title: 'Score',
    titleCustomer: 'Your score',
    loading: 'Scoring…',
    probability: 'Probability of default',
    decision: "The model's opinion",
    decisionCustomer: "The model's opinion on your file",
    grant: 'Credit granted',
    refuse: 'Credit refused',
    points: 'Points',
    pointsHint: 'the higher the score, the lower the risk',
    band: 'Category',
    threshold: 'Refusal threshold',
    thresholdHint: 'refused from',
    model: 'Model version',
    gaugeLabel: (p: string, t: string) =>
      `Gauge of the probability of default: ${p}, refusal threshold ${t}, coloured risk zones`,
    thresholdMark: 'threshold',
    tableCaption: "Risk zones, threshold and the client's probability",
    zone: 'Zone',
    range: 'Probability of default',
    thisClient: 'This client',
    thisFile: 'Your file',
  },
};

/**
 * The client's probability of default on a gauge with the risk bands and the refusal threshold,
 * and the same in words: probability, points, band, the model's decision (word and icon, never
 * colour alone) and one sentence for a non-expert.
 */
export function ScorePanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const user = useUser();
  const customer = user.role === 'customer';
  const score = useApi(`/api/clients/${clientId}/score`);
  const data = score.data;
  // The score answer carries the run's bands (a customer cannot read the model card).
  const ranges = useMemo(() => bandRanges(data), [data]);
  const bands = useMemo(() => gaugeBands(ranges), [ranges]);

  const title = customer ? t.titleCustomer : t.title;
  if (score.error) {
    return (
      <section className="card score-panel" aria-label={title}>
        <h2>{title}</h2>
        <ErrorMessage error={score.error} onRetry={score.reload} />
      </section>
    );
  }
  if (!data) {
    return (
      <section className="card score-panel" aria-label={title} aria-busy="true">
        <h2>{title}</h2>
        <p>{t.loading}</p>
      </section>
    );
  }

  const pct = (p: number) => formatPercent(p, language);
  const granted = data.decision === 'grant';
  return (
    <section className="card score-panel" aria-label={title}>
      <h2>{title}</h2>
      <div className="score-layout">
        <div className="score-dial">
          <Gauge
            value={data.probability}
            max={gaugeMax(data.probability, data.threshold)}
            bands={bands}
            threshold={data.threshold}
            labels={{
              chart: t.gaugeLabel(pct(data.probability), pct(data.threshold)),
              threshold: t.thresholdMark,
            }}
            format={(v, digits) => formatPercent(v, language, digits)}
            testId="score-gauge"
          />
        </div>
        <dl className="score-facts">
          <dt>{t.probability}</dt>
          <dd>
            <strong
              className="score-probability"
              data-testid="score-probability"
              data-probability={data.probability}
            >
              {pct(data.probability)}
            </strong>
          </dd>
          <dt>{customer ? t.decisionCustomer : t.decision}</dt>
          <dd>
            <span
              className={`score-decision ${granted ? 'is-grant' : 'is-refuse'}`}
              data-testid="score-decision"
              data-decision={data.decision}
            >
              <span aria-hidden="true">{granted ? '✓' : '✕'}</span> {granted ? t.grant : t.refuse}
            </span>
          </dd>
          <dt>{t.points}</dt>
          <dd>
            <span data-testid="score-points">{formatNumber(data.points, language)}</span>{' '}
            <span className="score-hint">({t.pointsHint})</span>
          </dd>
          <dt>{t.band}</dt>
          <dd data-testid="score-band" data-band={data.band}>
            {BAND_LABELS[language][data.band]}
          </dd>
          <dt>{t.threshold}</dt>
          <dd>
            {t.thresholdHint} {pct(data.threshold)}
          </dd>
          <dt>{t.model}</dt>
          <dd className="score-model">{data.modelVersion}</dd>
        </dl>
      </div>
      <p className="score-sentence" data-testid="score-sentence">
        {riskLevelSentence(data.probability, language, customer ? 'customer' : 'adviser')}
      </p>
      <ChartTable
        caption={t.tableCaption}
        columns={[t.zone, t.range]}
        rows={[
          ...ranges.map((r) => [BAND_LABELS[language][r.name], `${pct(r.from)} – ${pct(r.to)}`]),
          [t.threshold, pct(data.threshold)],
          [customer ? t.thisFile : t.thisClient, pct(data.probability)],
        ]}
      />
    </section>
  );
}
