import { type FormEvent, useEffect, useState } from 'react';
import { ApiFailure, api } from '../../api/client.ts';
import type { MonitoringReport } from '../../api/generated/api-types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatDay, formatNumber, formatPercent } from '../../format/index.ts';
import type { Language } from '../../i18n/language.tsx';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { BandMixChart } from './BandMixChart.tsx';
import { LightBadge } from './LightBadge.tsx';
import { goneMissing, isoDay, lightCounts, missingChanges } from './monitoring-view.ts';
import { PerformanceSection } from './PerformanceSection.tsx';
import { PsiChart } from './PsiChart.tsx';
import './MonitoringPage.css';

const messages = {
  fr: {
    title: 'Surveillance du modèle',
    intro:
      "La population des demandes s'éloigne-t-elle de celle sur laquelle le modèle a été construit, et ses probabilités tiennent-elles une fois les issues connues ? Feux aux seuils usuels : vert sous 0,10, orange jusqu'à 0,25, rouge au-delà.",
    loading: 'Chargement du dernier rapport…',
    none: "Aucun rapport n'a encore été calculé : choisissez une période ci-dessous (ou creditlens monitor).",
    computeTitle: 'Calculer un rapport sur les demandes enregistrées',
    since: 'Du',
    until: 'Au (exclu)',
    compute: 'Calculer',
    computing: 'Calcul en cours…',
    report: (model: string, window: string, at: string) =>
      `Modèle ${model} · fenêtre : ${window} · calculé le ${at}`,
    period: (since: string, until: string | null) =>
      until === null
        ? `demandes enregistrées depuis le ${since}`
        : `demandes enregistrées du ${since} au ${until} (exclu)`,
    overall: 'Feu général',
    counts: (green: number, amber: number, red: number) =>
      `${green} vert${green > 1 ? 's' : ''}, ${amber} orange${amber > 1 ? 's' : ''}, ${red} rouge${red > 1 ? 's' : ''}`,
    rows: (w: string, r: string) => `${w} demandes comparées à ${r} dossiers de développement.`,
    stability: 'Stabilité de la population',
    score: 'Score (points)',
    bandMix: 'Répartition par classe',
    psi: (v: string) => `PSI ${v}`,
    features: 'Variables du modèle, les plus déplacées d’abord',
    missingTitle: 'Parts manquantes qui ont changé',
    missingNone: "Aucune variable n'a vu sa part manquante changer de 5 points ou plus.",
    missingCaption: 'Variables dont la part manquante a bougé de 5 points ou plus',
    missingColumns: ['Variable', 'Développement', 'Fenêtre', 'Feu'],
    unseenTitle: 'Catégories jamais vues au développement',
    expectedTitle: 'Ce que les probabilités annoncent (avant les issues)',
    expectedRate: 'Taux de défaut attendu',
    expectedAuc: 'AUC attendue',
    devToWindow: (a: string, b: string) => `${a} au développement → ${b} dans la fenêtre`,
    performanceTitle: 'Performance constatée',
    noOutcomes:
      "Aucune issue enregistrée pour les prêts de cette fenêtre : la performance sera mesurée quand elles le seront (POST /api/outcomes, creditlens outcomes). D'ici là, les probabilités annoncées ci-dessus disent ce qu'il faut attendre.",
    skipped: (n: number) => `${n} ligne${n > 1 ? 's' : ''} ignorée${n > 1 ? 's' : ''}`,
    goneApart: (n: number) =>
      `${n > 1 ? 'Elles sont écartées' : 'Elle est écartée'} du graphique et du tableau ci-dessous, qui montrent ce qui a bougé parmi les autres variables.`,
    goneList: (n: number) => `Voir ${n > 1 ? `les ${n} variables` : 'la variable'}`,
    gone: (n: number, names: string) =>
      `${n} variable${n > 1 ? 's' : ''} manque${n > 1 ? 'nt' : ''} pour toutes les demandes de la fenêtre (${names}) : un flux interrompu, ou de nouveaux demandeurs sans l'historique de crédit qu'elle${n > 1 ? 's' : ''} lis${n > 1 ? 'ent' : 'ait'}.`,
  },
  en: {
    title: 'Model monitoring',
    intro:
      'Is the population of applications drifting from the one the model was built on, and do its probabilities hold once outcomes are known? Lights at the usual thresholds: green below 0.10, amber to 0.25, red above.',
    loading: 'Loading the last report…',
    none: 'No report was computed yet: choose a period below (or creditlens monitor).',
    computeTitle: 'Compute a report on the stored applications',
    since: 'From',
    until: 'To (excluded)',
    compute: 'Compute',
    computing: 'Computing…',
    report: (model: string, window: string, at: string) =>
      `Model ${model} · window: ${window} · computed ${at}`,
    period: (since: string, until: string | null) =>
      until === null
        ? `applications stored since ${since}`
        : `applications stored from ${since} to ${until} (excluded)`,
    overall: 'Overall light',
    counts: (green: number, amber: number, red: number) =>
      `${green} green, ${amber} amber, ${red} red`,
    rows: (w: string, r: string) => `${w} applications compared with ${r} development files.`,
    stability: 'Population stability',
    score: 'Score (points)',
    bandMix: 'Band mix',
    psi: (v: string) => `PSI ${v}`,
    features: "The model's variables, most moved first",
    missingTitle: 'Missing shares that changed',
    missingNone: 'No variable saw its missing share move by 5 points or more.',
    missingCaption: 'Variables whose missing share moved by 5 points or more',
    missingColumns: ['Variable', 'Development', 'Window', 'Light'],
    unseenTitle: 'Categories development never had',
    expectedTitle: 'What the probabilities imply (before outcomes)',
    expectedRate: 'Expected default rate',
    expectedAuc: 'Expected AUC',
    devToWindow: (a: string, b: string) => `${a} at development → ${b} in the window`,
    performanceTitle: 'Observed performance',
    noOutcomes:
      'No outcome is recorded for the loans of this window: performance will be measured once they are (POST /api/outcomes, creditlens outcomes). Until then, the probabilities above say what to expect.',
    skipped: (n: number) => `${n} row${n > 1 ? 's' : ''} skipped`,
    goneApart: (n: number) =>
      `${n > 1 ? 'They are' : 'It is'} set apart from the chart and the table below, which show what moved among the other variables.`,
    goneList: (n: number) => `Show ${n > 1 ? `the ${n} variables` : 'the variable'}`,
    gone: (n: number, names: string) =>
      `${n} variable${n > 1 ? 's are' : ' is'} missing for every application of the window (${names}): a feed that stopped, or new applicants without the credit history ${n > 1 ? 'they read' : 'it reads'}.`,
  },
};

