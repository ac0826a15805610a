import { useEffect, useState } from 'react';
import type { UserAccount } from '../../api/generated/api-types.ts';
import { useApi } from '../../api/useApi.ts';
import { useUser } from '../../auth/session.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { roleLabels } from './role-labels.ts';
import { UserActions } from './UserActions.tsx';
import './AdminPages.css';

const messages = {
  fr: {
    title: 'Utilisateurs',
    intro:
      'Les comptes des conseillers, des administrateurs et des clients. Désactiver un compte ou changer son mot de passe ferme ses sessions aussitôt ; chaque action est inscrite au journal.',
    loading: 'Chargement des comptes…',
    caption: 'Comptes, du plus ancien au plus récent',
    columns: {
      username: "Nom d'utilisateur",
      role: 'Rôle',
      clientId: 'Client',
      createdAt: 'Créé le',
      state: 'État',
      actions: 'Actions',
    },
    active: 'actif',
    disabled: 'désactivé',
    none: '—',
  },
  en: {
    title: 'Users',
    intro:
      "The advisers', administrators' and customers' accounts. Disabling an account or changing its password ends its sessions at once; every action goes to the audit trail.",
    loading: 'Loading the accounts…',
    caption: 'Accounts, oldest first',
    columns: {
      username: 'User name',
      role: 'Role',
      clientId: 'Client',
      createdAt: 'Created',
      state: 'State',
      actions: 'Actions',
    },
    active: 'active',
    disabled: 'disabled',
    none: '—',
  },
};

/** The admin's accounts page: every account, a new one, and each one's actions. */
export function UsersPage() {
  const t = useMessages(messages);
  const roles = useMessages(roleLabels);
  const { language } = useLanguage();
  const me = useUser();
  const list = useApi('/api/admin/users');
  // The list as the admin's actions left it: each answer replaces its account, no refetch.
  const [accounts, setAccounts] = useState<UserAccount[] | null>(null);
  useEffect(() => {
    if (list.data) setAccounts(list.data.users);
  }, [list.data]);

  const replace = (user: UserAccount) =>
    setAccounts((all) => (all ?? []).map((u) => (u.id === user.id ? user : u)));
  const add = (user: UserAccount) => setAccounts((all) => [...(all ?? []), user]);
  const c = t.columns;

  return (
    <article className="admin-page" data-testid="users-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <CreateUserForm onCreated={add} />
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.error && accounts === null && <p aria-busy="true">{t.loading}</p>}
      {accounts && (
        <section className="card">
          <table className="admin-table" data-testid="users-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.username}</th>
                <th scope="col">{c.role}</th>
                <th scope="col">{c.clientId}</th>
                <th scope="col">{c.createdAt}</th>
                <th scope="col">{c.state}</th>
                <th scope="col">{c.actions}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((u) => (
                <tr
                  key={u.id}
                  data-testid="user-row"
                  data-username={u.username}
                  className={u.disabled ? 'user-disabled' : undefined}
                >
                  <th scope="row" data-label={c.username}>
                    {u.username}
                  </th>
                  <td data-label={c.role}>{roles[u.role]}</td>
                  <td data-label={c.clientId}>{u.clientId ?? t.none}</td>
                  <td data-label={c.createdAt}>{formatDateTime(u.createdAt, language)}</td>
                  <td data-label={c.state} data-testid="user-state">
                    {u.disabled ? t.disabled : t.active}
                  </td>
                  <td data-label={c.actions}>
                    <UserActions user={u} isSelf={u.id === me.id} onChanged={replace} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}
