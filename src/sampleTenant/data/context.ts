/**
 * What every area of the dataset needs from the clock and the overrides: times relative to "now", so "last sync
 * 20 minutes ago" stays true whenever the tests run.
 */
import type { Clock } from '../../clock';
import { SYNC_AGE, type SampleDatasetOverrides } from './types';

export interface BuildContext {
  /** ISO time (no milliseconds) so many minutes before now. */
  ago(minutes: number): string;
  agoDays(days: number): string;
  /** ISO time so many minutes after now. */
  after(minutes: number): string;
  /** The tenant's last directory sync, or null when it never synced. */
  lastSyncIso: string | null;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function buildContext(clock: Clock, overrides: SampleDatasetOverrides): BuildContext {
  const now = clock.now().getTime();
  const ago = (minutes: number) => iso(new Date(now - minutes * 60_000));
  const lastSync = overrides.lastSyncMinutesAgo === undefined ? SYNC_AGE.fresh : overrides.lastSyncMinutesAgo;
  return {
    ago,
    agoDays: (days: number) => ago(days * 24 * 60),
    after: (minutes: number) => iso(new Date(now + minutes * 60_000)),
    lastSyncIso: lastSync === null ? null : ago(lastSync),
  };
}
