import { MemoryStorage, UserState } from 'botbuilder';
import { RootDialog, likelyIssues } from '../../src/dialogs/rootDialog';
import { LANGS, type Lang } from '../../src/i18n';
import { fixedClock } from '../../src/clock';
import { rootCases, RECOGNITIONS } from './data/rootDialogCases';
import { FakeLiveCheck, FakeRecognizer, activityFor, check, makeClient, sendTurn, statusOf } from './harness';

function makeRoot(live: boolean, extra: { onSignOut?: () => Promise<void> } = {}) {
  const liveCheck = new FakeLiveCheck();
  const userState = new UserState(new MemoryStorage());
  const recognizer = new FakeRecognizer(RECOGNITIONS);
  const root = new RootDialog({ recognizer, liveCheck: live ? liveCheck : undefined, userState, clock: fixedClock('2025-03-01T10:00:00Z'), onSignOut: extra.onSignOut });
  return { root, liveCheck, userState, recognizer, client: makeClient(root, undefined, userState) };
}

describe.each(LANGS.map((l) => [l]))('RootDialog conversations (%s)', (lang: Lang) => {
  for (const c of rootCases(lang)) {
    it(c.name, async () => {
      const { client } = makeRoot(Boolean(c.live));
      for (const turn of c.turns) {
        const replies = await sendTurn(client, activityFor(turn, lang));
        check(replies, turn.expect, lang);
        if (turn.status) expect(statusOf(client)).toBe(turn.status);
      }
    });
  }
});

describe('RootDialog details', () => {
  it('an English admin who types "norsk" mid-dialog gets Norwegian from then on, including the card they were on', async () => {
    const { client } = makeRoot(true);
    await sendTurn(client, activityFor({ click: { verb: 'intent.choose', data: { intent: 'group.cannot_modify' } }, expect: [] }, 'en'));
    const replies = await sendTurn(client, { type: 'message', text: 'norsk', locale: 'en-US' });
    check(replies, [{ key: 'dialogs.langSet', lang: 'nb' }, { key: 'guide.group.cannot_modify.looks', lang: 'nb' }, { key: 'cards.intro.live', lang: 'nb' }], 'nb');
    // The preference sticks in user state although Teams keeps sending en-US.
    const next = await sendTurn(client, { type: 'message', value: { verb: 'issue.mode', v: 1, mode: 'guided', topic: 'group.cannot_modify' }, locale: 'en-US' });
    check(next, [{ key: 'guide.group.cannot_modify.source.title' }], 'nb');
    // …and back with the language button.
    const back = await sendTurn(client, { type: 'invoke', name: 'adaptiveCard/action', locale: 'en-US', value: { action: { type: 'Action.Execute', verb: 'lang.set', data: { verb: 'lang.set', v: 1, lang: 'en' } } } });
    check(back, [{ key: 'dialogs.langSet' }, { key: 'guide.group.cannot_modify.source.title' }], 'en');
  });

  it('a Norwegian Teams client (nb-NO) gets Norwegian without asking; "nn" too', async () => {
    for (const locale of ['nb-NO', 'nn-NO', 'no']) {
      const { client } = makeRoot(false);
      const replies = await sendTurn(client, { type: 'message', text: 'hei', locale });
      check(replies, [{ key: 'dialogs.greeting' }], 'nb');
    }
  });

  it('"sign out" hands over to the injected sign-out and stays on the current step', async () => {
    const onSignOut = jest.fn(async () => undefined);
    const { client } = makeRoot(true, { onSignOut });
    await sendTurn(client, activityFor({ click: { verb: 'intent.choose', data: { intent: 'provisioning.logs' } }, expect: [] }, 'en'));
    const replies = await sendTurn(client, { type: 'message', text: 'Sign out', locale: 'en-US' });
    expect(onSignOut).toHaveBeenCalledTimes(1);
    check(replies, [{ key: 'dialogs.signedOut' }], 'en');
    expect(statusOf(client)).toBe('waiting');
    const next = await sendTurn(client, activityFor({ click: { verb: 'issue.mode', data: { mode: 'guided', topic: 'provisioning.logs' } }, expect: [] }, 'en'));
    check(next, [{ key: 'guide.provisioning.logs.open.title' }], 'en');
  });

  it('the live check gets topic, target and language; a verdict "Check again" that reaches the dialogs re-runs it', async () => {
    const { client, liveCheck } = makeRoot(true);
    await sendTurn(client, { type: 'message', text: 'users are not provisioned to Slack', locale: 'en-US' });
    await sendTurn(client, activityFor({ click: { verb: 'issue.mode', data: { mode: 'live', topic: 'provisioning.no_users' } }, expect: [] }, 'en'));
    await sendTurn(client, { type: 'message', text: 'kari.nordmann@contoso.com', locale: 'en-US' });
    expect(liveCheck.runs[0]).toEqual({ topic: 'provisioning.no_users', target: { app: 'Slack', user: 'kari.nordmann@contoso.com' }, lang: 'en' });
    await sendTurn(client, activityFor({ click: { verb: 'verdict.refresh', via: 'execute', data: { topic: 'provisioning.no_users', target: { app: 'Slack' }, subjectId: 'sp-1' } }, expect: [] }, 'nb'));
    expect(liveCheck.runs[1]).toEqual({ topic: 'provisioning.no_users', target: { app: 'Slack' }, lang: 'nb', subjectId: 'sp-1' });
  });

  it('the recogniser is asked in the admin\'s locale', async () => {
    const { client, recognizer } = makeRoot(false);
    await sendTurn(client, { type: 'message', text: 'Hei', locale: 'nb-NO' });
    expect(recognizer.calls[0]).toEqual({ text: 'Hei', locale: 'nb-NO' });
  });

  it('likelyIssues offers 2–4 issue types, best first, never help/greeting', () => {
    const r = new FakeRecognizer(RECOGNITIONS).recognize('sync is weird');
    const picks = likelyIssues(r);
    expect(picks[0]).toBe('group.sync_errors');
    expect(picks.length).toBeGreaterThanOrEqual(2);
    expect(picks.length).toBeLessThanOrEqual(4);
    expect(picks).not.toContain('help');
    const flat = likelyIssues({ intent: 'greeting', score: 0.3, uncertain: true, entities: {}, ranked: [{ intent: 'greeting', score: 0.3 }, { intent: 'group.sync_howto', score: 0.1 }] });
    expect(flat.length).toBe(2);
    expect(flat[0]).toBe('group.sync_howto');
  });
});
