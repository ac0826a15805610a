import type { ClientList } from '../../api/types.ts';
import type { ApiState } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useMessages } from '../../i18n/language.tsx';
import { useDelayed } from '../useDelayed.ts';
import { ClientTable } from './ClientTable.tsx';
import { type ClientQuery, PAGE_SIZE } from './client-query.ts';
import { messages } from './messages.ts';
import { clearClients, showClients } from './navigation.ts';

/**
 * The answer to the search: an API failure with a retry, a quiet wait (said only when slow), a
 * sentence for no match, or the count, the table and the pager. The previous rows stay on screen
 * while the next answer loads.
 */
export function ClientResults(props: { q: ClientQuery; list: ApiState<ClientList> }) {
  const { q, list } = props;
  const t = useMessages(messages);
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
        <button type="button" onClick={clearClients}>
          {t.clear}
        </button>
      </div>
    );
  }

  const page = q.page ?? 1;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  return (
    <div className="card clients-results">
      <p className="clients-status" aria-live="polite">
        <span>{t.count(data.total)}</span>
        {slow && <span className="clients-updating"> · {t.updating}</span>}
      </p>
      {data.clients.length === 0 ? (
        <p>
          {t.beyond}{' '}
          <button type="button" onClick={() => showClients({ ...q, page: undefined })}>
            {t.firstPage}
          </button>
        </p>
      ) : (
        <ClientTable q={q} clients={data.clients} busy={list.loading} />
      )}
      <Pager
        page={page}
        pages={pages}
        info={t.pageInfo(page, pages, data.total)}
        labels={t}
        onGo={(to) => showClients({ ...q, page: to })}
        testId="page"
      />
    </div>
  );
}
