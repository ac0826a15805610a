/** Moves between states of the search page, and from it to a client's file. */
import { navigate } from '../../router.tsx';
import { type ClientQuery, clientQueryString } from './client-query.ts';

/** Shows the search page in state `q`; typing replaces the history entry instead of adding one. */
export function showClients(q: ClientQuery, replace = false): void {
  navigate(`/clients${clientQueryString(q)}`, { replace });
}

/** The search page with no filter, sort or page. */
export function clearClients(): void {
  navigate('/clients');
}

/** Opens a client's file. */
export function openClient(id: number | string): void {
  navigate(`/clients/${id}`);
}
