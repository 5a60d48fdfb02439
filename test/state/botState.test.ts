/**
 * Bot state on records: the bounded in-memory default behaves like botbuilder's MemoryStorage where it matters
 * (eTags) but forgets idle conversations and caps how many it holds; dialog state is saved only on the ETag a turn
 * read; preferences are merged per property.
 */
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import type { Clock } from '../../src/clock';
import { GuardedConversationState, MergingUserState, RecordStorage, StateConflictError } from '../../src/state/botState';
import { MemoryRecordStore } from '../../src/state/records';
import { TENANT_ID } from '../helpers/teamsActivity';

function handClock(iso: string): Clock & { advance(ms: number): void } {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

const HOUR = 60 * 60 * 1000;

function turn(userId = '29:1kari', conversationId = 'a:1personal-kari'): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'msteams',
    from: { id: userId, name: 'Kari' },
    conversation: { id: conversationId, tenantId: TENANT_ID, isGroup: false, conversationType: 'personal', name: '' },
    channelData: { tenant: { id: TENANT_ID } },
    recipient: { id: '28:bot', name: 'SyncHelper' },
  };
  return new TurnContext(new TestAdapter(), activity);
}

describe('the default in-memory Storage (RecordStorage over a bounded MemoryRecordStore)', () => {
  it('keeps MemoryStorage eTag rules: no eTag or * overwrites, a stale eTag is an eTag conflict', async () => {
    const storage = new RecordStorage(new MemoryRecordStore(handClock('2026-11-21T09:00:00Z')));
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k;
    expect(first).toEqual({ n: 1, eTag: expect.any(String) });
    await storage.write({ k: { n: 2, eTag: first.eTag } });
    await expect(storage.write({ k: { n: 3, eTag: first.eTag } })).rejects.toThrow(/eTag conflict/);
    await storage.write({ k: { n: 4, eTag: '*' } });
    await storage.write({ k: { n: 5 } });
    expect((await storage.read(['k', 'missing'])).k.n).toBe(5);
    await storage.delete(['k']);
    expect(await storage.read(['k'])).toEqual({});
  });

  it('forgets a conversation idle for longer than its idle time, and keeps one that was written to', async () => {
    const clock = handClock('2026-11-21T09:00:00Z');
    const storage = new RecordStorage(new MemoryRecordStore(clock), 24 * HOUR);
    await storage.write({ idle: { DialogState: 'waiting' }, busy: { DialogState: 'waiting' } });
    clock.advance(23 * HOUR);
    await storage.write({ busy: { DialogState: 'answered' } });
    clock.advance(2 * HOUR);
    expect(await storage.read(['idle', 'busy'])).toEqual({ busy: { DialogState: 'answered', eTag: expect.any(String) } });
  });

  it('holds at most its cap: 100 conversations into a store of 10 leave the 10 most recent', async () => {
    const records = new MemoryRecordStore(handClock('2026-11-21T09:00:00Z'), 10);
    const storage = new RecordStorage(records);
    for (let i = 0; i < 100; i++) await storage.write({ [`conversation-${i}`]: { DialogState: i } });
    expect(records.size).toBe(10);
    expect(Object.keys(await storage.read(['conversation-0', 'conversation-95', 'conversation-99']))).toEqual(['conversation-95', 'conversation-99']);
  });
});

describe('dialog state (GuardedConversationState)', () => {
  it('keys carry the tenant; a turn saves on the ETag it read, and a turn that read an older version gets a conflict instead of overwriting', async () => {
    const records = new MemoryRecordStore(handClock('2026-11-21T09:00:00Z'));
    const state = new GuardedConversationState(new RecordStorage(records));
    const step = state.createProperty<string>('step');

    const first = turn();
    const racing = turn();
    await step.get(first, 'start');
    await step.get(racing, 'start');
    await step.set(first, 'asked which group');
    await state.saveChanges(first);
    await step.set(racing, 'asked something else');
    await expect(state.saveChanges(racing)).rejects.toBeInstanceOf(StateConflictError);

    expect(await records.list('msteams/')).toEqual([`msteams/${TENANT_ID}/conversations/a:1personal-kari/users/29:1kari`]);
    const again = turn();
    expect(await step.get(again)).toBe('asked which group');
    // Loaded afresh, the racing turn saves fine.
    await state.load(racing, true);
    await step.set(racing, 'asked something else');
    await state.saveChanges(racing);
    expect(await step.get(turn())).toBe('asked something else');
  });

  it('a turn that changed nothing writes nothing', async () => {
    const records = new MemoryRecordStore(handClock('2026-11-21T09:00:00Z'));
    const state = new GuardedConversationState(new RecordStorage(records));
    const context = turn();
    await state.load(context);
    await state.saveChanges(context);
    expect(records.size).toBe(0);
  });
});

describe('preferences (MergingUserState)', () => {
  function preferences() {
    const records = new MemoryRecordStore(handClock('2026-11-21T09:00:00Z'));
    const prefs = new MergingUserState(new RecordStorage(records));
    return { records, prefs, lang: prefs.createProperty<string>('synchelper.lang'), signIn: prefs.createProperty<{ persona?: string }>('signInPreference') };
  }

  it('two turns that loaded the same preferences and change different ones both keep their change', async () => {
    const { records, prefs, lang, signIn } = preferences();

    const setup = turn();
    await lang.set(setup, 'en');
    await prefs.saveChanges(setup);

    const switchesLanguage = turn();
    const signsIn = turn();
    await prefs.load(switchesLanguage);
    await prefs.load(signsIn);
    await lang.set(switchesLanguage, 'nb');
    await signIn.set(signsIn, { persona: 'helpdesk' });
    await Promise.all([prefs.saveChanges(switchesLanguage), prefs.saveChanges(signsIn)]);

    const stored = (await records.read<Record<string, unknown>>(`msteams/${TENANT_ID}/users/29:1kari`))!.value;
    expect(stored).toEqual({ 'synchelper.lang': 'nb', signInPreference: { persona: 'helpdesk' } });
  });

  it('a preference deleted in one turn (sign out) is removed without touching the others', async () => {
    const { records, prefs, lang, signIn } = preferences();
    const setup = turn();
    await lang.set(setup, 'nb');
    await signIn.set(setup, { persona: 'ga' });
    await prefs.saveChanges(setup);

    const signOut = turn();
    await signIn.delete(signOut);
    await prefs.saveChanges(signOut);
    expect((await records.read(`msteams/${TENANT_ID}/users/29:1kari`))!.value).toEqual({ 'synchelper.lang': 'nb' });
  });
});
