/**
 * One contract for every RecordStore: the bounded in-memory default and Azure Blob (on Azurite). Two bot
 * instances rely on exactly these rules: a create wins once, a replace only on the ETag it read, an expired
 * record is gone, and update() loses nothing when instances race.
 */
import type { Clock } from '../../src/clock';
import { BlobRecordStore } from '../../src/state/blobRecords';
import { MemoryRecordStore, update, type RecordStore } from '../../src/state/records';
import { startAzurite, type Azurite } from '../helpers/azurite';

/** A clock the test moves by hand (no sleeping). */
function handClock(iso: string): Clock & { advance(ms: number): void } {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

let azurite: Azurite | undefined;
let containers = 0;
afterAll(() => azurite?.close());

const stores: [string, (clock: Clock) => Promise<RecordStore[]>][] = [
  ['in memory (the default)', async (clock) => [new MemoryRecordStore(clock)]],
  [
    'on Azure Blob (Azurite), two instances on one container',
    async (clock) => {
      azurite ??= await startAzurite();
      containers += 1;
      const container = `records-${containers}`;
      // Two separate clients, as two bot instances would have.
      return [new BlobRecordStore(azurite.connectionString, container, clock), new BlobRecordStore(azurite.connectionString, container, clock)];
    },
  ],
];

describe.each(stores)('records %s', (_name, open) => {
  let clock: ReturnType<typeof handClock>;
  let one: RecordStore;
  let other: RecordStore;
  beforeEach(async () => {
    clock = handClock('2026-11-21T09:00:00Z');
    const opened = await open(clock);
    one = opened[0];
    other = opened[1] ?? opened[0];
  });

  it('a welcome mark is created once; a second create of the same key is refused and the first value stays', async () => {
    const etag = await one.create('welcomed/tenant-a/team/19:it@thread.tacv2', { by: 'first' });
    expect(etag).toEqual(expect.any(String));
    expect(await other.create('welcomed/tenant-a/team/19:it@thread.tacv2', { by: 'second' })).toBeUndefined();
    expect(await other.read('welcomed/tenant-a/team/19:it@thread.tacv2')).toEqual({ value: { by: 'first' }, etag });
  });

  it('a replace with a stale ETag is refused; with the current one it succeeds and gives a new ETag', async () => {
    const first = (await one.create('prefs/t/u', { lang: 'en' }))!;
    const second = await other.replace('prefs/t/u', { lang: 'nb' }, first);
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
    expect(await one.replace('prefs/t/u', { lang: 'en' }, first)).toBeUndefined();
    expect((await one.read('prefs/t/u'))?.value).toEqual({ lang: 'nb' });
  });

  it('replace of a record that does not exist is refused (it does not create it)', async () => {
    expect(await one.replace('missing/key', { a: 1 }, '"0x1"')).toBeUndefined();
    expect(await one.read('missing/key')).toBeUndefined();
  });

  it('delete with a stale ETag leaves the record; without an ETag or with the current one it removes it', async () => {
    const first = (await one.create('refs/t/a', { n: 1 }))!;
    const second = (await one.replace('refs/t/a', { n: 2 }, first))!;
    await other.delete('refs/t/a', first);
    expect((await one.read('refs/t/a'))?.value).toEqual({ n: 2 });
    await other.delete('refs/t/a', second);
    expect(await one.read('refs/t/a')).toBeUndefined();
    await one.create('refs/t/b', { n: 1 });
    await one.delete('refs/t/b');
    expect(await one.read('refs/t/b')).toBeUndefined();
    await one.delete('refs/t/never'); // nothing there: no error
  });

  it('a record with a TTL is gone once it expires: not read, not listed, and a create may take its place', async () => {
    await one.create('sso/t/exchange-1', { seen: true }, { ttlMs: 60_000 });
    clock.advance(59_000);
    expect(await other.read('sso/t/exchange-1')).toBeDefined();
    expect(await other.create('sso/t/exchange-1', { seen: 'again' }, { ttlMs: 60_000 })).toBeUndefined();
    clock.advance(2_000);
    expect(await other.read('sso/t/exchange-1')).toBeUndefined();
    expect(await other.list('sso/t/')).toEqual([]);
    expect(await other.create('sso/t/exchange-1', { seen: 'again' })).toEqual(expect.any(String));
    expect((await one.read('sso/t/exchange-1'))?.value).toEqual({ seen: 'again' });
  });

  it('lists keys by prefix, per tenant, including ids with colons, semicolons and @', async () => {
    await one.create('teams/tenant-a/19:team-1@thread.tacv2', { n: 1 });
    await one.create('teams/tenant-a/19:team-2@thread.tacv2;messageid=1', { n: 2 });
    await one.create('teams/tenant-b/19:team-3@thread.tacv2', { n: 3 });
    expect((await other.list('teams/tenant-a/')).sort()).toEqual(['teams/tenant-a/19:team-1@thread.tacv2', 'teams/tenant-a/19:team-2@thread.tacv2;messageid=1']);
    expect(await other.read('teams/tenant-a/19:team-2@thread.tacv2;messageid=1')).toEqual({ value: { n: 2 }, etag: expect.any(String) });
  });

  it('race: 10 instances create the same welcome mark at once, exactly one wins', async () => {
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : one).create('welcomed/t/team/race', { by: i })));
    expect(attempts.filter(Boolean)).toHaveLength(1);
    const winner = attempts.findIndex(Boolean);
    expect((await one.read('welcomed/t/team/race'))?.value).toEqual({ by: winner });
  });

  it('race: 10 concurrent update() calls each add their own field, and none is lost', async () => {
    const fields = Array.from({ length: 10 }, (_, i) => `field${i}`);
    await Promise.all(
      fields.map((field, i) => update<Record<string, boolean>>(i % 2 ? other : one, 'prefs/t/race', (current) => ({ ...current, [field]: true }), { attempts: 20 })),
    );
    expect(Object.keys((await one.read<Record<string, boolean>>('prefs/t/race'))!.value).sort()).toEqual([...fields].sort());
  });

  it('update() that changes nothing writes nothing (same ETag afterwards)', async () => {
    const etag = await one.create('prefs/t/same', { lang: 'nb' });
    expect(await update(other, 'prefs/t/same', () => undefined)).toEqual({ lang: 'nb' });
    expect((await one.read('prefs/t/same'))?.etag).toBe(etag);
  });
});

describe('the in-memory default is bounded', () => {
  it('beyond its cap the least recently used records go first', async () => {
    const store = new MemoryRecordStore(handClock('2026-11-21T09:00:00Z'), 3);
    await store.create('a', 1);
    await store.create('b', 2);
    await store.create('c', 3);
    await store.read('a'); // a is now the most recently used
    await store.create('d', 4);
    expect(store.size).toBe(3);
    expect(await store.read('b')).toBeUndefined();
    expect((await store.list('')).sort()).toEqual(['a', 'c', 'd']);
  });
});
