import { useApi } from '../../api/useApi.ts';
import { formatDateTime } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { Link } from '../../router.tsx';
import { LightBadge } from './LightBadge.tsx';

const messages = {
  fr: {
    title: 'Surveillance',
    last: (at: string) => `Dernier rapport de surveillance, calculé le ${at} : feu général`,
    other: (id: string) => ` (il porte sur le modèle ${id}, pas sur celui-ci)`,
    none: "Aucun rapport de surveillance n'a encore été calculé.",
    open: 'Ouvrir la surveillance du modèle',
  },
  en: {
    title: 'Monitoring',
    last: (at: string) => `Last monitoring report, computed ${at}: overall light`,
    other: (id: string) => ` (it measured model ${id}, not this one)`,
    none: 'No monitoring report was computed yet.',
    open: 'Open the model monitoring',
  },
};

/**
 * The model card's link to its last monitoring report (admins: GET /api/monitoring/latest is
 * theirs; it answers 200 with null before the first report, so no failed request is logged):
 * when it was computed, its overall light, whether it measured this model, and the way to /monitoring.
 */
export function LastReportLink({ modelId }: { modelId: string }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const answer = useApi('/api/monitoring/latest');
  const report = answer.data?.latest;
  return (
    <section className="card" aria-labelledby="model-monitoring" data-testid="model-monitoring">
      <h2 id="model-monitoring">{t.title}</h2>
      {report ? (
        <p>
          {t.last(formatDateTime(report.createdAt, language))} <LightBadge light={report.status} />
          {report.modelId !== modelId && t.other(report.modelId)}.
        </p>
      ) : (
        report === null && <p>{t.none}</p>
      )}
      <Link to="/monitoring">{t.open}</Link>
    </section>
  );
}
