import { type FormEvent, useId, useState } from 'react';
import { ApiFailure, api } from '../../api/client.ts';
import type { UserAccount } from '../../api/generated/api-types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useMessages } from '../../i18n/language.tsx';
import {
  fieldOfFailure,
  MIN_PASSWORD_LENGTH,
  type NewUserField,
  type NewUserProblem,
  newUserBody,
  newUserProblems,
  passwordProblem,
  ROLES,
  type Role,
} from './new-user.ts';
import { roleLabels } from './role-labels.ts';

const messages = {
  fr: {
    title: 'Créer un compte',
    username: "Nom d'utilisateur",
    usernameHelp: '3 à 64 lettres sans accent, chiffres, points, tirets ou soulignés.',
    role: 'Rôle',
    clientId: 'Identifiant client (SK_ID_CURR)',
    clientIdHelp: 'Un client ne voit que ce dossier.',
    password: 'Mot de passe',
    passwordHelp: `Au moins ${MIN_PASSWORD_LENGTH} caractères, difficile à deviner : ni le nom d'utilisateur, ni le nom du produit, ni un mot de passe courant. Le serveur juge sa solidité et dit pourquoi il le refuse.`,
    length: (n: number) => `${n} caractère${n > 1 ? 's' : ''} sur ${MIN_PASSWORD_LENGTH} au moins`,
    submit: 'Créer le compte',
    sending: 'Création…',
    created: (name: string) => `Compte « ${name} » créé : il peut se connecter.`,
    refused: 'Refusé par le serveur :',
    problems: {
      usernameShape: '3 à 64 lettres sans accent, chiffres, points, tirets ou soulignés.',
      clientIdMissing: 'Un compte client a besoin de son identifiant client.',
      clientIdShape: 'Des chiffres uniquement (1 à 9).',
      passwordShort: `Au moins ${MIN_PASSWORD_LENGTH} caractères.`,
      passwordHasUsername: "Le mot de passe contient le nom d'utilisateur.",
      passwordHasProduct: 'Le mot de passe contient le nom du produit (creditlens).',
    } satisfies Record<NewUserProblem, string>,
  },
  en: {
    title: 'Create an account',
    username: 'User name',
    usernameHelp: '3 to 64 letters without accents, digits, dots, dashes or underscores.',
    role: 'Role',
    clientId: 'Client identifier (SK_ID_CURR)',
    clientIdHelp: 'A customer sees this file only.',
    password: 'Password',
    passwordHelp: `At least ${MIN_PASSWORD_LENGTH} characters, hard to guess: not the user name, not the product's name, not a common password. The server judges its strength and says why it refuses one.`,
    length: (n: number) => `${n} character${n === 1 ? '' : 's'} of at least ${MIN_PASSWORD_LENGTH}`,
    submit: 'Create the account',
    sending: 'Creating…',
    created: (name: string) => `Account "${name}" created: it can log in.`,
    refused: 'Refused by the server:',
    problems: {
      usernameShape: '3 to 64 letters without accents, digits, dots, dashes or underscores.',
      clientIdMissing: 'A customer account needs its client identifier.',
      clientIdShape: 'Digits only (1 to 9).',
      passwordShort: `At least ${MIN_PASSWORD_LENGTH} characters.`,
      passwordHasUsername: 'The password contains the user name.',
      passwordHasProduct: "The password contains the product's name (creditlens).",
    } satisfies Record<NewUserProblem, string>,
  },
};

type FieldErrors = Partial<Record<NewUserField, string>>;

/**
 * Creates an account (POST /api/admin/users): what the API would refuse is said beside its field
 * before sending; what it refuses anyway (a guessable password, a taken name, an unknown client) is
 * its own words beside the field it names.
 */
export function CreateUserForm({ onCreated }: { onCreated: (user: UserAccount) => void }) {
  const t = useMessages(messages);
  const roles = useMessages(roleLabels);
  const id = useId();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('adviser');
  const [clientId, setClientId] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const values = { username, role, clientId, password };
  const livePassword = password === '' ? null : passwordProblem(password, username);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    setFailure(null);
    const problems = newUserProblems(values);
    const local: FieldErrors = {};
    for (const [field, problem] of Object.entries(problems) as [NewUserField, NewUserProblem][])
      local[field] = t.problems[problem];
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const answer = await api.post('/api/admin/users', newUserBody(values));
      setCreated(answer.user.username);
      setUsername('');
      setClientId('');
      setPassword('');
      onCreated(answer.user);
    } catch (error) {
      const field = error instanceof ApiFailure ? fieldOfFailure(error.field, error.code) : null;
      if (field && error instanceof ApiFailure)
        setErrors({ [field]: `${t.refused} ${error.message}` });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const fieldProps = (field: NewUserField) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': `${id}-${field}-help${errors[field] ? ` ${id}-${field}-error` : ''}`,
  });
  const fieldError = (field: NewUserField) =>
    errors[field] && (
      <p
        className="field-error"
        id={`${id}-${field}-error`}
        data-testid={`new-user-${field}-error`}
      >
        {errors[field]}
      </p>
    );

  return (
    <form className="card admin-form" onSubmit={onSubmit} noValidate data-testid="new-user-form">
      <h2>{t.title}</h2>
      <div className="admin-fields">
        <div className="admin-field">
          <label htmlFor={`${id}-username`}>{t.username}</label>
          <input
            {...fieldProps('username')}
            data-testid="new-user-username"
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <p className="field-help" id={`${id}-username-help`}>
            {t.usernameHelp}
          </p>
          {fieldError('username')}
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-role`}>{t.role}</label>
          <select
            id={`${id}-role`}
            data-testid="new-user-role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles[r]}
              </option>
            ))}
          </select>
        </div>
        {role === 'customer' && (
          <div className="admin-field">
            <label htmlFor={`${id}-clientId`}>{t.clientId}</label>
            <input
              {...fieldProps('clientId')}
              data-testid="new-user-client-id"
              inputMode="numeric"
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
            />
            <p className="field-help" id={`${id}-clientId-help`}>
              {t.clientIdHelp}
            </p>
            {fieldError('clientId')}
          </div>
        )}
        <div className="admin-field admin-field-wide">
          <label htmlFor={`${id}-password`}>{t.password}</label>
          <input
            {...fieldProps('password')}
            data-testid="new-user-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="field-help" id={`${id}-password-help`}>
            {t.passwordHelp}{' '}
            <span data-testid="new-user-password-live" aria-live="polite">
              {password !== '' && t.length([...password].length)}
              {livePassword && livePassword !== 'passwordShort' && ` — ${t.problems[livePassword]}`}
            </span>
          </p>
          {fieldError('password')}
        </div>
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="new-user-submit">
        {busy ? t.sending : t.submit}
      </button>
      <p role="status" data-testid="new-user-created">
        {created && t.created(created)}
      </p>
      {failure !== null && <ErrorMessage error={failure} />}
    </form>
  );
}
