import { useSession, useUser } from '../auth/session.tsx';
import { useMessages } from '../i18n/language.tsx';
import { Link, navigate, useRoute } from '../router.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './AppHeader.css';

const messages = {
  fr: {
    skip: 'Aller au contenu',
    nav: 'Navigation principale',
    clients: 'Clients',
    worklist: 'Suivi',
    newApplication: 'Nouvelle demande',
    model: 'Modèle',
    audit: 'Journal',
    users: 'Utilisateurs',
    models: 'Registre',
    monitoring: 'Surveillance',
    ownFile: 'Mon dossier',
    connectedAs: 'Connecté :',
    logout: 'Se déconnecter',
    roles: { adviser: 'conseiller', admin: 'administrateur', customer: 'client' },
  },
  en: {
    skip: 'Skip to content',
    nav: 'Main navigation',
    clients: 'Clients',
    worklist: 'Follow-up',
    newApplication: 'New application',
    model: 'Model',
    audit: 'Audit trail',
    users: 'Users',
    models: 'Registry',
    monitoring: 'Monitoring',
    ownFile: 'My file',
    connectedAs: 'Signed in:',
    logout: 'Log out',
    roles: { adviser: 'adviser', admin: 'administrator', customer: 'customer' },
  },
};

/**
 * The bar above every page: the pages this role may open (a customer has only their own file),
 * who is logged in, the language switch and logout. The first link skips to the page's content.
 */
export function AppHeader() {
  const t = useMessages(messages);
  const user = useUser();
  const { logout } = useSession();
  const route = useRoute();
  const staff = user.role === 'adviser' || user.role === 'admin';

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <span className="app-brand">creditlens</span>
      <nav aria-label={t.nav} className="app-nav">
        <ul>
          {staff && (
            <li>
              <Link
                to="/clients"
                testId="nav-clients"
                current={route.page === 'clients' || route.page === 'client'}
              >
                {t.clients}
              </Link>
            </li>
          )}
          {staff && (
            <li>
              <Link to="/worklist" testId="nav-worklist" current={route.page === 'worklist'}>
                {t.worklist}
              </Link>
            </li>
          )}
          {staff && (
            <li>
              <Link to="/new" testId="nav-new" current={route.page === 'new'}>
                {t.newApplication}
              </Link>
            </li>
          )}
          {staff && (
            <li>
              <Link to="/model" testId="nav-model" current={route.page === 'model'}>
                {t.model}
              </Link>
            </li>
          )}
          {user.role === 'admin' && (
            <li>
              <Link to="/audit" testId="nav-audit" current={route.page === 'audit'}>
                {t.audit}
              </Link>
            </li>
          )}
          {user.role === 'admin' && (
            <li>
              <Link to="/users" testId="nav-users" current={route.page === 'users'}>
                {t.users}
              </Link>
            </li>
          )}
          {user.role === 'admin' && (
            <li>
              <Link
                to="/models"
                testId="nav-models"
                current={route.page === 'models' || route.page === 'model-run'}
              >
                {t.models}
              </Link>
            </li>
          )}
          {user.role === 'admin' && (
            <li>
              <Link to="/monitoring" testId="nav-monitoring" current={route.page === 'monitoring'}>
                {t.monitoring}
              </Link>
            </li>
          )}
          {user.role === 'customer' && user.clientId !== null && (
            <li>
              <Link to="/me" testId="nav-own-file" current={route.page === 'me'}>
                {t.ownFile}
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <div className="app-user">
        <span data-testid="current-user">
          <span className="visually-hidden">{t.connectedAs} </span>
          {user.username} <span className="app-role">({t.roles[user.role]})</span>
        </span>
        <LanguageSwitch />
        <button type="button" data-testid="logout" onClick={onLogout}>
          {t.logout}
        </button>
      </div>
    </header>
  );
}
