import { useEffect } from 'react';
import { useSession } from './auth/session.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { useMessages } from './i18n/language.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ClientPage } from './pages/ClientPage.tsx';
import { ClientsPage } from './pages/ClientsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ModelPage } from './pages/ModelPage.tsx';
import { Link, navigate, useRoute } from './router.tsx';

const messages = {
  fr: { loading: 'Chargement…', notFound: 'Page introuvable', back: 'Retour à la recherche' },
  en: { loading: 'Loading…', notFound: 'Page not found', back: 'Back to the search' },
};

/** The shell: who may see which page, and where each role lands. */
export function App() {
  const t = useMessages(messages);
  const { user } = useSession();
  const route = useRoute();

  useEffect(() => {
    if (user === undefined) return;
    if (user === null && route.page !== 'login') navigate('/login', { replace: true });
    if (user && route.page === 'login') navigate(landingOf(user), { replace: true });
    // A customer lands on their own file; other pages would only answer 403.
    if (user?.role === 'customer' && route.page !== 'client' && route.page !== 'login')
      navigate(landingOf(user), { replace: true });
  }, [user, route.page]);

  if (user === undefined)
    return (
      <p className="page-loading" aria-busy="true">
        {t.loading}
      </p>
    );
  if (user === null) return <LoginPage />;

  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        {route.page === 'clients' && <ClientsPage search={route.search} />}
        {route.page === 'client' && (
          <ClientPage key={route.id} clientId={route.id} section={route.section} />
        )}
        {route.page === 'model' && <ModelPage />}
        {route.page === 'audit' && <AuditPage />}
        {route.page === 'not-found' && (
          <section>
            <h1>{t.notFound}</h1>
            <Link to="/clients">{t.back}</Link>
          </section>
        )}
      </main>
    </>
  );
}

function landingOf(user: { role: string; clientId: number | null }): string {
  return user.role === 'customer' && user.clientId !== null
    ? `/clients/${user.clientId}`
    : '/clients';
}
