import { type FormEvent, useEffect, useState } from 'react';
import { useApi } from '../api/useApi.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Pager } from '../components/Pager.tsx';
import { formatDateTime, formatNumber, plural } from '../format/index.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { Link, navigate } from '../router.tsx';
import {
  AUDIT_PAGE_SIZE,
  type AuditQuery,
  auditPath,
  auditQueryString,
  parseAuditQuery,
} from './audit-query.ts';
import { answersReview, auditSummaryText } from './audit-summary.ts';
import { useDelayed } from './useDelayed.ts';
import './AuditPage.css';

/** The actions the API records (src/api/**: recordAudit calls), in words. */
const ACTIONS = [
  'auth.login',
  'auth.login.failed',
  'auth.logout',
  'client.view',
  'client.score',
  'client.explanation',
  'client.similar',
  'client.whatif',
  'client.application',
  'applications.batch',
  'client.recourse',
  'client.decision',
  'client.review.request',
  'client.review.taken',
  'client.letter',
  'client.data',
  'population.features',
  'population.scatter',
  'access.refused',
  'admin.monitoring.read',
  'admin.users.list',
  'admin.user.create',
  'admin.user.update',
  'admin.models.list',
  'admin.model.card',
  'admin.model.promote',
] as const;

const messages = {
  fr: {
    title: "Journal d'audit",
    intro: 'Qui a consulté ou décidé quoi, quand, avec quelle version du modèle.',
    forbidden: "Le journal d'audit est réservé aux administrateurs.",
    filters: 'Filtres',
    user: "Nom d'utilisateur",
    client: 'Identifiant client',
    clientInvalid: 'Des chiffres uniquement.',
    action: 'Action',
    anyAction: 'Toutes',
    from: 'Du',
    to: 'Au',
    apply: 'Filtrer',
    clear: 'Effacer',
    caption: "Entrées du journal d'audit, les plus récentes d'abord",
    when: 'Quand',
    who: 'Qui',
    what: 'Action',
    clientCol: 'Client',
    model: 'Modèle',
    result: 'Résultat',
    raw: 'JSON enregistré',
    nobody: 'anonyme',
    empty: 'Aucune entrée ne correspond à ces filtres.',
    loading: 'Chargement du journal…',
    updating: 'Mise à jour…',
    pages: 'Pages du journal',
    prev: 'Page précédente',
    next: 'Page suivante',
    pageInfo: (page: number, pages: number, total: number) =>
      `Page ${page} sur ${pages} · ${formatNumber(total, 'fr')} ${plural(total, 'fr', { one: 'entrée', other: 'entrées' })}`,
    roles: { adviser: 'conseiller', admin: 'administrateur', customer: 'client' },
    reviewDecided: ' (réexamen décidé)',
    actions: {
      'auth.login': 'Connexion',
      'auth.login.failed': 'Connexion refusée',
      'auth.logout': 'Déconnexion',
      'client.view': 'Dossier consulté',
      'client.score': 'Score consulté',
      'client.explanation': 'Explication consultée',
      'client.similar': 'Clients similaires consultés',
      'client.whatif': 'Simulation',
      'client.application': 'Nouvelle demande enregistrée',
      'applications.batch': 'Demandes enregistrées par lot (creditlens score)',
      'client.recourse': 'Pistes d’amélioration consultées',
      'client.decision': 'Décision enregistrée',
      'client.review.request': 'Réexamen demandé',
      'client.review.taken': 'Demande de réexamen prise en charge',
      'client.letter': 'Lettre d’explication produite',
      'client.data': 'Données du client exportées',
      'population.features': 'Distribution consultée',
      'population.scatter': 'Nuage de points consulté',
      'access.refused': 'Accès refusé',
      'admin.monitoring.read': 'Suivi du modèle consulté',
      'admin.users.list': 'Utilisateurs listés',
      'admin.user.create': 'Utilisateur créé',
      'admin.user.update': 'Utilisateur modifié',
      'admin.models.list': 'Modèles listés',
      'admin.model.card': 'Fiche d’un modèle lue',
      'admin.model.promote': 'Modèle activé',
    },
  },
  en: {
    title: 'Audit trail',
    intro: 'Who looked at or decided what, when, with which model version.',
    forbidden: 'The audit trail is for administrators only.',
    filters: 'Filters',
    user: 'User name',
    client: 'Client identifier',
    clientInvalid: 'Digits only.',
    action: 'Action',
    anyAction: 'All',
    from: 'From',
    to: 'To',
    apply: 'Filter',
    clear: 'Clear',
    caption: 'Audit trail entries, newest first',
    when: 'When',
    who: 'Who',
    what: 'Action',
    clientCol: 'Client',
    model: 'Model',
    result: 'Result',
    raw: 'Stored JSON',
    nobody: 'anonymous',
    empty: 'No entry matches these filters.',
    loading: 'Loading the audit trail…',
    updating: 'Updating…',
    pages: 'Audit trail pages',
    prev: 'Previous page',
    next: 'Next page',
    pageInfo: (page: number, pages: number, total: number) =>
      `Page ${page} of ${pages} · ${formatNumber(total, 'en')} ${plural(total, 'en', { one: 'entry', other: 'entries' })}`,
    roles: { adviser: 'adviser', admin: 'administrator', customer: 'customer' },
    reviewDecided: ' (review decided)',
    actions: {
      'auth.login': 'Login',
      'auth.login.failed': 'Login refused',
      'auth.logout': 'Logout',
      'client.view': 'File viewed',
      'client.score': 'Score viewed',
      'client.explanation': 'Explanation viewed',
      'client.similar': 'Similar clients viewed',
      'client.whatif': 'What-if simulation',
      'client.application': 'New application saved',
      'applications.batch': 'Applications saved in a batch (creditlens score)',
      'client.recourse': 'Ways to improve viewed',
      'client.decision': 'Decision recorded',
      'client.review.request': 'Review requested',
      'client.review.taken': 'Review request taken in review',
      'client.letter': 'Explanation letter produced',
      'client.data': "Client's data exported",
      'population.features': 'Distribution viewed',
      'population.scatter': 'Scatter plot viewed',
      'access.refused': 'Access refused',
      'admin.monitoring.read': 'Model monitoring read',
      'admin.users.list': 'Users listed',
      'admin.user.create': 'User created',
      'admin.user.update': 'User changed',
      'admin.models.list': 'Models listed',
      'admin.model.card': 'Model card read',
      'admin.model.promote': 'Model activated',
    },
  },
};

