import { lazy, Suspense, useEffect, useRef } from 'react';
import { CategoriesProvider } from './api/categories.tsx';
import { ApiFailure } from './api/client.ts';
import { useSession } from './auth/session.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { useLanguage, useMessages } from './i18n/language.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ClientsPage } from './pages/ClientsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { Link, navigate, useRoute } from './router.tsx';
import './App.css';

// The chart pages (and ECharts with them) load on first use: login and search stay light.
const ClientPage = lazy(() =>
  import('./pages/ClientPage.tsx').then((m) => ({ default: m.ClientPage })),
);
const ModelPage = lazy(() =>
  import('./pages/ModelPage.tsx').then((m) => ({ default: m.ModelPage })),
);
const CustomerSpacePage = lazy(() =>
  import('./pages/customer/CustomerSpacePage.tsx').then((m) => ({ default: m.CustomerSpacePage })),
);
// The admin's pages, admins only: nobody else downloads them.
const UsersPage = lazy(() =>
  import('./pages/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const ModelsPage = lazy(() =>
  import('./pages/admin/ModelsPage.tsx').then((m) => ({ default: m.ModelsPage })),
);
const MonitoringPage = lazy(() =>
  import('./pages/monitoring/MonitoringPage.tsx').then((m) => ({ default: m.MonitoringPage })),
);
const WorklistPage = lazy(() =>
  import('./pages/WorklistPage.tsx').then((m) => ({ default: m.WorklistPage })),
);
const NewApplicationPage = lazy(() =>
  import('./pages/NewApplicationPage.tsx').then((m) => ({ default: m.NewApplicationPage })),
);

/** Pages only an admin has: anyone else reads "page not found", as before they existed. */
const ADMIN_PAGES = new Set(['users', 'models', 'model-run', 'monitoring']);

const messages = {
  fr: {
    loading: 'Chargement…',
    notFound: 'Page introuvable',
    back: 'Retour à la recherche',
    notYours: "ce dossier n'est pas le vôtre",
    ownFile: 'Ouvrir mon dossier',
  },
  en: {
    loading: 'Loading…',
    notFound: 'Page not found',
    back: 'Back to the search',
    notYours: 'this file is not yours',
    ownFile: 'Open my file',
  },
};

/** The shell: who may see which page, and where each role lands. */
export function App() {
  const t = useMessages(messages);
  const { user } = useSession();
  const route = useRoute();
  const { language } = useLanguage();

  // The page's language follows the switch, also after a reload (screen readers, hyphenation).
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const routeClient = route.page === 'client' ? route.id : null;
  useEffect(() => {
    if (user === undefined) return;
    if (user === null && route.page !== 'login') navigate('/login', { replace: true });
    if (user && route.page === 'login') navigate(landingOf(user), { replace: true });
    // A customer lands on their own space (/me, their own file's address too); other pages would
    // only answer 403, and another client's file stays the clear refusal below.
    const mayStay =
      route.page === 'me' ||
      route.page === 'login' ||
      (routeClient !== null && routeClient !== user?.clientId);
    if (user?.role === 'customer' && !mayStay) navigate(landingOf(user), { replace: true });
    // The customer's space is no staff page.
    if (user && user.role !== 'customer' && route.page === 'me')
      navigate(landingOf(user), { replace: true });
  }, [user, route.page, routeClient]);

  // A new page (not a new filter or tab) starts at its top, and a screen reader starts reading it.
  const main = useRef<HTMLElement>(null);
  const pageKey = route.page === 'client' ? `client/${route.id}` : route.page;
  const firstPage = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pageKey is the trigger.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pageKey]);

  if (user === undefined)
    return (
      <p className="page-loading" aria-busy="true">
        {t.loading}
      </p>
    );
  if (user === null) return <LoginPage />;
  // A customer who edits the URL to another file: one clear refusal (the API refuses it anyway).
  const otherCustomer =
    user.role === 'customer' && route.page === 'client' && route.id !== user.clientId;

  return (
    <CategoriesProvider>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1} ref={main}>
        {route.page === 'clients' && <ClientsPage search={route.search} />}
        <Suspense fallback={<p aria-busy="true">{t.loading}</p>}>
          {route.page === 'client' && user.role !== 'customer' && (
            <ClientPage key={route.id} clientId={route.id} section={route.section} />
          )}
          {otherCustomer && (
            <section className="card">
              <ErrorMessage error={new ApiFailure(403, 'FORBIDDEN_CLIENT', t.notYours)} />
              <p>
                <Link to={landingOf(user)}>{t.ownFile}</Link>
              </p>
            </section>
          )}
          {route.page === 'me' && user.role === 'customer' && user.clientId !== null && (
            <CustomerSpacePage clientId={user.clientId} />
          )}
          {route.page === 'model' && <ModelPage monitoring={user.role === 'admin'} />}
          {route.page === 'users' && user.role === 'admin' && <UsersPage />}
          {route.page === 'models' && user.role === 'admin' && <ModelsPage />}
          {route.page === 'monitoring' && user.role === 'admin' && <MonitoringPage />}
          {route.page === 'model-run' && user.role === 'admin' && (
            <ModelPage key={route.id} runId={route.id} />
          )}
          {route.page === 'new' && user.role !== 'customer' && <NewApplicationPage />}
          {route.page === 'worklist' && user.role !== 'customer' && (
            <WorklistPage search={route.search} />
          )}
        </Suspense>
        {route.page === 'audit' && <AuditPage search={route.search} />}
        {(route.page === 'not-found' || (ADMIN_PAGES.has(route.page) && user.role !== 'admin')) && (
          <section>
            <h1>{t.notFound}</h1>
            <Link to="/clients">{t.back}</Link>
          </section>
        )}
      </main>
    </CategoriesProvider>
  );
}

function landingOf(user: { role: string; clientId: number | null }): string {
  return user.role === 'customer' && user.clientId !== null ? '/me' : '/clients';
}
