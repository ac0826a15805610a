import { useCategories } from '../api/categories.tsx';
import { useApi } from '../api/useApi.ts';
import { useMessages } from '../i18n/language.tsx';
import { ClientFilters } from './clients/ClientFilters.tsx';
import { ClientResults } from './clients/ClientResults.tsx';
import { clientListPath, parseClientQuery } from './clients/client-query.ts';
import { IdSearch } from './clients/IdSearch.tsx';
import { messages } from './clients/messages.ts';
import './ClientsPage.css';

/**
 * Client search for advisers: open a file by its identifier, or filter, sort and page through the
 * clients. All of the page's state is in the URL (see clients/client-query.ts); its parts are in
 * clients/: the identifier field, the filter form, the results and their table.
 */
export function ClientsPage({ search = '' }: { search?: string }) {
  const t = useMessages(messages);
  // A category value the API does not take is dropped (once it has listed them).
  const q = parseClientQuery(search, useCategories().accepts);
  const list = useApi(clientListPath(q));

  return (
    <section className="clients-page">
      <h1>{t.title}</h1>
      <IdSearch q={q} />
      <ClientFilters q={q} />
      <ClientResults q={q} list={list} />
    </section>
  );
}
