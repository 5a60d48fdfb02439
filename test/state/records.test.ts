/**
 * The in-memory record store keeps its promises: create only once, replace only on the ETag read, expiry, and a
 * cap on how many records it holds (least recently used go first).
 */
import { MemoryRecordStore, update } from '../../src/state/records';
import { TestClock } from '../helpers/adminChat';

describe('MemoryRecordStore', () => {
  it('create succeeds once per key; replace needs the current ETag', async () => {
    const store = new MemoryRecordStore(new TestClock());
    const etag = await store.create('k', { n: 1 });
    expect(etag).toBeDefined();
    expect(await store.create('k', { n: 2 })).toBeUndefined();
    const next = await store.replace('k', { n: 3 }, etag as string);
    expect(next).toBeDefined();
    expect(await store.replace('k', { n: 4 }, etag as string)).toBeUndefined();
    expect((await store.read<{ n: number }>('k'))?.value).toEqual({ n: 3 });
  });

  it('records expire, and an expired key can be created again', async () => {
    const clock = new TestClock();
    const store = new MemoryRecordStore(clock);
    await store.create('k', 1, { ttlMs: 1000 });
    clock.advance(1000);
    expect(await store.read('k')).toBeUndefined();
    expect(await store.list('')).toEqual([]);
    expect(await store.create('k', 2)).toBeDefined();
  });

  it('holds at most maxRecords, dropping the least recently used', async () => {
    const store = new MemoryRecordStore(new TestClock(), 3);
    for (const k of ['a', 'b', 'c']) await store.create(k, k);
    await store.read('a');
    await store.create('d', 'd');
    expect(store.size).toBe(3);
    expect((await store.list('')).sort()).toEqual(['a', 'c', 'd']);
  });

  it('concurrent updates lose nothing', async () => {
    const store = new MemoryRecordStore(new TestClock());
    await Promise.all(Array.from({ length: 20 }, (_, i) => update<number[]>(store, 'list', (cur) => [...(cur ?? []), i])));
    expect((await store.read<number[]>('list'))?.value.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
