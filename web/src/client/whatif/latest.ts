/**
 * Debounced, newest-only calls: calls scheduled within `delayMs` of each other collapse into the
 * last one, and the answer of a call overtaken by a newer schedule is dropped, so a slow answer to
 * an old keystroke never overwrites (or briefly shows over) the answer to the current form.
 */
export interface LatestRunner<A> {
  schedule(args: A): void;
  /** Forgets the pending call and any answer still on its way. */
  cancel(): void;
}

export function latestRunner<A, R>(
  run: (args: A) => Promise<R>,
  handlers: { onResult: (result: R, args: A) => void; onError: (error: unknown, args: A) => void },
  delayMs = 250,
): LatestRunner<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticket = 0;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    schedule(args) {
      clear();
      ticket++;
      timer = setTimeout(() => {
        timer = null;
        const mine = ++ticket;
        run(args).then(
          (result) => {
            if (mine === ticket) handlers.onResult(result, args);
          },
          (error: unknown) => {
            if (mine === ticket) handlers.onError(error, args);
          },
        );
      }, delayMs);
    },
    cancel() {
      clear();
      ticket++;
    },
  };
}
