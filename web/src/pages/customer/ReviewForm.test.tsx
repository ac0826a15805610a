// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPanel, type StubCall } from '../../client/panel-test-support.tsx';
import { ReviewForm } from './ReviewForm.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const PATH = 'POST /api/clients/100302/reviews';
const VIEW = 'Mes revenus ont augmenté depuis la demande, je peux fournir mes bulletins.';

/** Types in the point of view (once the session is known and the form drawn). */
async function type(text: string) {
  fireEvent.change(await screen.findByTestId('review-text'), { target: { value: text } });
}

function stored(call: StubCall) {
  return {
    status: 201,
    body: {
      id: 7,
      clientId: 100302,
      status: 'received',
      pointOfView: (call.body as { pointOfView: string }).pointOfView,
    },
  };
}

describe('ReviewForm', () => {
  it('says a point of view is too short before sending anything', async () => {
    const onSent = vi.fn();
    const { calls } = renderPanel(
      <ReviewForm clientId={100302} onSent={onSent} />,
      {},
      {
        role: 'customer',
      },
    );
    await type('  Trop court  ');
    fireEvent.click(await screen.findByTestId('review-submit'));
    const error = await screen.findByTestId('review-text-error');
    expect(error.textContent).toBe(
      'Votre point de vue est trop court : au moins 20 caractères (10 pour l’instant).',
    );
    expect(screen.getByTestId('review-text').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(onSent).not.toHaveBeenCalled();
    // Fixed as it is typed.
    await type(VIEW);
    expect(screen.queryByTestId('review-text-error')).toBeNull();
  });

  it('sends the words and the corrections with one Idempotency-Key, kept on a retry', async () => {
    let answers = 0;
    const onSent = vi.fn();
    const { calls } = renderPanel(
      <ReviewForm clientId={100302} onSent={onSent} />,
      {
        // The first answer is lost (a 503), the retry is stored.
        [PATH]: (call) =>
          ++answers === 1
            ? { status: 503, body: { error: { code: 'NOT_READY', message: 'not ready' } } }
            : stored(call),
      },
      { role: 'customer' },
    );
    await type(VIEW);
    fireEvent.change(await screen.findByTestId('review-field-AMT_INCOME_TOTAL'), {
      target: { value: '52 000' },
    });
    fireEvent.click(screen.getByTestId('review-submit'));
    await screen.findByTestId('error-message');
    fireEvent.click(screen.getByTestId('review-submit'));
    await screen.findByTestId('review-sent');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toEqual({ pointOfView: VIEW, corrections: { AMT_INCOME_TOTAL: 52000 } });
    expect(posts[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.headers['idempotency-key']).toBe(posts[0]?.headers['idempotency-key']);
    expect(onSent).toHaveBeenCalledTimes(1);
    // Emptied for a next request, which gets its own key.
    expect((screen.getByTestId('review-text') as HTMLTextAreaElement).value).toBe('');
    await type(`${VIEW} Encore.`);
    fireEvent.click(screen.getByTestId('review-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3));
    const third = calls.filter((c) => c.method === 'POST')[2];
    expect(third?.headers['idempotency-key']).not.toBe(posts[0]?.headers['idempotency-key']);
  });

  it('shows a correction the API refuses beside its field', async () => {
    renderPanel(
      <ReviewForm clientId={100302} onSent={() => {}} />,
      {
        [PATH]: {
          status: 400,
          body: {
            error: {
              code: 'BAD_REQUEST',
              message: 'must be a number between 0 and 100,000,000; got -5',
              field: 'body.corrections.AMT_INCOME_TOTAL',
            },
          },
        },
      },
      { role: 'customer' },
    );
    await type(VIEW);
    fireEvent.change(await screen.findByTestId('review-field-AMT_INCOME_TOTAL'), {
      target: { value: '-5' },
    });
    fireEvent.click(screen.getByTestId('review-submit'));
    const error = await screen.findByTestId('review-error-AMT_INCOME_TOTAL');
    expect(error.textContent).toBe(
      'Valeur refusée : must be a number between 0 and 100,000,000; got -5',
    );
    expect(screen.queryByTestId('review-sent')).toBeNull();
  });

  it('marks a correction that is not a number without sending', async () => {
    const { calls } = renderPanel(
      <ReviewForm clientId={100302} onSent={() => {}} />,
      {},
      {
        role: 'customer',
      },
    );
    await type(VIEW);
    fireEvent.change(await screen.findByTestId('review-field-AMT_CREDIT'), {
      target: { value: 'beaucoup' },
    });
    fireEvent.click(screen.getByTestId('review-submit'));
    expect((await screen.findByTestId('review-error-AMT_CREDIT')).textContent).toContain(
      'Saisissez un nombre',
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