type Messages = (typeof messages)['fr'];

function go(q: AuditQuery): void {
  navigate(`/audit${auditQueryString(q)}`);
}

/** The audit trail for administrators: filter by person, client, action and days; paged. */
export function AuditPage({ search = '' }: { search?: string }) {
  const t = useMessages(messages);
  const user = useUser();
  if (user.role !== 'admin') {
    return (
      <section>
        <h1>{t.title}</h1>
        <p className="card">{t.forbidden}</p>
      </section>
    );
  }
  return <AuditTrail t={t} q={parseAuditQuery(search)} />;
}

function AuditTrail({ t, q }: { t: Messages; q: AuditQuery }) {
  const { language } = useLanguage();
  const trail = useApi(auditPath(q));
  const slow = useDelayed(trail.loading);
  const { data, error } = trail;
  const page = q.page ?? 1;
  const pages = data ? Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)) : 1;
  const actionLabel = (action: string) =>
    (t.actions as Record<string, string | undefined>)[action] ?? action;

  return (
    <section className="audit-page">
      <h1>{t.title}</h1>
      <p className="audit-intro">{t.intro}</p>
      <AuditFilters t={t} q={q} actionLabel={actionLabel} />
      {error && <ErrorMessage error={error} onRetry={trail.reload} />}
      {!error && !data && (
        <p className="audit-status" aria-busy="true">
          {slow ? t.loading : ''}
        </p>
      )}
      {!error && data && data.total === 0 && <p className="card">{t.empty}</p>}
      {!error && data && data.total > 0 && (
        <div className="card">
          <p className="audit-status" aria-live="polite">
            {slow ? t.updating : ''}
          </p>
          <div className="audit-table-scroll">
            <table data-testid="audit-table" aria-busy={trail.loading}>
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.who}</th>
                  <th scope="col">{t.what}</th>
                  <th scope="col">{t.clientCol}</th>
                  <th scope="col">{t.model}</th>
                  <th scope="col">{t.result}</th>
                </tr>
              </thead>
              <tbody>
                {data.records.map((r) => (
                  <tr key={r.id} data-testid="audit-row">
                    <td>
                      <time dateTime={r.at}>{formatDateTime(r.at, language)}</time>
                    </td>
                    <td>
                      {r.username ?? t.nobody}
                      {r.role && <span className="audit-role"> ({t.roles[r.role]})</span>}
                    </td>
                    <td>
                      {actionLabel(r.action)}
                      {answersReview(r.action, r.outputSummary) && t.reviewDecided}
                    </td>
                    <td>
                      {r.clientId === null ? (
                        '—'
                      ) : (
                        <Link to={`/clients/${r.clientId}`}>{r.clientId}</Link>
                      )}
                    </td>
                    <td>{r.modelVersion ?? '—'}</td>
                    <td className="audit-summary">
                      <span data-testid="audit-summary">
                        {auditSummaryText(r.outputSummary, language)}
                      </span>
                      {/* The stored JSON stays one click away, with the request it answered. */}
                      <details>
                        <summary>{t.raw}</summary>
                        <code title={`request ${r.requestId}`}>{r.outputSummary}</code>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pages={pages}
            info={t.pageInfo(page, pages, data.total)}
            labels={t}
            onGo={(to) => go({ ...q, page: to })}
            testId="audit-page"
          />
        </div>
      )}
    </section>
  );
}

/** Text fields apply on submit (Enter or the button); the action list applies at once. */
function AuditFilters(props: { t: Messages; q: AuditQuery; actionLabel: (a: string) => string }) {
  const { t, q, actionLabel } = props;
  const [user, setUser] = useState(q.user ?? '');
  const [client, setClient] = useState(q.client === undefined ? '' : String(q.client));
  const [from, setFrom] = useState(q.from ?? '');
  const [to, setTo] = useState(q.to ?? '');
  useEffect(() => {
    setUser(q.user ?? '');
    setClient(q.client === undefined ? '' : String(q.client));
    setFrom(q.from ?? '');
    setTo(q.to ?? '');
  }, [q.user, q.client, q.from, q.to]);

  const clientValid = /^\d{0,9}$/.test(client.trim());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!clientValid) return;
    go({
      ...q,
      user: user.trim() || undefined,
      client: client.trim() === '' ? undefined : Number(client.trim()),
      from: from || undefined,
      to: to || undefined,
      page: undefined,
    });
  };

  return (
    <form className="card audit-filters" onSubmit={onSubmit} aria-label={t.filters}>
      <div className="audit-field">
        <label htmlFor="audit-user">{t.user}</label>
        <input
          id="audit-user"
          data-testid="audit-filter-user"
          value={user}
          maxLength={64}
          onChange={(e) => setUser(e.target.value)}
        />
      </div>
      <div className="audit-field">
        <label htmlFor="audit-client">{t.client}</label>
        <input
          id="audit-client"
          data-testid="audit-filter-client"
          inputMode="numeric"
          value={client}
          maxLength={9}
          onChange={(e) => setClient(e.target.value)}
          aria-invalid={clientValid ? undefined : true}
          aria-describedby={clientValid ? undefined : 'audit-client-error'}
        />
        {!clientValid && (
          <span id="audit-client-error" className="audit-field-error">
            {t.clientInvalid}
          </span>
        )}
      </div>
      <div className="audit-field">
        <label htmlFor="audit-action">{t.action}</label>
        <select
          id="audit-action"
          data-testid="audit-filter-action"
          value={q.action ?? ''}
          onChange={(e) => go({ ...q, action: e.target.value || undefined, page: undefined })}
        >
          <option value="">{t.anyAction}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="audit-field">
        <label htmlFor="audit-from">{t.from}</label>
        <input
          id="audit-from"
          data-testid="audit-filter-from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="audit-field">
        <label htmlFor="audit-to">{t.to}</label>
        <input
          id="audit-to"
          data-testid="audit-filter-to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div className="audit-buttons">
        <button type="submit" className="primary">
          {t.apply}
        </button>
        <button type="button" onClick={() => navigate('/audit')}>
          {t.clear}
        </button>
      </div>
    </form>
  );
}
