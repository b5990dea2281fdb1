// A bounded window of async tasks whose results are handed over strictly in list order:
// `dig -f` keeps several lookups in flight (most of a lookup is waiting for the server) and
// still prints them as the sequential run would. A slow task holds back only the printing
// of the ones after it, never their start: at most `limit` run at once, and up to
// `maxAhead` finished results wait for an earlier one (a bound on what is held in memory).

export interface WindowOptions {
  /** Tasks in flight at once; 1 is the sequential run. */
  limit: number;
  /** Tasks started past the first one not yet handed over (at least `limit`). */
  maxAhead?: number;
}

/**
 * Runs `run` on every item, at most `limit` at a time, and calls `emit` with each result in
 * item order as soon as it and all before it are done. A task that throws (or an `emit` that
 * throws) rejects the whole run when its turn to be handed over comes, after every result
 * before it was emitted, as a sequential loop would; nothing after it is emitted.
 */
export function orderedWindow<T, R>(items: readonly T[], options: WindowOptions, run: (item: T, index: number) => Promise<R>, emit: (result: R, index: number) => void): Promise<void> {
  const limit = Math.max(1, Math.floor(options.limit));
  const maxAhead = Math.max(limit, Math.floor(options.maxAhead ?? limit * 64));
  const settled: Array<{ ok: true; value: R } | { ok: false; error: unknown } | undefined> = new Array(items.length);
  let started = 0;
  let emitted = 0;
  let inFlight = 0;
  let finished = false;
  return new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      if (finished) return;
      while (emitted < items.length) {
        const s = settled[emitted];
        if (s === undefined) break;
        settled[emitted] = undefined; // handed over: let it be collected
        if (!s.ok) {
          finished = true;
          return reject(s.error);
        }
        try {
          emit(s.value, emitted);
        } catch (e) {
          finished = true;
          return reject(e);
        }
        emitted++;
      }
      if (emitted === items.length) {
        finished = true;
        return resolve();
      }
      while (inFlight < limit && started < items.length && started - emitted < maxAhead) {
        const i = started++;
        inFlight++;
        let task: Promise<R>;
        try {
          task = run(items[i], i);
        } catch (e) {
          task = Promise.reject(e);
        }
        task.then(
          (value) => {
            settled[i] = { ok: true, value };
            inFlight--;
            pump();
          },
          (error: unknown) => {
            settled[i] = { ok: false, error };
            inFlight--;
            pump();
          },
        );
      }
    };
    pump();
  });
}
