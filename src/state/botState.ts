/**
 * Bot Framework state on our RecordStore, with ETags that actually protect something.
 *
 * botbuilder's BotState.saveChanges always writes with eTag '*' (last writer wins), so two turns of one
 * conversation racing on two instances silently overwrite each other. Here:
 * - `RecordStorage` is a botbuilder `Storage` over a RecordStore with MemoryStorage's eTag rules (no eTag or '*'
 *   writes unconditionally, any other eTag must match). Over a bounded MemoryRecordStore it is the default
 *   in-memory storage: idle expiry plus an LRU cap instead of MemoryStorage's "every conversation forever".
 * - `GuardedConversationState` (dialog stacks, per user per conversation) saves with the ETag it read (create-only
 *   when there was nothing), and throws `StateConflictError` when another turn saved first: the bot then runs the
 *   turn again on the newer state instead of overwriting it.
 * - `MergingUserState` (preferences) saves only the properties this turn changed, merged into the stored record
 *   with ETag retries, so two instances changing two preferences at once both keep theirs.
 * Keys carry the tenant. Values are plain JSON, never tokens.
 */
import { PrivateConversationState, UserState, type Storage, type StoreItem, type StoreItems, type TurnContext } from 'botbuilder';
import { update, type RecordStore } from './records';

export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict (another turn saved first).`);
    this.name = 'StateConflictError';
  }
}

/** The conversation's tenant ('_' when the channel names none): part of every state key. */
export function tenantOf(context: TurnContext): string {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : context.activity.conversation?.tenantId;
  return typeof id === 'string' && id ? id : '_';
}

/** botbuilder's `{channel}/users/{id}/` (and conversation) keys as `{channel}/{tenant}/users/{id}`. */
function withTenant(context: TurnContext, key: string): string {
  const channel = `${context.activity.channelId}/`;
  return `${channel}${tenantOf(context)}/${key.slice(channel.length).replace(/\/$/, '')}`;
}

export class RecordStorage implements Storage {
  constructor(
    readonly records: RecordStore,
    /** Expiry of every item written, measured from its last write (idle expiry); none when undefined. */
    readonly idleMs?: number,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const found = await this.records.read<StoreItem>(key);
      if (found) out[key] = { ...found.value, eTag: found.etag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as StoreItem;
      const options = { ttlMs: this.idleMs };
      if (typeof eTag === 'string' && eTag && eTag !== '*') {
        if (!(await this.records.replace(key, value, eTag, options))) throw new StateConflictError(key);
      } else {
        await update(this.records, key, () => value, options);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.records.delete(key);
  }
}

async function loadWithSnapshot(
  context: TurnContext,
  snapshot: symbol,
  force: boolean,
  load: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const state = await load();
  // What the state looked like when this turn loaded it (JSON), to tell what the turn changed.
  if (force || !context.turnState.has(snapshot)) context.turnState.set(snapshot, JSON.stringify(state));
  return state;
}

export class GuardedConversationState extends PrivateConversationState {
  private readonly loaded = Symbol('loaded');

  constructor(private readonly recordStorage: RecordStorage) {
    super(recordStorage);
  }

  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    return key && withTenant(context, key);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return loadWithSnapshot(context, this.loaded, force, () => super.load(context, force));
  }

  /** Saves with the ETag this turn read; `StateConflictError` when another turn saved in between. */
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as StoreItem | undefined;
    const snapshot = this.loaded;
    if (!state || (!force && JSON.stringify(state) === context.turnState.get(snapshot))) return;
    const key = await this.storageKey(context);
    const { eTag, ...value } = state;
    const options = { ttlMs: this.recordStorage.idleMs };
    const records = this.recordStorage.records;
    const etag = typeof eTag === 'string' && eTag && eTag !== '*' ? await records.replace(key, value, eTag, options) : await records.create(key, value, options);
    if (!etag) throw new StateConflictError(key);
    state.eTag = etag;
    context.turnState.set(snapshot, JSON.stringify(state));
  }
}

export class MergingUserState extends UserState {
  private readonly loaded = Symbol('loaded');

  constructor(private readonly recordStorage: RecordStorage) {
    super(recordStorage);
  }

  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    return key && withTenant(context, key);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return loadWithSnapshot(context, this.loaded, force, () => super.load(context, force));
  }

  /** Writes only the properties this turn changed (or removed), merged into what is stored now. */
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as Record<string, unknown> | undefined;
    const snapshot = this.loaded;
    const before = context.turnState.get(snapshot) as string | undefined;
    if (!state || (!force && JSON.stringify(state) === before)) return;
    const loaded = (before ? JSON.parse(before) : {}) as Record<string, unknown>;
    const names = new Set([...Object.keys(loaded), ...Object.keys(state)].filter((k) => k !== 'eTag'));
    const changed = [...names].filter((k) => force || JSON.stringify(loaded[k]) !== JSON.stringify(state[k]));
    const key = await this.storageKey(context);
    await update<Record<string, unknown>>(this.recordStorage.records, key, (current) => {
      const next = { ...(current ?? {}) };
      for (const name of changed) {
        if (state[name] === undefined) delete next[name];
        else next[name] = state[name];
      }
      return next;
    }, { ttlMs: this.recordStorage.idleMs, attempts: 16 });
    context.turnState.set(snapshot, JSON.stringify(state));
  }
}
