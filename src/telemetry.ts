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

/** A telemetry export (Application Insights when configured). Receives only what `trackEvent` callers pass. */
export interface TelemetrySink {
  event(name: string, properties: Record<string, string>, measurements: Record<string, number>): void;
}

let sink: TelemetrySink | undefined;

/** Installs (or with no argument removes) the process's telemetry export; none by default. */
export function setTelemetrySink(next?: TelemetrySink): void {
  sink = next;
}

export function telemetrySink(): TelemetrySink | undefined {
  return sink;
}

/**
 * One operational record (the per-turn record, a Graph failure) for the export: numbers become measurements,
 * everything else text properties. Nothing happens without a sink. Callers pass ids and counts only: never tokens,
 * message text, names or unhashed conversation ids.
 */
export function trackEvent(name: string, fields: Record<string, string | number | boolean | null | undefined>): void {
  if (!sink) return;
  const properties: Record<string, string> = {};
  const measurements: Record<string, number> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'number') measurements[key] = value;
    else if (value !== null && value !== undefined) properties[key] = String(value);
  }
  sink.event(name, properties, measurements);
}
