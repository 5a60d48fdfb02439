import { IssueDialog } from '../../src/dialogs/issueDialog';
import { LANGS, type Lang } from '../../src/i18n';
import { ISSUE_INTENTS } from '../../src/topics';
import { issueCases } from './data/issueDialogCases';
import { FakeLiveCheck, FakeRecognizer, activityFor, check, makeClient, sendTurn, statusOf } from './harness';

describe.each(LANGS.map((l) => [l]))('issue dialogs, guided (%s)', (lang: Lang) => {
  for (const c of issueCases) {
    it(c.name, async () => {
      const topic = c.name.split(':')[0] as (typeof ISSUE_INTENTS)[number];
      const dialog = new IssueDialog(topic, { recognizer: new FakeRecognizer({}) });
      const client = makeClient(dialog);
      for (const turn of c.turns) {
        const replies = await sendTurn(client, activityFor(turn, lang));
        check(replies, turn.expect, lang);
        if (turn.status) expect(statusOf(client)).toBe(turn.status);
      }
      expect(client.dialogTurnResult.result).toEqual({ done: true, outcome: 'exhausted' });
    });
  }
});

describe('issue dialogs on their own', () => {
  it.each(ISSUE_INTENTS.map((t) => [t]))('%s: a confidently different issue ends the dialog with { switchTo }', async (topic) => {
    const other = topic === 'provisioning.logs' ? 'group.sync_howto' : 'provisioning.logs';
    const dialog = new IssueDialog(topic, { recognizer: new FakeRecognizer({ 'something else entirely': { intent: other, entities: { app: 'Box' } } }), liveCheck: new FakeLiveCheck() });
    const client = makeClient(dialog);
    await sendTurn(client, activityFor({ say: 'start', expect: [] }, 'en'));
    await sendTurn(client, activityFor({ say: 'something else entirely', expect: [] }, 'en'));
    expect(statusOf(client)).toBe('complete');
    expect(client.dialogTurnResult.result).toEqual({ switchTo: other, entities: { app: 'Box' } });
  });

  it('begun with entities for a provisioning topic, the live check gets app and user without questions', async () => {
    const live = new FakeLiveCheck();
    const dialog = new IssueDialog('provisioning.wrong_users', { recognizer: new FakeRecognizer({}), liveCheck: live });
    const client = makeClient(dialog, { entities: { app: 'Zoom', user: 'ola@contoso.no', group: 'ignored' } });
    await sendTurn(client, activityFor({ say: 'start', expect: [] }, 'nb'));
    const replies = await sendTurn(client, activityFor({ click: { verb: 'issue.mode', data: { mode: 'live' } }, expect: [] }, 'nb'));
    check(replies, [{ raw: 'LIVE provisioning.wrong_users {"app":"Zoom","user":"ola@contoso.no"} nb' }], 'nb');
    expect(live.runs).toHaveLength(1);
  });

  it('an empty required target is asked again', async () => {
    const dialog = new IssueDialog('group.delete_licensed', { recognizer: new FakeRecognizer({}), liveCheck: new FakeLiveCheck() });
    const client = makeClient(dialog);
    await sendTurn(client, activityFor({ say: 'start', expect: [] }, 'en'));
    await sendTurn(client, activityFor({ say: 'check my tenant', expect: [] }, 'en'));
    const replies = await sendTurn(client, activityFor({ click: { verb: 'target.submit', data: { target: '   ' } }, expect: [] }, 'en'));
    check(replies, [{ key: 'dialogs.targetEmpty' }, { key: 'cards.target.group.title' }], 'en');
    const done = await sendTurn(client, activityFor({ click: { verb: 'target.submit', data: { target: 'Sales "EMEA" Ærlig' } }, expect: [] }, 'en'));
    check(done, [{ raw: 'LIVE group.delete_licensed {"group":"Sales \\"EMEA\\" Ærlig"}' }], 'en');
  });
});
