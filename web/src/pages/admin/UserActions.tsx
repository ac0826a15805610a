import { type FormEvent, useId, useState } from 'react';
import { ApiFailure, api } from '../../api/client.ts';
import type { UserAccount } from '../../api/generated/api-types.ts';
import { useMessages } from '../../i18n/language.tsx';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './new-user.ts';

const messages = {
  fr: {
    disable: 'Désactiver',
    enable: 'Réactiver',
    self: 'votre compte',
    reset: 'Nouveau mot de passe',
    newPassword: (name: string) => `Nouveau mot de passe de ${name}`,
    save: 'Enregistrer',
    cancel: 'Annuler',
    short: `Au moins ${MIN_PASSWORD_LENGTH} caractères.`,
    hasUsername: "Le mot de passe contient le nom d'utilisateur.",
    hasProduct: 'Le mot de passe contient le nom du produit (creditlens).',
    refused: 'Refusé par le serveur :',
    disabled: (name: string) => `${name} est désactivé : ses sessions sont fermées.`,
    enabled: (name: string) => `${name} est réactivé : il peut se connecter.`,
    passwordSet: (name: string) =>
      `Mot de passe de ${name} changé : ses sessions sont fermées, il se connecte avec le nouveau.`,
  },
  en: {
    disable: 'Disable',
    enable: 'Enable',
    self: 'your account',
    reset: 'New password',
    newPassword: (name: string) => `New password for ${name}`,
    save: 'Save',
    cancel: 'Cancel',
    short: `At least ${MIN_PASSWORD_LENGTH} characters.`,
    hasUsername: 'The password contains the user name.',
    hasProduct: "The password contains the product's name (creditlens).",
    refused: 'Refused by the server:',
    disabled: (name: string) => `${name} is disabled: their sessions are ended.`,
    enabled: (name: string) => `${name} is enabled again: they can log in.`,
    passwordSet: (name: string) =>
      `${name}'s password is changed: their sessions are ended, they log in with the new one.`,
  },
};

/**
 * An account's actions (PATCH /api/admin/users/:id): disable or enable it (not one's own), set a
 * new password; the API's answer, or its refusal in its own words, is said beneath.
 */
export function UserActions(props: {
  user: UserAccount;
  isSelf: boolean;
  onChanged: (user: UserAccount) => void;
}) {
  const { user, isSelf, onChanged } = props;
  const t = useMessages(messages);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);

  const update = async (body: { disabled: boolean } | { password: string }) => {
    setBusy(true);
    setSaid(null);
    try {
      const answer = await api.patch(`/api/admin/users/${user.id}`, body);
      onChanged(answer.user);
      const name = answer.user.username;
      if ('password' in body) {
        setResetting(false);
        setPassword('');
        setSaid({ text: t.passwordSet(name), error: false });
      } else {
        setSaid({ text: answer.user.disabled ? t.disabled(name) : t.enabled(name), error: false });
      }
    } catch (error) {
      const message = error instanceof ApiFailure ? error.message : String(error);
      if ('password' in body && error instanceof ApiFailure && error.field === 'body.password')
        setPasswordError(`${t.refused} ${message}`);
      else setSaid({ text: `${t.refused} ${message}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const onReset = (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, user.username);
    const local = {
      passwordShort: t.short,
      passwordHasUsername: t.hasUsername,
      passwordHasProduct: t.hasProduct,
    };
    setPasswordError(problem ? local[problem] : null);
    if (!problem) void update({ password });
  };

  return (
    <div className="user-actions">
      <div className="user-buttons">
        {isSelf ? (
          <span className="user-self">({t.self})</span>
        ) : (
          <button
            type="button"
            disabled={busy}
            data-testid="user-toggle"
            onClick={() => void update({ disabled: !user.disabled })}
          >
            {user.disabled ? t.enable : t.disable}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          aria-expanded={resetting}
          data-testid="user-reset"
          onClick={() => {
            setResetting(!resetting);
            setPasswordError(null);
          }}
        >
          {t.reset}
        </button>
      </div>
      {resetting && (
        <form className="user-reset-form" onSubmit={onReset} noValidate>
          <label htmlFor={`${id}-password`}>{t.newPassword(user.username)}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            data-testid="user-reset-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${id}-error` : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {passwordError && (
            <p className="field-error" id={`${id}-error`} data-testid="user-reset-error">
              {passwordError}
            </p>
          )}
          <div className="user-buttons">
            <button type="submit" className="primary" disabled={busy} data-testid="user-reset-save">
              {t.save}
            </button>
            <button type="button" onClick={() => setResetting(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      <p
        role="status"
        className={said?.error ? 'field-error' : 'user-said'}
        data-testid="user-said"
      >
        {said?.text}
      </p>
    </div>
  );
}
