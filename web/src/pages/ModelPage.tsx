import type { BinaryMetrics, MetricName } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { themeLabel } from '../client/explanation/theme-labels.ts';
import { ChartTable } from '../components/ChartTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatDateTime, formatNumber, formatPercent } from '../format/index.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { Link } from '../router.tsx';
import './ModelPage.css';
import { CalibrationChart } from './model/CalibrationChart.tsx';
import { CostCurveChart } from './model/CostCurveChart.tsx';
import { excludedInWords } from './model/excluded.ts';
import { ImportanceChart } from './model/ImportanceChart.tsx';
import { plainFigures } from './model/model-summary.ts';
import { LastReportLink } from './monitoring/LastReportLink.tsx';

const messages = {
  fr: {
    title: 'Le modèle de score',
    runTitle: (id: string) => `Fiche du modèle ${id}`,
    registry: 'Retour au registre des modèles',
    loading: 'Chargement du modèle…',
    plain: 'En bref',
    accuracy: (a: string, n: string) =>
      `Sur ${n} dossiers de test (que le modèle n'a pas vus pendant son apprentissage), il classe correctement ${a} d'entre eux : accordé à ceux qui ont remboursé, refusé à ceux qui n'ont pas remboursé.`,
    granted: (n: string) =>
      `Sur 100 clients accordés, environ ${n} ne remboursent pas leur crédit.`,
    refused: (n: string) => `Sur 100 clients refusés, environ ${n} auraient en fait remboursé.`,
    caught: (n: string) =>
      `Sur 10 clients qui ne remboursent pas, le modèle en refuse environ ${n}.`,
    auc: (p: string) =>
      `Si l'on prend au hasard un client qui a remboursé et un client qui n'a pas remboursé, le modèle donne un risque plus élevé au second dans ${p} des cas.`,
    threshold: (ratio: string, t: string, refused: string) =>
      `Accorder un crédit à un client qui ne rembourse pas coûte ${ratio} fois plus que refuser à tort un bon client : le modèle refuse donc dès que la probabilité de défaut atteint ${t} (${refused} des dossiers de test refusés).`,
    metrics: 'Mesures sur les dossiers de test',
    metric: 'Mesure',
    value: 'Valeur',
    meaning: 'Ce que cela veut dire',
    names: {
      rocAuc: 'AUC',
      gini: 'Gini',
      ks: 'KS',
      brier: 'Brier',
      cost: 'Coût moyen par dossier',
      normalisedCost: 'Coût relatif',
      threshold: 'Seuil de refus',
      costRatio: 'Rapport des coûts (défaut accordé : refus à tort)',
      recall: 'Défauts repérés (rappel)',
      precision: 'Refus justifiés (précision)',
    },
    meanings: {
      rocAuc: '0,5 = au hasard, 1 = parfait',
      gini: '2 × AUC − 1',
      ks: 'écart maximal entre bons et mauvais payeurs',
      brier: 'erreur des probabilités (plus bas = mieux)',
      cost: 'en unités de coût d’un refus à tort',
      normalisedCost: '1 = le meilleur de « tout accorder » ou « tout refuser »',
      threshold: 'refus dès que la probabilité de défaut atteint ce seuil',
      costRatio: 'fixe le seuil',
      recall: 'part des défauts refusés',
      precision: 'part des refusés qui ne remboursent pas',
    },
    cvAuc: (m: string, s: string) => `validation croisée : ${m} ± ${s}`,
    identity: 'Modèle',
    version: (id: string, chosen: string, date: string) =>
      `Modèle ${id} (${chosen}), entraîné le ${date}`,
    rows: (train: string, holdout: string, rate: string) =>
      `${train} dossiers d'apprentissage, ${holdout} dossiers de test, ${rate} de défauts.`,
    excluded: 'Caractéristiques écartées volontairement :',
    candidates: 'Modèles comparés',
    candidateColumns: ['Modèle', 'AUC', 'Coût relatif', 'Servi'],
    served: 'oui',
    costTitle: 'Le seuil de refus et le coût des erreurs',
    calibrationTitle: 'Les probabilités annoncées sont-elles justes ?',
    calibrationText:
      "Quand le modèle annonce 10 % de risque, environ 10 clients sur 100 devraient ne pas rembourser : plus les points sont près de la diagonale, plus c'est vrai.",
    calibrated: (before: string, after: string) =>
      `Erreur des probabilités (Brier) avant calibration ${before}, après ${after}.`,
    uncalibrated: (brier: string) =>
      `Les probabilités du modèle étaient déjà les mieux calibrées : aucune correction n'est appliquée (erreur de Brier ${brier}).`,
    importanceTitle: 'Ce qui pèse le plus dans le score',
    themes: (list: string) => `Par thème, ce qui pèse le plus : ${list}.`,
  },
  en: {
    title: 'The scoring model',
    runTitle: (id: string) => `Model card of ${id}`,
    registry: 'Back to the model registry',
    loading: 'Loading the model…',
    plain: 'In short',
    accuracy: (a: string, n: string) =>
      `Of ${n} test files (which the model did not see while learning), it classes ${a} correctly: granted to those who repaid, refused to those who did not.`,
    granted: (n: string) => `Of 100 granted clients, about ${n} do not repay their loan.`,
    refused: (n: string) => `Of 100 refused clients, about ${n} would in fact have repaid.`,
    caught: (n: string) => `Of 10 clients who do not repay, the model refuses about ${n}.`,
    auc: (p: string) =>
      `Take at random one client who repaid and one who did not: the model gives the second a higher risk in ${p} of cases.`,
    threshold: (ratio: string, t: string, refused: string) =>
      `Granting a loan to a client who does not repay costs ${ratio} times more than wrongly refusing a good client: so the model refuses from a probability of default of ${t} (${refused} of test files refused).`,
    metrics: 'Measures on the test files',
    metric: 'Measure',
    value: 'Value',
    meaning: 'What it means',
    names: {
      rocAuc: 'AUC',
      gini: 'Gini',
      ks: 'KS',
      brier: 'Brier',
      cost: 'Mean cost per file',
      normalisedCost: 'Relative cost',
      threshold: 'Refusal threshold',
      costRatio: 'Cost ratio (granted default : wrong refusal)',
      recall: 'Defaults caught (recall)',
      precision: 'Justified refusals (precision)',
    },
    meanings: {
      rocAuc: '0.5 = chance, 1 = perfect',
      gini: '2 × AUC − 1',
      ks: 'largest gap between good and bad payers',
      brier: 'error of the probabilities (lower is better)',
      cost: 'in units of the cost of a wrong refusal',
      normalisedCost: '1 = the better of "grant all" or "refuse all"',
      threshold: 'refused once the probability of default reaches it',
      costRatio: 'sets the threshold',
      recall: 'share of defaults refused',
      precision: 'share of refused who do not repay',
    },
    cvAuc: (m: string, s: string) => `cross-validation: ${m} ± ${s}`,
    identity: 'Model',
    version: (id: string, chosen: string, date: string) =>
      `Model ${id} (${chosen}), trained on ${date}`,
    rows: (train: string, holdout: string, rate: string) =>
      `${train} training files, ${holdout} test files, ${rate} defaults.`,
    excluded: 'Characteristics left out on purpose:',
    candidates: 'Models compared',
    candidateColumns: ['Model', 'AUC', 'Relative cost', 'Served'],
    served: 'yes',
    costTitle: 'The refusal threshold and the cost of errors',
    calibrationTitle: 'Are the announced probabilities right?',
    calibrationText:
      'When the model announces a 10% risk, about 10 clients in 100 should not repay: the closer the points to the diagonal, the truer.',
    calibrated: (before: string, after: string) =>
      `Error of the probabilities (Brier) before calibration ${before}, after ${after}.`,
    uncalibrated: (brier: string) =>
      `The model's probabilities were already the best calibrated: no correction is applied (Brier error ${brier}).`,
    importanceTitle: 'What weighs most in the score',
    themes: (list: string) => `By theme, what weighs most: ${list}.`,
  },
};

