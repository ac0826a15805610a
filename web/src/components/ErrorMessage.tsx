import { ApiFailure } from '../api/client.ts';
import { useMessages } from '../i18n/language.tsx';

const messages = {
  fr: {
    network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    forbidden: "Vous n'avez pas accès à ce dossier.",
    notFound: "Ce client n'existe pas ou a été supprimé.",
    unauthorised: 'Votre session a expiré : reconnectez-vous.',
    unavailable:
      "Le service n'est pas prêt (modèle ou données manquants). Réessayez dans un instant.",
    invalid: 'Donnée refusée',
    other: 'Une erreur est survenue',
    retry: 'Réessayer',
  },
  en: {
    network: 'The server does not answer. Check your connection and try again.',
    forbidden: 'You do not have access to this file.',
    notFound: 'This client does not exist or was removed.',
    unauthorised: 'Your session has expired: please log in again.',
    unavailable: 'The service is not ready (model or data missing). Try again in a moment.',
    invalid: 'Value refused',
    other: 'Something went wrong',
    retry: 'Try again',
  },
};

/** An API failure as a sentence a person can act on, with the server's detail and a retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMessages(messages);
  const failure = error instanceof ApiFailure ? error : null;
  let headline = t.other;
  if (failure) {
    if (failure.status === 0) headline = t.network;
    else if (failure.status === 401) headline = t.unauthorised;
    else if (failure.status === 403) headline = t.forbidden;
    else if (failure.status === 404) headline = t.notFound;
    else if (failure.status === 503) headline = t.unavailable;
    else if (failure.status === 400) headline = t.invalid;
  }
  const detail = failure ? failure.message : String(error);
  return (
    <div className="error-message" role="alert" data-testid="error-message">
      <strong>{headline}</strong>
      {detail && <span className="error-detail"> — {detail}</span>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
