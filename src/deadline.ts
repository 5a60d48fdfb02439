/**
 * Time budgets. `within` waits for `work` at most `ms` milliseconds: its value, or TIMED_OUT (the work itself goes
 * on; whoever started it decides what a late result means). The timer never keeps the process alive.
 */
export const TIMED_OUT: unique symbol = Symbol('timedOut');

export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** How long SyncHelper lets things take. */
export interface Budgets {
  /** A card click (Action.Execute) is answered within this, with "Checking…" if the work isn't done yet. */
  invokeMs: number;
  /** One live check, all its Graph round trips and retries included. */
  checkMs: number;
}

/** Teams waits about 15 s for an invoke; we answer well before, and give a whole check 25 s. */
export const DEFAULT_BUDGETS: Budgets = Object.freeze({ invokeMs: 3_000, checkMs: 25_000 });
