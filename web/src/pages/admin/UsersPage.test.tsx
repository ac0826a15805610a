// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAccount } from '../../api/generated/api-types.ts';
import { SessionProvider, useSession } from '../../auth/session.tsx';
import { LanguageProvider } from '../../i18n/language.tsx';
import { type FetchCall, on, stubFetch } from '../../test-fetch.ts';
import { UsersPage } from './UsersPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account = (
  id: number,
  username: string,
  role: UserAccount['role'],
  more = {},
): UserAccount => ({
  id,
  username,
  role,
  clientId: role === 'customer' ? 100002 : null,
  disabled: false,
  createdAt: '2026-12-01T09:00:00.000Z',
  ...more,
});

const ACCOUNTS = [
  account(1, 'admin', 'admin'),
  account(2, 'adviser', 'adviser'),
  account(3, 'customer1', 'customer'),
];

function Harness() {
  const { user } = useSession();
  return user ? <UsersPage /> : null;
}

function start(...handlers: Parameters<typeof stubFetch>) {
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({
      body: { user: { id: 1, username: 'admin', role: 'admin', clientId: null } },
    })),
    on('GET', '/api/admin/users', () => ({ body: { users: ACCOUNTS } })),
    ...handlers,
  );
  render(
    <LanguageProvider>
      <SessionProvider>
        <Harness />
      </SessionProvider>
    </LanguageProvider>,
  );
  return calls;
}

const refusal = (status: number, code: string, message: string, field?: string) => ({
  status,
  body: { error: { code, message, field, requestId: 'test' } },
});

