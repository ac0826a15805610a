import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiFailure } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import './LoginPage.css';

const messages = {
  fr: {
    title: 'Connexion',
    intro: 'Connectez-vous pour consulter les dossiers de crédit.',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    submit: 'Se connecter',
    busy: 'Connexion…',
    wrong: "Nom d'utilisateur ou mot de passe incorrect. Vérifiez-les puis réessayez.",
    tooMany: (wait: string) => `Trop de tentatives. Réessayez ${wait}.`,
    inSeconds: (s: number, at: string) => `dans ${s} s (à ${at})`,
    later: 'dans une minute',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    other: (detail: string) => `La connexion a échoué : ${detail}`,
  },
  en: {
    title: 'Log in',
    intro: 'Log in to see the credit files.',
    username: 'User name',
    password: 'Password',
    submit: 'Log in',
    busy: 'Logging in…',
    wrong: 'Wrong user name or password. Check them and try again.',
    tooMany: (wait: string) => `Too many attempts. Try again ${wait}.`,
    inSeconds: (s: number, at: string) => `in ${s} s (at ${at})`,
    later: 'in a minute',
    network: 'The server does not answer. Check your connection and try again.',
    other: (detail: string) => `Logging in failed: ${detail}`,
  },
};

/** Seconds to wait from the API's 429 message ("too many attempts: try again in 42 s"). */
export function retryAfterSeconds(message: string): number | null {
  const match = /in (\d+) s\b/.exec(message);
  return match ? Number(match[1]) : null;
}

/**
 * The login form: labelled fields, the focus on the first one, a busy state while the server
 * checks, and every refusal said in words (with when to retry after too many attempts). Where the
 * person lands afterwards is the shell's choice (App.tsx).
 */
export function LoginPage() {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const describe = (failure: unknown): string => {
    if (!(failure instanceof ApiFailure)) return t.other(String(failure));
    if (failure.status === 401) return t.wrong;
    if (failure.status === 429) {
      const seconds = retryAfterSeconds(failure.message);
      if (seconds === null) return t.tooMany(t.later);
      const at = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
        timeStyle: 'short',
      }).format(Date.now() + seconds * 1000);
      return t.tooMany(t.inSeconds(seconds, at));
    }
    if (failure.status === 0) return t.network;
    return t.other(failure.message);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (failure) {
      setError(describe(failure));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <form className="card login-card" onSubmit={onSubmit} aria-busy={busy}>
        <p className="login-brand">creditlens</p>
        <h1>{t.title}</h1>
        <p className="login-intro">{t.intro}</p>
        <label htmlFor="login-username">{t.username}</label>
        <input
          ref={first}
          id="login-username"
          data-testid="login-username"
          name="username"
          autoComplete="username"
          required
          maxLength={64}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <label htmlFor="login-password">{t.password}</label>
        <input
          id="login-password"
          data-testid="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={error ? 'login-error' : undefined}
        />
        {error && (
          <p id="login-error" className="login-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </form>
    </main>
  );
}
