/**
 * Pending write actions as data: an offer becomes one admin's request, which is confirmed, started and finished at
 * most once, by that admin, within its time — whatever order, repetition or race the clicks come in.
 */
import { ACTION_TIMES, PendingActions, type ActionSubject, type Clicker } from '../../src/dialogs/pendingActions';
import { MemoryRecordStore } from '../../src/state/records';
import { TestClock } from '../helpers/adminChat';

const subject: ActionSubject = {
  topic: 'provisioning.config_error',
  target: { app: 'ServiceNow' },
  servicePrincipalId: 'sp-servicenow',
  app: 'ServiceNow',
  action: { kind: 'restartJob', jobId: 'ServiceNowOutDelta.job' },
};
const kari: Clicker = { id: 'aad-kari', conversationId: 'conv-1' };
const ola: Clicker = { id: 'aad-ola', conversationId: 'conv-1' };

function setup() {
  const clock = new TestClock();
  const store = new MemoryRecordStore(clock);
  return { clock, store, actions: new PendingActions(store, clock) };
}

async function requested(actions: PendingActions, who = kari) {
  const offer = await actions.offer(subject, who.conversationId);
  const r = await actions.request(offer, who);
  if (!r.ok) throw new Error(r.reason);
  return r.action;
}

describe('pending write actions', () => {
  it('a request copies the stored offer: what to write never comes from the click', async () => {
    const { actions } = setup();
    const a = await requested(actions);
    expect(a).toMatchObject({ ...subject, owner: kari.id, status: 'pending', conversationId: 'conv-1' });
  });

  it('an offer from another conversation, or one that was never made, is refused', async () => {
    const { actions } = setup();
    const offer = await actions.offer(subject, 'conv-1');
    expect(await actions.request(offer, { id: kari.id, conversationId: 'conv-2' })).toEqual({ ok: false, reason: 'otherConversation' });
    expect(await actions.request('2f1c3e0a-8d4b-4c1e-9a7f-0b5e6d7c8a91', kari)).toEqual({ ok: false, reason: 'expired' });
    expect(await actions.request('../../etc', kari)).toEqual({ ok: false, reason: 'expired' });
  });

  it('only the admin who asked can confirm or cancel', async () => {
    const { actions } = setup();
    const a = await requested(actions);
    expect(await actions.confirm(a.id, ola)).toMatchObject({ ok: false, reason: 'notOwner' });
    expect(await actions.cancel(a.id, ola)).toMatchObject({ ok: false, reason: 'notOwner' });
    expect(await actions.confirm(a.id, kari)).toMatchObject({ ok: true });
  });

  it('ten simultaneous confirms: exactly one succeeds; ten simultaneous starts: exactly one may write', async () => {
    const { actions } = setup();
    const a = await requested(actions);
    const confirms = await Promise.all(Array.from({ length: 10 }, () => actions.confirm(a.id, kari)));
    expect(confirms.filter((c) => c.ok)).toHaveLength(1);
    expect(confirms.filter((c) => !c.ok).every((c) => !c.ok && c.reason === 'confirmed')).toBe(true);
    const starts = await Promise.all(Array.from({ length: 10 }, () => actions.start(a.id, kari)));
    expect(starts.filter((s) => s.ok)).toHaveLength(1);
  });

  it('a request can not be started before it is confirmed, nor after it is cancelled or done', async () => {
    const { actions } = setup();
    const a = await requested(actions);
    expect(await actions.start(a.id, kari)).toMatchObject({ ok: false, reason: 'pending' });
    await actions.confirm(a.id, kari);
    await actions.start(a.id, kari);
    await actions.finish(a.id, kari, true);
    expect(await actions.start(a.id, kari)).toMatchObject({ ok: false, reason: 'done' });
    expect(await actions.cancel(a.id, kari)).toMatchObject({ ok: false, reason: 'done' });
    const b = await requested(actions);
    await actions.cancel(b.id, kari);
    expect(await actions.confirm(b.id, kari)).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('an unanswered request expires after a few minutes; a confirmed one if the consent takes too long', async () => {
    const { actions, clock } = setup();
    const a = await requested(actions);
    clock.advance(ACTION_TIMES.confirmMs);
    expect(await actions.confirm(a.id, kari)).toMatchObject({ ok: false, reason: 'expired' });
    expect((await actions.explain(a.id, kari)).reason).toBe('expired');
    const b = await requested(actions);
    await actions.confirm(b.id, kari);
    clock.advance(ACTION_TIMES.consentMs);
    expect(await actions.start(b.id, kari)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('explains requests it does not know', async () => {
    const { actions } = setup();
    expect(await actions.explain('2f1c3e0a-8d4b-4c1e-9a7f-0b5e6d7c8a91', kari)).toEqual({ reason: 'unknown' });
    expect(await actions.explain(42, kari)).toEqual({ reason: 'unknown' });
  });
});
