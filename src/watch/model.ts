/**
 * Watches (issue #10) as data, and the pure rule that turns "what the channel was last told" plus "what the tenant
 * looks like now" into at most one message: an alert when the state got worse, "back to normal" when it recovered,
 * one summary when it flaps, nothing when it stayed the same. No Graph, no Bot Framework here.
 */
import type { Finding } from '../diagnostics/types';
import type { Lang } from '../i18n';

export type WatchKind = 'sync' | 'provisioning' | 'licence';

export interface WatchSubject {
  /** Object id: the service principal (provisioning) or the group (licence). */
  id: string;
  displayName: string;
}

export interface Watch {
  id: string;
  kind: WatchKind;
  /** Teams tenant of the conversation (the tenant the watcher reads). */
  tenantId: string;
  /** The conversation the watch was set in, exactly as the activity carried it (a channel thread keeps its ;messageid). */
  conversationId: string;
  /** The app (provisioning, required) or one group (licence, optional: tenant-wide without). */
  subject?: WatchSubject;
  /** Language of the conversation when the watch was set: alerts are written in it. */
  lang: Lang;
  /** Who set it (Teams ids and name only). */
  setBy: { id: string; name?: string };
  createdAt: string;
}

/** ok < warning < bad. `unknown`: the watcher could not read the state (never alerts by itself). */
export type Level = 'ok' | 'warning' | 'bad' | 'unknown';
const RANK: Record<Exclude<Level, 'unknown'>, number> = { ok: 0, warning: 1, bad: 2 };

/** What one evaluation saw. */
export interface Observation {
  level: Level;
  /** The problems seen, as stable ids: 'T1.stale'; 'P2.quarantine.credentials'; 'group-id/user-id' (licence). */
  items: string[];
  /** Names for the items, same order (licence: "Kari (Lisens E3)"); absent where the finding says it all. */
  labels?: string[];
  /** Licence watches: a new item is worse even at the same level (any new member with a licence error). */
  additive: boolean;
  /** Since when the state holds, as Graph reports it (last sync, quarantine began, run began), when known. */
  since?: string;
  /** The finding the live check would give, with its fix (absent when all is well or nothing was read). */
  finding?: Finding;
  /** Why it could not be read (level unknown). */
  failure?: string;
}

/** What the watcher remembers per watch between evaluations. */
export interface WatchState {
  /** The state the conversation was last told about (set-up or the last alert / recovery message). */
  announced: { level: Exclude<Level, 'unknown'>; items: string[]; since?: string };
  /** The state seen at the last evaluation, and when it was first seen. */
  seen: { items: string[]; level: Exclude<Level, 'unknown'>; firstSeenAt: string };
  /** When the seen state changed (ISO), within the flapping window. */
  changes: string[];
  /** Set while a flapping summary stands for the changes: no further messages until the state settles. */
  flappingSince?: string;
  evaluatedAt: string;
}

/** A state that changes this often within the window is summarised once instead of alerting each time. */
export const FLAP_CHANGES = 3;
export const FLAP_WINDOW_MS = 60 * 60 * 1000;

export type WatchMessage =
  | { kind: 'alert'; observation: Observation; since: string; previous: Exclude<Level, 'unknown'>; added: string[] }
  | { kind: 'recovered'; since: string }
  | { kind: 'flapping'; changes: number; observation: Observation };

function sameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isWorse(announced: WatchState['announced'], now: Observation): boolean {
  if (now.level === 'unknown' || now.level === 'ok') return false;
  if (RANK[now.level] > RANK[announced.level]) return true;
  return now.additive && now.items.some((i) => !announced.items.includes(i));
}

/** The state a new watch starts from: what it sees now counts as told (the set-up card shows it). */
export function initialState(now: Observation, at: Date): WatchState {
  const level = now.level === 'unknown' ? 'ok' : now.level;
  const items = now.level === 'unknown' ? [] : [...now.items].sort();
  return { announced: { level, items, since: now.since }, seen: { level, items, firstSeenAt: at.toISOString() }, changes: [], evaluatedAt: at.toISOString() };
}

/**
 * One evaluation: the next state and the message to post (if any).
 * - Unreadable (unknown): nothing changes, nothing is said.
 * - Flapping (≥ FLAP_CHANGES changes within FLAP_WINDOW_MS): one summary, then quiet until it settles.
 * - Worse than announced: one alert. Recovered to ok from a problem: one "back to normal". Same state: nothing.
 * - Better but not yet ok (stale → late): remembered as announced, nothing said (the next worsening alerts again).
 */
export function step(prev: WatchState, now: Observation, at: Date): { state: WatchState; message?: WatchMessage } {
  if (now.level === 'unknown') return { state: { ...prev, evaluatedAt: at.toISOString() } };
  const iso = at.toISOString();
  const items = [...now.items].sort();
  const changed = prev.seen.level !== now.level || !sameItems(prev.seen.items, items);
  const windowStart = at.getTime() - FLAP_WINDOW_MS;
  const changes = [...prev.changes.filter((c) => Date.parse(c) > windowStart), ...(changed ? [iso] : [])];
  const seen = changed ? { level: now.level, items, firstSeenAt: iso } : prev.seen;
  const state: WatchState = { ...prev, seen, changes, evaluatedAt: iso };
  const since = now.since ?? seen.firstSeenAt;

  if (changes.length >= FLAP_CHANGES) {
    if (prev.flappingSince) return { state };
    return { state: { ...state, flappingSince: iso }, message: { kind: 'flapping', changes: changes.length, observation: now } };
  }
  delete state.flappingSince;
  const announced = { level: now.level, items, since: now.since };
  if (isWorse(prev.announced, now)) {
    return { state: { ...state, announced }, message: { kind: 'alert', observation: now, since, previous: prev.announced.level, added: items.filter((i) => !prev.announced.items.includes(i)) } };
  }
  if (now.level === 'ok' && prev.announced.level !== 'ok') {
    return { state: { ...state, announced }, message: { kind: 'recovered', since: seen.firstSeenAt } };
  }
  if (now.level !== prev.announced.level || !sameItems(prev.announced.items, items)) {
    // Better, but not yet back to normal (stale → late, one of two errors fixed): remember it silently, so the
    // next worsening alerts again.
    return { state: { ...state, announced } };
  }
  return { state };
}