/** The window a new report covers by default: the last 30 days. */
function lastMonth(): { since: string; until: string } {
  const now = new Date();
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const since = new Date(until.getTime() - 30 * 86_400_000);
  return { since: isoDay(since), until: isoDay(until) };
}

/**
 * The admin's monitoring page: the last report (GET /api/monitoring) — the lights of the score,
 * the band mix and every feature (PSI), missing shares that moved, what the probabilities imply,
 * and once outcomes exist the AUC with its interval, the Jeffreys test per band, Brier and the
 * reliability curve — and a new report over a period of stored applications
 * (POST /api/monitoring/reports).
 */
export function MonitoringPage() {
  const t = useMessages(messages);
  // Whether a report exists first (always 200), so a first visit logs no failed request.
  const exists = useApi('/api/monitoring/latest');
  const latest = useApi(exists.data?.latest ? '/api/monitoring' : null);
  const [report, setReport] = useState<MonitoringReport | null>(null);
  const [period, setPeriod] = useState(lastMonth);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => {
    if (latest.data) setReport(latest.data);
  }, [latest.data]);

  const compute = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      setReport(await api.post('/api/monitoring/reports', period));
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT', String(error)));
    } finally {
      setBusy(false);
    }
  };

  const noReport = exists.data?.latest === null || latest.error?.code === 'REPORT_NOT_FOUND';
  const loadError = exists.error ?? latest.error;
  const reload = exists.error ? exists.reload : latest.reload;
  return (
    <article className="monitoring-page" data-testid="monitoring-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form className="card monitoring-form" onSubmit={compute} aria-busy={busy}>
        <h2>{t.computeTitle}</h2>
        <label>
          {t.since}
          <input
            type="date"
            required
            value={period.since}
            onChange={(e) => setPeriod((w) => ({ ...w, since: e.target.value }))}
            data-testid="monitoring-since"
          />
        </label>
        <label>
          {t.until}
          <input
            type="date"
            required
            value={period.until}
            onChange={(e) => setPeriod((w) => ({ ...w, until: e.target.value }))}
            data-testid="monitoring-until"
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t.computing : t.compute}
        </button>
        {failure && <ErrorMessage error={failure} />}
      </form>
      {report === null && (exists.loading || latest.loading) && <p aria-busy="true">{t.loading}</p>}
      {report === null && noReport && <p data-testid="monitoring-none">{t.none}</p>}
      {report === null && loadError && !noReport && (
        <ErrorMessage error={loadError} onRetry={reload} />
      )}
      {report !== null && <ReportView report={report} />}
    </article>
  );
}

