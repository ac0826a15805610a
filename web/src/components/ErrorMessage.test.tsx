// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/client.ts';
import { LanguageProvider } from '../i18n/language.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

afterEach(cleanup);

describe('ErrorMessage', () => {
  it('says in French what a 403 means, with the server detail', () => {
    render(
      <LanguageProvider>
        <ErrorMessage error={new ApiFailure(403, 'FORBIDDEN', 'not your file')} />
      </LanguageProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Vous n'avez pas accès à ce dossier.");
    expect(alert.textContent).toContain('not your file');
  });

  it('tells a network failure apart from a server error', () => {
    render(
      <LanguageProvider>
        <ErrorMessage error={new ApiFailure(0, 'NETWORK', 'failed to fetch')} />
      </LanguageProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Le serveur ne répond pas');
  });
});
