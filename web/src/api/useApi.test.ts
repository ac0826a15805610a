import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedGet } from './useApi.ts';

afterEach(() => vi.unstubAllGlobals());

function stubFetch() {
  const fetchMock = vi.fn(
    async () =>
      new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('sharedGet', () => {
  it('sends one request for the same path asked twice at once', async () => {
    const fetchMock = stubFetch();
    const [a, b] = await Promise.all([sharedGet('/api/model'), sharedGet('/api/model')]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks again once the first answer has arrived, and keeps different paths apart', async () => {
    const fetchMock = stubFetch();
    await sharedGet('/api/model');
    await Promise.all([sharedGet('/api/model'), sharedGet('/api/categories')]);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