/** One report: summary, stability, what the probabilities imply, performance. */
function ReportView({ report }: { report: MonitoringReport }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const counts = lightCounts(report);
  const gone = goneMissing(report);
  // A variable missing for every application is said once, in the summary: left in the chart and
  // the table, hundreds of them (new applicants without history) would hide what really moved.
  const goneNames = new Set(gone.map((f) => f.name));
  const present = report.features.filter((f) => !goneNames.has(f.name));
  const moved = missingChanges(present);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, language));
  const n3 = (v: number | null) => (v === null ? '—' : formatNumber(v, language, 3));
  const e = report.expected;
  return (
    <>
      <section className="card monitoring-summary" data-testid="monitoring-summary">
        <p>
          {t.report(
            report.model.id,
            windowWords(report.source, language, t.period),
            formatDateTime(report.createdAt, language),
          )}
        </p>
        <p className="monitoring-overall">
          {t.overall} : <LightBadge light={report.summary.status} /> —{' '}
          {t.counts(counts.green, counts.amber, counts.red)}
        </p>
        <p>
          {t.rows(
            formatNumber(report.rows.window, language),
            formatNumber(report.rows.reference, language),
          )}
          {report.rows.rejected > 0 && ` ${t.skipped(report.rows.rejected)}.`}
        </p>
        {gone.length > 0 && (
          <p data-testid="monitoring-gone">
            {t.gone(
              gone.length,
              `${gone
                .slice(0, 3)
                .map((f) => f.name)
                .join(', ')}${gone.length > 3 ? '…' : ''}`,
            )}{' '}
            {t.goneApart(gone.length)}
          </p>
        )}
        {gone.length > 3 && (
          <details data-testid="monitoring-gone-list">
            <summary>{t.goneList(gone.length)}</summary>
            <p>{gone.map((f) => f.name).join(', ')}</p>
          </details>
        )}
      </section>
      <section className="card" aria-labelledby="monitoring-stability">
        <h2 id="monitoring-stability">{t.stability}</h2>
        <ul className="monitoring-lights" data-testid="monitoring-lights">
          <li>
            {t.score} : <LightBadge light={report.score.status} />{' '}
            {t.psi(formatNumber(report.score.psi, language, 3))}
          </li>
          <li>
            {t.bandMix} : <LightBadge light={report.bandMix.status} />{' '}
            {t.psi(formatNumber(report.bandMix.psi, language, 3))}
          </li>
        </ul>
        <BandMixChart mix={report.bandMix} />
        <h3>{t.features}</h3>
        <PsiChart variables={present} />
        <h3>{t.missingTitle}</h3>
        {moved.length === 0 ? (
          <p>{t.missingNone}</p>
        ) : (
          <div className="monitoring-table-scroll">
            <table className="monitoring-table" data-testid="missing-table">
              <caption>{t.missingCaption}</caption>
              <thead>
                <tr>
                  {t.missingColumns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {moved.slice(0, 30).map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{f.name}</th>
                    <td>{pct(f.missingReference)}</td>
                    <td>{pct(f.missingWindow)}</td>
                    <td>
                      <LightBadge light={f.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {report.unseenCategories.length > 0 && (
          <>
            <h3>{t.unseenTitle}</h3>
            <ul>
              {report.unseenCategories.map((u) => (
                <li key={u.column}>
                  {u.column} : {u.values.map((v) => `${v.value} (${v.count})`).join(', ')} —{' '}
                  {pct(u.share)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="monitoring-expected">
        <h2 id="monitoring-expected">{t.expectedTitle}</h2>
        <dl className="monitoring-figures" data-testid="monitoring-expected">
          <div>
            <dt>{t.expectedRate}</dt>
            <dd>
              {t.devToWindow(
                pct(e.reference.expectedDefaultRate),
                pct(e.window.expectedDefaultRate),
              )}
            </dd>
          </div>
          <div>
            <dt>{t.expectedAuc}</dt>
            <dd>{t.devToWindow(n3(e.reference.expectedAuc), n3(e.window.expectedAuc))}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="monitoring-performance">
        <h2 id="monitoring-performance">{t.performanceTitle}</h2>
        {report.performance === null ? (
          <p data-testid="monitoring-no-outcomes">{t.noOutcomes}</p>
        ) : (
          <PerformanceSection performance={report.performance} />
        )}
      </section>
    </>
  );
}

/** The window in the page's language: a stored period by its days, a file by its name. */
function windowWords(
  source: MonitoringReport['source'],
  language: Language,
  period: (since: string, until: string | null) => string,
): string {
  if (!source.period) return source.applications;
  const { since, until } = source.period;
  return period(formatDay(since, language), until === null ? null : formatDay(until, language));
}
