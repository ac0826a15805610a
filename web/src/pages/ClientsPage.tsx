import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiFailure, api } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Pager } from '../components/Pager.tsx';
import { formatAmount, formatNumber, formatPercent } from '../i18n/format.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { Link, navigate } from '../router.tsx';
import {
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  GENDER_LABELS,
  GENDERS,
  INCOME_TYPE_LABELS,
  INCOME_TYPES,
  optionLabel,
} from './category-options.ts';
import type { ClientList } from './client-list-types.ts';
import {
  type ClientQuery,
  clientListPath,
  clientQueryString,
  type FilterKey,
  LIMITS,
  PAGE_SIZE,
  parseClientQuery,
  withFilter,
  withSort,
} from './client-query.ts';
import { NumberFilter } from './NumberFilter.tsx';
import { useDelayed } from './useDelayed.ts';
import './ClientsPage.css';

const messages = {
  fr: {
    title: 'Rechercher un client',
    idLabel: 'Identifiant du client',
    idHint: 'Tapez le début pour filtrer la liste, Entrée pour ouvrir le dossier.',
    idFormat: "L'identifiant ne contient que des chiffres (9 au plus).",
    unknownId: (id: string) => `Aucun client n'a l'identifiant ${id}. Vérifiez le numéro.`,
    checking: 'Recherche…',
    filters: 'Filtres',
    contract: 'Type de contrat',
    gender: 'Genre',
    incomeType: 'Type de revenu',
    decision: 'Décision du modèle',
    any: 'Tous',
    anyDecision: 'Toutes',
    grant: 'Accordé',
    refuse: 'Refusé',
    ageMin: 'Âge minimum',
    ageMax: 'Âge maximum',
    scoreMin: 'Score minimum (points)',
    scoreMax: 'Score maximum (points)',
    ageInvalid: `Un âge entier de ${LIMITS.age.min} à ${LIMITS.age.max} ans.`,
    scoreInvalid: `Un nombre entier de ${LIMITS.points.min} à ${LIMITS.points.max}.`,
    crossed: 'Le minimum dépasse le maximum.',
    clear: 'Effacer les filtres',
    caption: 'Clients correspondant à la recherche',
    count: (n: string) => `${n} client(s)`,
    id: 'Identifiant',
    age: 'Âge',
    contractCol: 'Contrat',
    income: 'Revenu annuel',
    credit: 'Montant demandé',
    probability: 'Probabilité de défaut',
    band: 'Niveau de risque',
    decisionCol: 'Décision',
    sortBy: (column: string) => `Trier par ${column}`,
    updating: 'Mise à jour…',
    loading: 'Chargement des clients…',
    empty: 'Aucun client ne correspond à ces critères. Élargissez ou effacez les filtres.',
    beyond: "Cette page n'existe plus pour ces critères.",
    firstPage: 'Aller à la première page',
    pages: 'Pages de résultats',
    prev: 'Page précédente',
    next: 'Page suivante',
    pageInfo: (page: number, pages: number, total: string) =>
      `Page ${page} sur ${pages} · ${total} clients`,
    // The risk itself, not the file's quality: "Faible" alone would read as low risk.
    bands: { excellent: 'Très faible', good: 'Faible', fair: 'Modéré', poor: 'Élevé' },
  },
  en: {
    title: 'Find a client',
    idLabel: 'Client identifier',
    idHint: 'Type its beginning to filter the list, Enter to open the file.',
    idFormat: 'The identifier has digits only (9 at most).',
    unknownId: (id: string) => `No client has the identifier ${id}. Check the number.`,
    checking: 'Searching…',
    filters: 'Filters',
    contract: 'Contract type',
    gender: 'Gender',
    incomeType: 'Income type',
    decision: "Model's decision",
    any: 'All',
    anyDecision: 'All',
    grant: 'Granted',
    refuse: 'Refused',
    ageMin: 'Minimum age',
    ageMax: 'Maximum age',
    scoreMin: 'Minimum score (points)',
    scoreMax: 'Maximum score (points)',
    ageInvalid: `A whole age from ${LIMITS.age.min} to ${LIMITS.age.max} years.`,
    scoreInvalid: `A whole number from ${LIMITS.points.min} to ${LIMITS.points.max}.`,
    crossed: 'The minimum is above the maximum.',
    clear: 'Clear the filters',
    caption: 'Clients matching the search',
    count: (n: string) => `${n} client(s)`,
    id: 'Identifier',
    age: 'Age',
    contractCol: 'Contract',
    income: 'Annual income',
    credit: 'Amount asked',
    probability: 'Probability of default',
    band: 'Risk level',
    decisionCol: 'Decision',
    sortBy: (column: string) => `Sort by ${column}`,
    updating: 'Updating…',
    loading: 'Loading the clients…',
    empty: 'No client matches these criteria. Widen or clear the filters.',
    beyond: 'This page no longer exists for these criteria.',
    firstPage: 'Go to the first page',
    pages: 'Result pages',
    prev: 'Previous page',
    next: 'Next page',
    pageInfo: (page: number, pages: number, total: string) =>
      `Page ${page} of ${pages} · ${total} clients`,
    bands: { excellent: 'Very low', good: 'Low', fair: 'Moderate', poor: 'High' },
  },
};

