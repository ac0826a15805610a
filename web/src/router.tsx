/**
 * A tiny history router: the dashboard has a handful of pages, so a dependency would cost more
 * than it gives. Paths: /login, /me (a customer's own space), /clients, /clients/:id[/section],
 * /new, /model, /audit, /worklist; the search, audit and worklist pages keep their filters in the
 * query string. The server answers index.html for every non-API path, so a reload or a pasted link
 * opens the same page.
 */
import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';

export type Route =
  | { page: 'login' }
  | { page: 'me' }
  | { page: 'clients'; search: string }
  | { page: 'client'; id: number; section: string | null }
  | { page: 'model' }
  | { page: 'users' }
  | { page: 'models' }
  | { page: 'monitoring' }
  | { page: 'model-run'; id: string }
  | { page: 'new' }
  | { page: 'audit'; search: string }
  | { page: 'worklist'; search: string }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '/clients') return { page: 'clients', search };
  if (pathname === '/login') return { page: 'login' };
  if (pathname === '/me') return { page: 'me' };
  if (pathname === '/model') return { page: 'model' };
  if (pathname === '/users') return { page: 'users' };
  if (pathname === '/models') return { page: 'models' };
  if (pathname === '/monitoring') return { page: 'monitoring' };
  const run = /^\/models\/(m-\d{8}-\d{6}-[0-9a-f]{4})$/.exec(pathname);
  if (run) return { page: 'model-run', id: run[1] as string };
  if (pathname === '/new') return { page: 'new' };
  if (pathname === '/audit') return { page: 'audit', search };
  if (pathname === '/worklist') return { page: 'worklist', search };
  const client = /^\/clients\/(\d{1,9})(?:\/([a-z-]+))?$/.exec(pathname);
  if (client) return { page: 'client', id: Number(client[1]), section: client[2] ?? null };
  return { page: 'not-found', path: pathname };
}

const listeners = new Set<() => void>();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** An anchor that navigates without reloading (a modified click still opens a new tab). */
export function Link(props: {
  to: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Marks the link of the page being shown (aria-current="page"). */
  current?: boolean;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={props.to}
      onClick={onClick}
      className={props.className}
      data-testid={props.testId}
      aria-current={props.current ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}
