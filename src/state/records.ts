/**
 * Small records shared by every instance of the bot (pending write actions, conversation references, welcome
 * marks, SSO de-duplication, preferences), with optimistic concurrency: every record carries an ETag, a create
 * succeeds only when the key is absent, a replace only when the ETag still matches. Two instances on the same
 * storage therefore never both "win" (one welcome, one write per confirmation).
 *
 * Implementations: `MemoryRecordStore` (default, bounded: expiry plus a cap on the number of records) and a Blob
 * implementation on the configured Azure storage. Values are plain JSON: never tokens.
 */
import type { Clock } from '../clock';

export interface StoredRecord<T> {
  value: T;
  etag: string;
}

export interface RecordStore {
  read<T>(key: string): Promise<StoredRecord<T> | undefined>;
  /** Writes only when `key` does not exist (or has expired). The new ETag, or undefined when the key was taken. */
  create<T>(key: string, value: T, options?: { ttlMs?: number }): Promise<string | undefined>;
  /** Writes only when the record still has `etag`. The new ETag, or undefined when someone else changed it first. */
  replace<T>(key: string, value: T, etag: string, options?: { ttlMs?: number }): Promise<string | undefined>;
  /** Deletes (only when the ETag matches, if one is given). */
  delete(key: string, etag?: string): Promise<void>;
  /** Keys starting with `prefix` (records that have not expired). */
  list(prefix: string): Promise<string[]>;
}

/**
 * Read → change → replace, retried on a conflicting write. `change` returns the new value, or undefined to leave
 * the record as it is. Returns the value that was stored (or found, when nothing changed).
 */
export async function update<T>(
  store: RecordStore,
  key: string,
  change: (current: T | undefined) => T | undefined,
  options: { ttlMs?: number; attempts?: number } = {},
): Promise<T | undefined> {
  const attempts = options.attempts ?? 50;
  for (let i = 0; i < attempts; i++) {
    const found = await store.read<T>(key);
    const next = change(found?.value);
    if (next === undefined) return found?.value;
    const etag = found ? await store.replace(key, next, found.etag, options) : await store.create(key, next, options);
    if (etag) return next;
  }
  throw new Error(`Could not update ${key}: it kept changing under us (${attempts} attempts)`);
}

interface MemoryEntry {
  json: string;
  etag: string;
  expiresAt?: number;
}

/**
 * Per-process records, bounded: each record may expire, and beyond `maxRecords` the least recently used go first.
 * Fine for one instance and for tests; several instances need the Blob store.
 */
export class MemoryRecordStore implements RecordStore {
  private readonly entries = new Map<string, MemoryEntry>();
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxRecords = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  private live(key: string): MemoryEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private put(key: string, value: unknown, ttlMs?: number): string {
    const etag = `"${(++this.counter).toString(36)}"`;
    this.entries.delete(key);
    this.entries.set(key, {
      json: JSON.stringify(value),
      etag,
      expiresAt: ttlMs === undefined ? undefined : this.clock.now().getTime() + ttlMs,
    });
    while (this.entries.size > this.maxRecords) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return etag;
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    const entry = this.live(key);
    return entry ? { value: JSON.parse(entry.json) as T, etag: entry.etag } : undefined;
  }

  async create<T>(key: string, value: T, options: { ttlMs?: number } = {}): Promise<string | undefined> {
    if (this.live(key)) return undefined;
    return this.put(key, value, options.ttlMs);
  }

  async replace<T>(key: string, value: T, etag: string, options: { ttlMs?: number } = {}): Promise<string | undefined> {
    const entry = this.live(key);
    if (!entry || entry.etag !== etag) return undefined;
    return this.put(key, value, options.ttlMs);
  }

  async delete(key: string, etag?: string): Promise<void> {
    const entry = this.live(key);
    if (entry && (etag === undefined || entry.etag === etag)) this.entries.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    const now = this.clock.now().getTime();
    return [...this.entries.entries()]
      .filter(([key, e]) => key.startsWith(prefix) && (e.expiresAt === undefined || e.expiresAt > now))
      .map(([key]) => key);
  }
}
