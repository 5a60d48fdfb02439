/** The per-interval lock: exactly one claim per watch per interval, across every instance on the same records. */
import { MemoryRecordStore } from '../../src/state/records';
import { TestClock } from '../helpers/adminChat';
import { WatchStore, conversationBase } from '../../src/watch/store';

describe('WatchStore', () => {
  it('one claim wins per interval (ten instances racing), the next interval can be claimed again, an older one never', async () => {
    const records = new MemoryRecordStore(new TestClock());
    const instances = Array.from({ length: 10 }, () => new WatchStore(records));
    const won = await Promise.all(instances.map((s) => s.claim('w1', 100, 120_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const next = await Promise.all(instances.map((s) => s.claim('w1', 101, 120_000)));
    expect(next.filter(Boolean)).toHaveLength(1);
    expect(await instances[0].claim('w1', 100, 120_000)).toBe(false);
    // Another watch is independent.
    expect(await instances[3].claim('w2', 101, 120_000)).toBe(true);
  });

  it('a watch belongs to its channel: every thread of a channel lists it', () => {
    expect(conversationBase('19:it-admins@thread.tacv2;messageid=1732000000000')).toBe('19:it-admins@thread.tacv2');
    expect(conversationBase('a:1personal')).toBe('a:1personal');
  });
});
