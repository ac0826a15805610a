import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, api } from './client.ts';
import type { GetAnswer, GetPath } from './routes.ts';

export interface ApiState<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
  /** Fetches again (after a decision is recorded, say). */
  reload: () => void;
}

/**
 * GETs in flight by path: panels that mount together and ask the same thing (the score for the
 * gauge and for the waterfall) share one request, so the server — and its audit trail — sees one
 * view, not two.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function sharedGet<P extends GetPath>(path: P): Promise<GetAnswer<P>> {
  const pending = inFlight.get(path);
  if (pending) return pending as Promise<GetAnswer<P>>;
  const request = api.get(path).finally(() => inFlight.delete(path));
  inFlight.set(path, request);
  return request;
}

/**
 * GET `path` (null: nothing to fetch yet) and follow it: a newer path cancels the older answer so a
 * fast client switch never shows the previous client's data. The answer's type is the path's.
 */
export function useApi<P extends GetPath>(path: P | null): ApiState<GetAnswer<P>> {
  type T = GetAnswer<P>;
  const [state, setState] = useState<{
    data: T | null;
    error: ApiFailure | null;
    loading: boolean;
  }>({ data: null, error: null, loading: path !== null });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger.
  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    sharedGet(path).then(
      (data) => {
        if (ticket === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        const failure =
          error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT', String(error));
        setState({ data: null, error: failure, loading: false });
      },
    );
  }, [path, generation]);

  return { ...state, reload };
}