type Messages = (typeof messages)['fr'];

/** Moves to another state of the page; typing replaces the history entry instead of adding one. */
function go(q: ClientQuery, replace = false): void {
  navigate(`/clients${clientQueryString(q)}`, { replace });
}

/**
 * Client search for advisers: open a file by its identifier, or filter, sort and page through the
 * clients. All of the page's state is in the URL (see client-query.ts).
 */
export function ClientsPage({ search = '' }: { search?: string }) {
  const t = useMessages(messages);
  const q = parseClientQuery(search);
  const list = useApi<ClientList>(clientListPath(q));

  return (
    <section className="clients-page">
      <h1>{t.title}</h1>
      <IdSearch q={q} t={t} />
      <Filters q={q} t={t} />
      <Results q={q} t={t} list={list} />
    </section>
  );
}

function IdSearch({ q, t }: { q: ClientQuery; t: Messages }) {
  const id = useId();
  const [draft, setDraft] = useState(q.search ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(q);
  latest.current = q;

  useEffect(() => setDraft(q.search ?? ''), [q.search]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onChange = (value: string) => {
    setDraft(value);
    setMessage(null);
    if (timer.current) clearTimeout(timer.current);
    const text = value.trim();
    if (text !== '' && !/^\d{1,9}$/.test(text)) {
      setMessage(t.idFormat);
      return;
    }
    timer.current = setTimeout(() => go(withFilter(latest.current, 'search', text), true), 400);
  };

  const open = async () => {
    if (timer.current) clearTimeout(timer.current);
    const text = draft.trim();
    if (!/^\d{1,9}$/.test(text)) {
      setMessage(t.idFormat);
      return;
    }
    setChecking(true);
    try {
      // The smallest identifier starting with these digits is the number itself, if it exists.
      const found = await api.get<ClientList>(`/api/clients?search=${text}&pageSize=1&sort=id`);
      if (found.clients[0]?.id === Number(text)) navigate(`/clients/${text}`);
      else setMessage(t.unknownId(text));
    } catch (error) {
      setMessage(error instanceof ApiFailure ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void open();
  };

  return (
    <div className="card clients-id-search">
      <label htmlFor={id}>{t.idLabel}</label>
      <input
        id={id}
        data-testid="client-id-search"
        inputMode="numeric"
        autoComplete="off"
        maxLength={9}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint ${id}-message`}
        aria-invalid={message === t.idFormat ? true : undefined}
      />
      <span id={`${id}-hint`} className="clients-hint">
        {t.idHint}
      </span>
      <span id={`${id}-message`} role="status" className="clients-id-message">
        {checking ? t.checking : message}
      </span>
    </div>
  );
}

function Filters({ q, t }: { q: ClientQuery; t: Messages }) {
  const { language } = useLanguage();
  // Number fields commit after a pause: they must build on the state of then, not of their render.
  const latest = useRef(q);
  latest.current = q;
  const set = (key: FilterKey, value: string | number | undefined) =>
    go(withFilter(latest.current, key, value));
  const [crossed, setCrossed] = useState<'age' | 'points' | null>(null);

  // A bound that would cross its pair is not sent (the API would refuse it): say so instead.
  const setBound = (pair: 'age' | 'points', key: FilterKey, value: number | undefined) => {
    const now = latest.current;
    const min = key.endsWith('Min') ? value : (now[`${pair}Min`] as number | undefined);
    const max = key.endsWith('Max') ? value : (now[`${pair}Max`] as number | undefined);
    if (min !== undefined && max !== undefined && min > max) {
      setCrossed(pair);
      return;
    }
    setCrossed(null);
    set(key, value);
  };

  const select = (key: FilterKey, label: string, options: [string, string][], any: string) => (
    <div className="clients-select-filter">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select
        id={`filter-${key}`}
        data-testid={TEST_IDS[key]}
        value={(q[key] as string | undefined) ?? ''}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const labelled = (values: string[], labels: Parameters<typeof optionLabel>[0]) =>
    values.map((v): [string, string] => [v, optionLabel(labels, v, language)]);

  return (
    <fieldset className="card clients-filters">
      <legend>{t.filters}</legend>
      <div className="clients-filters-grid">
        {select('contractType', t.contract, labelled(CONTRACT_TYPES, CONTRACT_TYPE_LABELS), t.any)}
        {select('gender', t.gender, labelled(GENDERS, GENDER_LABELS), t.any)}
        {select('incomeType', t.incomeType, labelled(INCOME_TYPES, INCOME_TYPE_LABELS), t.any)}
        {select(
          'decision',
          t.decision,
          [
            ['grant', t.grant],
            ['refuse', t.refuse],
          ],
          t.anyDecision,
        )}
        <NumberFilter
          label={t.ageMin}
          testId="filter-age-min"
          value={q.ageMin}
          {...LIMITS.age}
          invalidText={t.ageInvalid}
          onCommit={(v) => setBound('age', 'ageMin', v)}
          pairError={crossed === 'age' ? t.crossed : null}
        />
        <NumberFilter
          label={t.ageMax}
          testId="filter-age-max"
          value={q.ageMax}
          {...LIMITS.age}
          invalidText={t.ageInvalid}
          onCommit={(v) => setBound('age', 'ageMax', v)}
        />
        <NumberFilter
          label={t.scoreMin}
          testId="filter-score-min"
          value={q.pointsMin}
          {...LIMITS.points}
          invalidText={t.scoreInvalid}
          onCommit={(v) => setBound('points', 'pointsMin', v)}
          pairError={crossed === 'points' ? t.crossed : null}
        />
        <NumberFilter
          label={t.scoreMax}
          testId="filter-score-max"
          value={q.pointsMax}
          {...LIMITS.points}
          invalidText={t.scoreInvalid}
          onCommit={(v) => setBound('points', 'pointsMax', v)}
        />
      </div>
      <button type="button" onClick={() => navigate('/clients')}>
        {t.clear}
      </button>
    </fieldset>
  );
}

const TEST_IDS: Record<FilterKey, string> = {
  search: 'client-id-search',
  contractType: 'filter-contract',
  gender: 'filter-gender',
  incomeType: 'filter-income-type',
  ageMin: 'filter-age-min',
  ageMax: 'filter-age-max',
  decision: 'filter-decision',
  pointsMin: 'filter-score-min',
  pointsMax: 'filter-score-max',
};

interface Column {
  key: string;
  label: (t: Messages) => string;
  /** The API's sort key, when the column can be sorted. */
  sort?: string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'id', label: (t) => t.id, sort: 'id', numeric: true },
  { key: 'age', label: (t) => t.age, sort: 'age', numeric: true },
  { key: 'contract', label: (t) => t.contractCol, sort: 'contractType' },
  { key: 'income', label: (t) => t.income, sort: 'income', numeric: true },
  { key: 'credit', label: (t) => t.credit, sort: 'credit', numeric: true },
  { key: 'probability', label: (t) => t.probability, sort: 'probability', numeric: true },
  // Bands follow points (higher is safer).
  { key: 'band', label: (t) => t.band, sort: 'points' },
  { key: 'decision', label: (t) => t.decisionCol },
];

function Results(props: {
  q: ClientQuery;
  t: Messages;
  list: ReturnType<typeof useApi<ClientList>>;
}) {
  const { q, t, list } = props;
  const { language } = useLanguage();
  const slow = useDelayed(list.loading);
  const { data, error } = list;

  if (error) return <ErrorMessage error={error} onRetry={list.reload} />;
  if (!data) {
    return (
      <p className="clients-status" aria-busy="true">
        {slow ? t.loading : ''}
      </p>
    );
  }
  if (data.total === 0) {
    return (
      <div className="card clients-empty">
        <p>{t.empty}</p>
        <button type="button" onClick={() => navigate('/clients')}>
          {t.clear}
        </button>
      </div>
    );
  }

  const page = q.page ?? 1;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const sort = q.sort ?? 'id';
  const total = formatNumber(data.total, language);

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: number) => {
    // The identifier's link navigates by itself; a text selection is not a click.
    if ((event.target as Element).closest('a')) return;
    if (window.getSelection()?.toString()) return;
    navigate(`/clients/${id}`);
  };

  return (
    <div className="card clients-results">
      <p className="clients-status" aria-live="polite">
        <span>{t.count(total)}</span>
        {slow && <span className="clients-updating"> · {t.updating}</span>}
      </p>
      {data.clients.length === 0 ? (
        <p>
          {t.beyond}{' '}
          <button type="button" onClick={() => go({ ...q, page: undefined })}>
            {t.firstPage}
          </button>
        </p>
      ) : (
        <div className="clients-table-scroll">
          <table data-testid="clients-table" aria-busy={list.loading}>
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => {
                  const direction =
                    c.sort === undefined
                      ? undefined
                      : sort === c.sort
                        ? 'ascending'
                        : sort === `-${c.sort}`
                          ? 'descending'
                          : undefined;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={direction}
                      className={c.numeric ? 'numeric' : undefined}
                    >
                      {c.sort ? (
                        <button
                          type="button"
                          className="clients-sort-button"
                          data-testid={`sort-${c.sort}`}
                          onClick={() => go(withSort(q, c.sort as string))}
                          title={t.sortBy(c.label(t))}
                        >
                          {c.label(t)}
                          <span aria-hidden="true" className="clients-sort-arrow">
                            {direction === 'ascending'
                              ? '▲'
                              : direction === 'descending'
                                ? '▼'
                                : '↕'}
                          </span>
                        </button>
                      ) : (
                        c.label(t)
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {data.clients.map((c) => {
                return (
                  <tr
                    key={c.id}
                    data-testid="client-row"
                    data-client-id={c.id}
                    className="clients-row"
                    onClick={(e) => openRow(e, c.id)}
                  >
                    <td className="numeric">
                      <Link to={`/clients/${c.id}`}>{c.id}</Link>
                    </td>
                    <td className="numeric">{c.age ?? '—'}</td>
                    <td>{optionLabel(CONTRACT_TYPE_LABELS, c.contractType, language)}</td>
                    <td className="numeric">
                      {c.income === null ? '—' : formatAmount(c.income, language)}
                    </td>
                    <td className="numeric">
                      {c.credit === null ? '—' : formatAmount(c.credit, language)}
                    </td>
                    <td className="numeric">
                      {c.probability === null ? '—' : formatPercent(c.probability, language)}
                    </td>
                    <td>{c.band ? t.bands[c.band] : '—'}</td>
                    <td>
                      {c.decision === null ? (
                        '—'
                      ) : (
                        <span className={`clients-decision clients-decision-${c.decision}`}>
                          {c.decision === 'grant' ? t.grant : t.refuse}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        info={t.pageInfo(page, pages, total)}
        labels={t}
        onGo={(to) => go({ ...q, page: to })}
        testId="page"
      />
    </div>
  );
}