function fill(username: string, password: string, role = 'adviser', clientId?: string) {
  fireEvent.change(screen.getByTestId('new-user-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('new-user-role'), { target: { value: role } });
  if (clientId !== undefined)
    fireEvent.change(screen.getByTestId('new-user-client-id'), { target: { value: clientId } });
  fireEvent.change(screen.getByTestId('new-user-password'), { target: { value: password } });
}

const posts = (calls: FetchCall[]) => calls.filter((c) => c.method !== 'GET');

describe('UsersPage', () => {
  it('lists every account with its role, client, creation date and state, in French', async () => {
    start();
    const rows = await screen.findAllByTestId('user-row');
    expect(rows.map((r) => r.getAttribute('data-username'))).toEqual([
      'admin',
      'adviser',
      'customer1',
    ]);
    expect(rows[2]?.textContent).toContain('client');
    expect(rows[2]?.textContent).toContain('100002');
    expect(rows[1]?.textContent).toContain('conseiller');
    expect(rows[1]?.textContent).toContain('actif');
    expect(rows[1]?.textContent).toMatch(/1 déc\. 2026/);
    // One's own account cannot be disabled: no button, a word instead.
    expect(within(rows[0] as HTMLElement).queryByTestId('user-toggle')).toBeNull();
    expect(rows[0]?.textContent).toContain('votre compte');
  });

  it('creates a customer with their client number, and lists them', async () => {
    const calls = start(
      on('POST', '/api/admin/users', (call) => ({
        status: 201,
        body: {
          user: account(9, 'client.neuf', 'customer', {
            clientId: (call.body as { clientId: number }).clientId,
          }),
        },
      })),
    );
    await screen.findAllByTestId('user-row');
    fill('client.neuf', 'orange-violon-tempete', 'customer', '100002');
    fireEvent.click(screen.getByTestId('new-user-submit'));
    await waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(4));
    expect(posts(calls)[0]?.body).toEqual({
      username: 'client.neuf',
      role: 'customer',
      clientId: 100002,
      password: 'orange-violon-tempete',
    });
    expect(screen.getByTestId('new-user-created').textContent).toBe(
      'Compte « client.neuf » créé : il peut se connecter.',
    );
    expect((screen.getByTestId('new-user-password') as HTMLInputElement).value).toBe('');
  });

  it('says beside each field what the API would refuse, and sends nothing', async () => {
    const calls = start();
    await screen.findAllByTestId('user-row');
    fill('x', 'court', 'customer', '');
    expect(screen.getByTestId('new-user-password-live').textContent).toBe(
      '5 caractères sur 10 au moins',
    );
    fireEvent.click(screen.getByTestId('new-user-submit'));
    expect(screen.getByTestId('new-user-username-error').textContent).toContain('3 à 64');
    expect(screen.getByTestId('new-user-clientId-error').textContent).toBe(
      'Un compte client a besoin de son identifiant client.',
    );
    expect(screen.getByTestId('new-user-password-error').textContent).toBe(
      'Au moins 10 caractères.',
    );
    expect(screen.getByTestId('new-user-password').getAttribute('aria-invalid')).toBe('true');
    fill('marie.dupont', 'dupont-marie-2026');
    expect(screen.getByTestId('new-user-password-live').textContent).toContain(
      "Le mot de passe contient le nom d'utilisateur.",
    );
    expect(posts(calls)).toEqual([]);
  });

  it("shows the API's refusal of a guessable password beside the password, in its words", async () => {
    start(
      on('POST', '/api/admin/users', () =>
        refusal(
          400,
          'WEAK_PASSWORD',
          'invalid body.password: too easy to guess (strength 1 of 4, at least 3 needed). This is a commonly used password.',
          'body.password',
        ),
      ),
    );
    await screen.findAllByTestId('user-row');
    fill('marie.dupont', 'password12');
    fireEvent.click(screen.getByTestId('new-user-submit'));
    const error = await screen.findByTestId('new-user-password-error');
    expect(error.textContent).toBe(
      'Refusé par le serveur : invalid body.password: too easy to guess (strength 1 of 4, at least 3 needed). This is a commonly used password.',
    );
    expect(screen.getAllByTestId('user-row')).toHaveLength(3);
  });

  it('puts a taken user name beside the user name', async () => {
    start(
      on('POST', '/api/admin/users', () =>
        refusal(409, 'USERNAME_TAKEN', 'the user name adviser is taken'),
      ),
    );
    await screen.findAllByTestId('user-row');
    fill('adviser', 'orange-violon-tempete');
    fireEvent.click(screen.getByTestId('new-user-submit'));
    expect((await screen.findByTestId('new-user-username-error')).textContent).toContain(
      'the user name adviser is taken',
    );
  });

  it('disables and enables an account, saying what happened', async () => {
    const calls = start(
      on('PATCH', '/api/admin/users/2', (call) => ({
        body: { user: account(2, 'adviser', 'adviser', call.body as object) },
      })),
    );
    const row = () => screen.getAllByTestId('user-row')[1] as HTMLElement;
    await screen.findAllByTestId('user-row');
    fireEvent.click(within(row()).getByTestId('user-toggle'));
    await waitFor(() =>
      expect(within(row()).getByTestId('user-state').textContent).toBe('désactivé'),
    );
    expect(within(row()).getByTestId('user-said').textContent).toBe(
      'adviser est désactivé : ses sessions sont fermées.',
    );
    fireEvent.click(within(row()).getByTestId('user-toggle'));
    await waitFor(() => expect(within(row()).getByTestId('user-state').textContent).toBe('actif'));
    expect(posts(calls).map((c) => c.body)).toEqual([{ disabled: true }, { disabled: false }]);
  });

  it("resets a password and shows the API's answer, or its refusal beside the field", async () => {
    let refuse = true;
    const calls = start(
      on('PATCH', '/api/admin/users/3', () =>
        refuse
          ? refusal(
              400,
              'WEAK_PASSWORD',
              'invalid body.password: too easy to guess (it contains the user name).',
              'body.password',
            )
          : { body: { user: account(3, 'customer1', 'customer') } },
      ),
    );
    await screen.findAllByTestId('user-row');
    const row = screen.getAllByTestId('user-row')[2] as HTMLElement;
    fireEvent.click(within(row).getByTestId('user-reset'));
    const input = within(row).getByTestId('user-reset-password');
    fireEvent.change(input, { target: { value: 'court' } });
    fireEvent.click(within(row).getByTestId('user-reset-save'));
    expect(within(row).getByTestId('user-reset-error').textContent).toBe('Au moins 10 caractères.');
    expect(posts(calls)).toEqual([]);
    fireEvent.change(input, { target: { value: 'Cust0mer1-spring' } });
    fireEvent.click(within(row).getByTestId('user-reset-save'));
    expect((await within(row).findByText(/it contains the user name/)).textContent).toContain(
      'Refusé par le serveur',
    );
    refuse = false;
    fireEvent.change(input, { target: { value: 'orange-violon-tempete' } });
    fireEvent.click(within(row).getByTestId('user-reset-save'));
    await waitFor(() =>
      expect(within(row).getByTestId('user-said').textContent).toBe(
        'Mot de passe de customer1 changé : ses sessions sont fermées, il se connecte avec le nouveau.',
      ),
    );
    expect(posts(calls).map((c) => c.body)).toEqual([
      { password: 'Cust0mer1-spring' },
      { password: 'orange-violon-tempete' },
    ]);
  });
});
