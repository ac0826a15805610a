import type { MouseEvent } from 'react';
import { useCategories } from '../../api/categories.tsx';
import type { ClientSummary } from '../../api/types.ts';
import { formatPercent, formatValue } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { Link } from '../../router.tsx';
import { type ClientQuery, withSort } from './client-query.ts';
import { type ClientsMessages, messages } from './messages.ts';
import { openClient, showClients } from './navigation.ts';

interface Column {
  key: string;
  label: (t: ClientsMessages) => string;
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
  // The model's opinion and the adviser's final decision side by side: an override shows.
  { key: 'decision', label: (t) => t.decisionCol },
  { key: 'final', label: (t) => t.finalCol },
];

/**
 * One page of clients: a header per column (a click sorts by it, ascending then descending, and
 * `aria-sort` says which), a row per client in words and formatted numbers. A click on a row
 * opens the file; its identifier is a link, for the keyboard.
 */
export function ClientTable(props: { q: ClientQuery; clients: ClientSummary[]; busy: boolean }) {
  const { q, clients, busy } = props;
  const t = useMessages(messages);
  const { language } = useLanguage();
  const categories = useCategories();
  const sort = q.sort ?? 'id';

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: number) => {
    // The identifier's link navigates by itself; a text selection is not a click.
    if ((event.target as Element).closest('a')) return;
    if (window.getSelection()?.toString()) return;
    openClient(id);
  };

  return (
    <div className="clients-table-scroll">
      <table data-testid="clients-table" aria-busy={busy}>
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
                      onClick={() => showClients(withSort(q, c.sort as string))}
                      title={t.sortBy(c.label(t))}
                    >
                      {c.label(t)}
                      <span aria-hidden="true" className="clients-sort-arrow">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
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
          {clients.map((c) => (
            <tr
              key={c.id}
              data-testid="client-row"
              data-client-id={c.id}
              className="clients-row"
              onClick={(e) => openRow(e, c.id)}
            >
              <td className="numeric">
                <Link to={`/clients/${c.id}`}>{c.id}</Link>
                {/* Saved through the new-application page or `creditlens score --save`. */}
                {c.split === 'new' && (
                  <span className="clients-new" data-testid="client-new">
                    {t.newApplication}
                  </span>
                )}
              </td>
              <td className="numeric">{c.age ?? '—'}</td>
              <td>{categories.label('NAME_CONTRACT_TYPE', c.contractType, language)}</td>
              <td className="numeric">
                {c.income === null ? '—' : formatValue(c.income, 'currency', language)}
              </td>
              <td className="numeric">
                {c.credit === null ? '—' : formatValue(c.credit, 'currency', language)}
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
              <td data-testid="client-final" data-final={c.finalDecision?.decision ?? 'none'}>
                {c.finalDecision === null ? (
                  <span className="clients-final-none">{t.noFinal}</span>
                ) : (
                  <>
                    <span
                      className={`clients-decision clients-decision-${c.finalDecision.decision}`}
                    >
                      {c.finalDecision.decision === 'grant' ? t.grant : t.refuse}
                    </span>
                    {!c.finalDecision.followsModel && (
                      <span className="clients-overridden"> ({t.overridden})</span>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
