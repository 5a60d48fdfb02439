/**
 * Watches and what the watcher last saw, in the shared RecordStore (memory by default, Blob in production), so
 * they survive a restart and every instance sees the same:
 *   watches/{tenant}/{watchId}        the watch (durable)
 *   watchstate/{watchId}              announced/seen state (replaced only with the ETag it was read with)
 *   watchlock/{watchId}               { interval }: the one instance that evaluates the watch in that interval
 *                                     (created, or moved to a later interval, only with the ETag it was read with)
 */
import { randomUUID } from 'crypto';
import type { RecordStore } from '../state/records';
import type { Watch, WatchState } from './model';

const seg = (value: string) => value.replace(/\//g, '%2F');
const watchPrefix = (tenantId?: string) => (tenantId === undefined ? 'watches/' : `watches/${seg(tenantId)}/`);
const watchKey = (tenantId: string, id: string) => `${watchPrefix(tenantId)}${seg(id)}`;
const stateKey = (id: string) => `watchstate/${seg(id)}`;
const lockKey = (id: string) => `watchlock/${seg(id)}`;

/** A Teams channel thread (`19:…;messageid=…`) belongs to its channel: watches are listed per channel. */
export function conversationBase(conversationId: string): string {
  return conversationId.split(';')[0];
}

export class WatchStore {
  constructor(private readonly records: RecordStore) {}

  newId(): string {
    return randomUUID();
  }

  async add(watch: Watch): Promise<boolean> {
    return (await this.records.create(watchKey(watch.tenantId, watch.id), watch)) !== undefined;
  }

  async get(tenantId: string, id: string): Promise<Watch | undefined> {
    return (await this.records.read<Watch>(watchKey(tenantId, id)))?.value;
  }

  /** Every watch (all tenants), or one tenant's. */
  async all(tenantId?: string): Promise<Watch[]> {
    const out: Watch[] = [];
    for (const key of await this.records.list(watchPrefix(tenantId))) {
      const found = await this.records.read<Watch>(key);
      if (found) out.push(found.value);
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Watches set in this conversation (any thread of the same channel). */
  async inConversation(tenantId: string, conversationId: string): Promise<Watch[]> {
    const base = conversationBase(conversationId);
    return (await this.all(tenantId)).filter((w) => conversationBase(w.conversationId) === base);
  }

  async remove(watch: Watch): Promise<void> {
    await this.records.delete(watchKey(watch.tenantId, watch.id));
    await this.records.delete(stateKey(watch.id));
    await this.records.delete(lockKey(watch.id));
  }

  async state(id: string): Promise<{ value: WatchState; etag: string } | undefined> {
    return this.records.read<WatchState>(stateKey(id));
  }

  /** Writes the state: create when `etag` is undefined, else replace only if unchanged. False when someone else wrote first. */
  async saveState(id: string, state: WatchState, etag: string | undefined): Promise<boolean> {
    const written = etag === undefined ? await this.records.create(stateKey(id), state) : await this.records.replace(stateKey(id), state, etag);
    return written !== undefined;
  }

  /** Claims the watch for one interval: true for exactly one caller across every instance on this storage. */
  async claim(id: string, interval: number, ttlMs: number): Promise<boolean> {
    const key = lockKey(id);
    const held = await this.records.read<{ interval: number }>(key);
    if (!held) return (await this.records.create(key, { interval }, { ttlMs })) !== undefined;
    if (held.value.interval >= interval) return false;
    return (await this.records.replace(key, { interval }, held.etag, { ttlMs })) !== undefined;
  }
}