type Row =
  | 'costRatio'
  | Extract<
      MetricName,
      | 'rocAuc'
      | 'gini'
      | 'ks'
      | 'brier'
      | 'cost'
      | 'normalisedCost'
      | 'threshold'
      | 'recall'
      | 'precision'
    >;
const ROWS: readonly Row[] = [
  'rocAuc',
  'gini',
  'ks',
  'brier',
  'threshold',
  'costRatio',
  'cost',
  'normalisedCost',
  'recall',
  'precision',
];

/**
 * The model card for advisers (GET /api/model): what the model gets right and wrong in plain words
 * first, then the measures, the threshold on the cost curve, calibration and global importance.
 * With `runId`, the card of that run of the registry, served or not (admins: GET
 * /api/admin/models/:id, the same answer).
 */
export function ModelPage({
  runId,
  monitoring = false,
}: {
  search?: string;
  runId?: string;
  /** Show the link to the last monitoring report (admins). */
  monitoring?: boolean;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const served = useApi(runId === undefined ? '/api/model' : null);
  const run = useApi(runId === undefined ? null : `/api/admin/models/${runId}`);
  const model = runId === undefined ? served : run;

  if (model.error) return <ErrorMessage error={model.error} onRetry={model.reload} />;
  if (!model.data) return <p aria-busy="true">{t.loading}</p>;
  const card = model.data;
  const f = plainFigures(card);
  const n = (x: number, digits = 0) => formatNumber(x, language, digits);
  const pct = (x: number, digits = 0) => formatPercent(x, language, digits);
  const h = card.holdout;
  const metricValue = (row: Row, m: BinaryMetrics): string => {
    if (row === 'costRatio')
      return `${n(card.costs.falseNegative)} : ${n(card.costs.falsePositive)}`;
    if (row === 'threshold' || row === 'recall' || row === 'precision') return pct(m[row], 1);
    return n(m[row], 3);
  };
  // One line per reason, in words: the protected attributes share theirs.
  const excluded = excludedInWords(card.excludedFeatures, language);
  // The three heaviest themes, each as a share of the summed mean |SHAP|.
  const themeTotal = card.importance.themes.reduce((a, x) => a + x.meanAbsShap, 0);
  const topThemes = [...card.importance.themes]
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap)
    .slice(0, 3)
    .map(
      (x) =>
        `${themeLabel(x.theme, language)} (${pct(themeTotal > 0 ? x.meanAbsShap / themeTotal : 0)})`,
    )
    .join(', ');

  return (
    <article className="model-page" data-testid="model-page">
      {runId !== undefined && <Link to="/models">{t.registry}</Link>}
      <h1>{runId === undefined ? t.title : t.runTitle(card.id)}</h1>
      <section className="card model-plain" aria-labelledby="model-plain">
        <h2 id="model-plain">{t.plain}</h2>
        <ul>
          <li>{t.accuracy(pct(f.accuracy), n(card.rows.holdout))}</li>
          <li>{t.granted(n(f.defaultsPer100Granted))}</li>
          <li>{t.refused(n(f.repayersPer100Refused))}</li>
          <li>{t.caught(n(f.defaultsCaughtPer10))}</li>
          <li>{t.auc(pct(h.rocAuc))}</li>
          <li>
            {t.threshold(
              n(f.costRatio, f.costRatio % 1 === 0 ? 0 : 1),
              pct(card.threshold, 1),
              pct(f.refusalRate),
            )}
          </li>
        </ul>
        <p className="model-identity">
          {t.version(card.id, card.chosen, formatDateTime(card.createdAt, language))}.{' '}
          {t.rows(n(card.rows.train), n(card.rows.holdout), pct(card.rows.positiveRate, 1))}
        </p>
      </section>

      <section className="card" aria-labelledby="model-metrics-title">
        <h2 id="model-metrics-title">{t.metrics}</h2>
        <table data-testid="model-metrics">
          <thead>
            <tr>
              <th scope="col">{t.metric}</th>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.meaning}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} data-metric={row}>
                <th scope="row">{t.names[row]}</th>
                <td>
                  {metricValue(row, h)}
                  {row === 'rocAuc' && (
                    <span className="model-cv">
                      {' '}
                      ({t.cvAuc(n(card.cv.mean.rocAuc, 3), n(card.cv.std.rocAuc, 3))})
                    </span>
                  )}
                </td>
                <td>{t.meanings[row]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {excluded.map(({ reason, attributes }) => (
          <p key={reason} className="model-excluded">
            {t.excluded} {attributes.join(', ')} — {reason}.
          </p>
        ))}
        <ChartTable
          summary={t.candidates}
          columns={t.candidateColumns}
          rows={card.candidates.map((c) => [
            c.name,
            n(c.holdout.rocAuc, 3),
            n(c.holdout.normalisedCost, 3),
            c.name === card.chosen ? t.served : '',
          ])}
        />
      </section>

      <div className="model-charts">
        <section className="card" aria-labelledby="model-cost">
          <h2 id="model-cost">{t.costTitle}</h2>
          <CostCurveChart curve={card.curves.cost} threshold={card.threshold} />
        </section>
        <section className="card" aria-labelledby="model-calibration">
          <h2 id="model-calibration">{t.calibrationTitle}</h2>
          <p>
            {t.calibrationText}{' '}
            {card.calibration.method === 'identity'
              ? t.uncalibrated(n(card.calibration.brierAfter, 4))
              : t.calibrated(n(card.calibration.brierBefore, 4), n(card.calibration.brierAfter, 4))}
          </p>
          <CalibrationChart
            before={
              card.calibration.method === 'identity' ? null : card.calibration.reliabilityBefore
            }
            after={card.calibration.reliabilityAfter}
          />
        </section>
      </div>

      <section className="card" aria-labelledby="model-importance">
        <h2 id="model-importance">{t.importanceTitle}</h2>
        <p data-testid="importance-themes">{t.themes(topThemes)}</p>
        <ImportanceChart features={card.importance.features} />
      </section>
      {monitoring && <LastReportLink modelId={card.id} />}
    </article>
  );
}
