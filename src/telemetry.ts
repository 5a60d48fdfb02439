/**
 * Per-turn measurements without threading a parameter through every layer: the turn log middleware opens a scope
 * (AsyncLocalStorage) and the Graph client counts its HTTP round trips into it.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { createHash } from 'crypto';

export interface TurnScope {
  graphRoundTrips: number;
}

const scope = new AsyncLocalStorage<TurnScope>();

export function withTurnScope<T>(work: (turn: TurnScope) => Promise<T>): Promise<T> {
  const turn: TurnScope = { graphRoundTrips: 0 };
  return scope.run(turn, () => work(turn));
}

/** Called once per Graph HTTP round trip (a $batch counts once); nothing outside a turn. */
export function countGraphRoundTrip(): void {
  const turn = scope.getStore();
  if (turn) turn.graphRoundTrips++;
}

/** A short, stable, non-reversible stand-in for an id that must not be logged as is (conversation ids). */
export function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}
