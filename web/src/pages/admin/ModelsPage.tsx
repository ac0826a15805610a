import { useEffect, useState } from 'react';
import type { ModelSummary, Promotion } from '../../api/generated/api-types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatNumber, formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { Link } from '../../router.tsx';
import { PromoteDialog } from './PromoteDialog.tsx';
import './AdminPages.css';

const messages = {
  fr: {
    title: 'Registre des modèles',
    intro:
      'Chaque entraînement enregistré, du plus récent au plus ancien, avec ses mesures sur les dossiers de test. Le modèle servi note les clients ; en servir un autre se fait sans redémarrage, après confirmation.',
    loading: 'Chargement du registre…',
    empty: "Aucun modèle n'a encore été entraîné (creditlens train).",
    served: (id: string) => `Modèle servi : ${id}.`,
    noneServed: "Aucun modèle n'est servi.",
    caption: 'Les modèles du registre côte à côte',
    columns: {
      id: 'Modèle',
      createdAt: 'Entraîné le',
      chosen: 'Type',
      source: 'Données',
      auc: 'AUC',
      cost: 'Coût relatif',
      threshold: 'Seuil de refus',
      state: 'État',
      actions: 'Actions',
    },
    better: 'plus haut = mieux',
    lower: '1 = le meilleur de « tout accorder » ou « tout refuser » ; plus bas = mieux',
    sources: { 'feature-table': 'table des caractéristiques', csv: 'fichier CSV' },
    stateServed: 'servi',
    stateActive: 'actif au registre',
    stateIdle: '—',
    card: 'Fiche',
    cardOf: (id: string) => `Fiche du modèle ${id}`,
    promote: 'Servir…',
    promoteOf: (id: string) => `Servir le modèle ${id}…`,
    promoted: (id: string, previous: string | null, clients: string) =>
      `Le modèle ${id} est servi${previous ? ` à la place de ${previous}` : ''} : ${clients} clients notés de nouveau.`,
    none: '—',
  },
  en: {
    title: 'Model registry',
    intro:
      'Every saved training run, newest first, with its measures on the test files. The served model scores the clients; serving another one needs no restart, after a confirmation.',
    loading: 'Loading the registry…',
    empty: 'No model was trained yet (creditlens train).',
    served: (id: string) => `Served model: ${id}.`,
    noneServed: 'No model is served.',
    caption: "The registry's models side by side",
    columns: {
      id: 'Model',
      createdAt: 'Trained',
      chosen: 'Kind',
      source: 'Data',
      auc: 'AUC',
      cost: 'Relative cost',
      threshold: 'Refusal threshold',
      state: 'State',
      actions: 'Actions',
    },
    better: 'higher is better',
    lower: '1 = the better of "grant all" or "refuse all"; lower is better',
    sources: { 'feature-table': 'feature table', csv: 'CSV file' },
    stateServed: 'served',
    stateActive: 'active in the registry',
    stateIdle: '—',
    card: 'Card',
    cardOf: (id: string) => `Card of model ${id}`,
    promote: 'Serve…',
    promoteOf: (id: string) => `Serve model ${id}…`,
    promoted: (id: string, previous: string | null, clients: string) =>
      `Model ${id} is served${previous ? ` instead of ${previous}` : ''}: ${clients} clients scored again.`,
    none: '—',
  },
};

/**
 * The admin's model registry (GET /api/admin/models): the runs side by side with their AUC,
 * relative cost and threshold, which one is served, each one's card (/models/:id), and serving
 * another after a confirmation that says what changes (PromoteDialog).
 */
export function ModelsPage() {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const registry = useApi('/api/admin/models');
  const [target, setTarget] = useState<ModelSummary | null>(null);
  const [promotion, setPromotion] = useState<Promotion | null>(null);
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  useEffect(() => {
    if (registry.data) setModels(registry.data.models);
  }, [registry.data]);

  if (registry.error) return <ErrorMessage error={registry.error} onRetry={registry.reload} />;
  if (models === null) return <p aria-busy="true">{t.loading}</p>;
  const served = models.find((m) => m.served) ?? null;
  const n = (x: number | null) => (x === null ? t.none : formatNumber(x, language, 3));
  const c = t.columns;

  const onPromoted = (done: Promotion) => {
    setTarget(null);
    setPromotion(done);
    // The answer says what is served now; the registry marks it active as well.
    setModels((all) =>
      (all ?? []).map((m) => ({
        ...m,
        served: m.id === done.served,
        active: m.id === done.served,
      })),
    );
  };

  return (
    <article className="admin-page" data-testid="models-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p data-testid="models-served">
        <strong>{served ? t.served(served.id) : t.noneServed}</strong>
      </p>
      <p role="status" data-testid="models-promoted">
        {promotion &&
          t.promoted(
            promotion.served,
            promotion.previous,
            formatNumber(promotion.clients, language),
          )}
      </p>
      {models.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <section className="card">
          <table className="admin-table" data-testid="models-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.id}</th>
                <th scope="col">{c.createdAt}</th>
                <th scope="col">{c.chosen}</th>
                <th scope="col">{c.source}</th>
                <th scope="col" title={t.better}>
                  {c.auc}
                </th>
                <th scope="col" title={t.lower}>
                  {c.cost}
                </th>
                <th scope="col">{c.threshold}</th>
                <th scope="col">{c.state}</th>
                <th scope="col">{c.actions}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr
                  key={m.id}
                  data-testid="model-row"
                  data-model={m.id}
                  className={m.served ? 'model-served' : undefined}
                >
                  <th scope="row" data-label={c.id}>
                    <code>{m.id}</code>
                  </th>
                  <td data-label={c.createdAt}>{formatDateTime(m.createdAt, language)}</td>
                  <td data-label={c.chosen}>{m.chosen}</td>
                  <td data-label={c.source}>{t.sources[m.source]}</td>
                  <td data-label={c.auc}>{n(m.holdoutAuc)}</td>
                  <td data-label={c.cost}>{n(m.holdoutCost)}</td>
                  <td data-label={c.threshold}>{formatPercent(m.threshold, language, 1)}</td>
                  <td data-label={c.state} data-testid="model-state">
                    {m.served ? t.stateServed : m.active ? t.stateActive : t.stateIdle}
                  </td>
                  <td data-label={c.actions}>
                    <div className="user-buttons">
                      <Link to={`/models/${m.id}`} testId="model-card-link">
                        <span aria-hidden="true">{t.card}</span>
                        <span className="visually-hidden">{t.cardOf(m.id)}</span>
                      </Link>
                      {!m.served && (
                        <button
                          type="button"
                          data-testid="model-promote"
                          aria-label={t.promoteOf(m.id)}
                          onClick={() => setTarget(m)}
                        >
                          {t.promote}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {target && (
        <PromoteDialog
          target={target}
          served={served}
          onDone={onPromoted}
          onCancel={() => setTarget(null)}
        />
      )}
    </article>
  );
}
