/**
 * How SyncHelper understands admins (issue #8, part 4), with the real recogniser: thanks get a friendly answer,
 * a clear problem is never "outside what I know", a Norwegian message is answered in Norwegian whatever the
 * Teams client's locale (unless the admin chose a language), and "Not what I asked?" on a verdict starts the topic
 * they meant with the same group, app or user.
 */
import { MemoryStorage, UserState } from 'botbuilder';
import { RootDialog } from '../../src/dialogs/rootDialog';
import { t, type Lang } from '../../src/i18n';
import { createRecognizer } from '../../src/recognizer';
import { ISSUE_INTENTS } from '../../src/topics';
import { FakeLiveCheck, makeClient, sendTurn } from './harness';

const recognizer = createRecognizer();

function chat(live = false) {
  const liveCheck = new FakeLiveCheck();
  const userState = new UserState(new MemoryStorage());
  const client = makeClient(new RootDialog({ recognizer, userState, liveCheck: live ? liveCheck : undefined }), undefined, userState);
  const say = async (text: string, locale = 'en-US') => (await sendTurn(client, { type: 'message', text, locale })).join('\n---\n');
  const click = async (verb: string, data: Record<string, unknown>, locale = 'en-US') => (await sendTurn(client, { type: 'message', value: { ...data, verb, v: 1 }, locale })).join('\n---\n');
  return { say, click, liveCheck };
}

const startedOrAsked = (replies: string, lang: Lang) =>
  ISSUE_INTENTS.some((i) => replies.includes(t(lang, `guide.${i}.looks`))) || replies.includes(t(lang, 'cards.choose.title'));

describe('an admin says thanks', () => {
  it.each([
    ['en-US', 'thanks!', 'en'],
    ['en-US', 'perfect, that fixed it, cheers', 'en'],
    ['nb-NO', 'takk, det funka', 'nb'],
    ['nb-NO', 'tusen takk for hjelpen!', 'nb'],
  ] as const)('%s "%s" gets a short friendly reply, never "outside what I know"', async (locale, text, lang) => {
    const replies = await chat().say(text, locale);
    expect(replies).toContain(t(lang, 'dialogs.thanks'));
    expect(replies).not.toContain(t(lang, 'dialogs.outOfScope'));
  });

  it('"thanks, but …" with a new problem is the problem, not a thank-you', async () => {
    const replies = await chat().say("thanks, but users still aren't provisioned to Slack");
    expect(replies).not.toContain(t('en', 'dialogs.thanks'));
    expect(startedOrAsked(replies, 'en')).toBe(true);
  });
});

describe('a clear troubleshooting question is never answered "outside what I know"', () => {
  it.each([
    ['en-US', "I'm Groups Administrator but adding Lisa to 'Project Atlas' says you don't have permission", 'en'],
    ['en-US', 'Authorization_RequestDenied: Insufficient privileges to complete the operation (adding a member to HR-Managers)', 'en'],
    ['en-US', 'AttributeValueMustBeUnique on proxyAddresses for anna@contoso.com', 'en'],
    ['en-US', 'SCIM endpoint answers 400 Bad Request and the job is in Quarantine', 'en'],
    ['nb-NO', 'jeg er gruppeadministrator, men får «du har ikke tilgang» når jeg legger Lisa til i gruppa Prosjekt Atlas', 'nb'],
    ['nb-NO', 'GBL: hvilke grupper har brukere med lisensfeil?', 'nb'],
  ] as const)('%s: %s', async (locale, text, lang) => {
    const replies = await chat().say(text, locale);
    expect(replies).not.toContain(t(lang, 'dialogs.outOfScope'));
    expect(startedOrAsked(replies, lang)).toBe(true);
  });

  it('something really outside still says so, in both languages', async () => {
    expect(await chat().say('how do I reset the MFA of a user')).toContain(t('en', 'dialogs.outOfScope'));
    expect(await chat().say('hvordan lager jeg kaffe', 'nb-NO')).toContain(t('nb', 'dialogs.outOfScope'));
  });
});

describe('the language of the message, not only the Teams locale', () => {
  it('a Norwegian message from an en-US client is answered in Norwegian, and the next card click stays Norwegian', async () => {
    const admin = chat(true);
    const first = await admin.say('brukerne blir ikke klargjort til Slack selv om de er tilordnet appen');
    expect(first).toContain(t('nb', 'guide.provisioning.no_users.looks'));
    const next = await admin.click('issue.mode', { mode: 'guided', topic: 'provisioning.no_users' });
    expect(next).toContain(t('nb', 'guide.provisioning.no_users.status.title'));
  });

  it('"takk, det funka" from an en-US client gets the Norwegian thank-you', async () => {
    expect(await chat().say('takk, det funka')).toContain(t('nb', 'dialogs.thanks'));
  });

  it('an English message from an en-US client stays English; one from a Norwegian client stays Norwegian', async () => {
    expect(await chat().say("users aren't provisioned to Slack")).toContain(t('en', 'guide.provisioning.no_users.looks'));
    expect(await chat().say('hei', 'nb-NO')).toContain(t('nb', 'dialogs.greeting'));
  });

  it('after Norwegian, English text from the same admin is answered in English again', async () => {
    const admin = chat();
    expect(await admin.say('takk for hjelpen')).toContain(t('nb', 'dialogs.thanks'));
    expect(await admin.say('thanks a lot, that worked')).toContain(t('en', 'dialogs.thanks'));
  });

  it('a language the admin chose explicitly wins over the language of the text', async () => {
    const admin = chat();
    expect(await admin.say('switch to english')).toContain(t('en', 'dialogs.langSet'));
    expect(await admin.say('takk, det funka')).toContain(t('en', 'dialogs.thanks'));
  });
});

describe('"Not what I asked?" on a verdict', () => {
  it.each(['en', 'nb'] as const)('(%s) offers the other topics, then runs the chosen one on the same group', async (lang) => {
    const locale = lang === 'nb' ? 'nb-NO' : 'en-US';
    const admin = chat(true);
    const offer = await admin.click('verdict.retopic', { topic: 'group.sync_errors', target: { group: 'Salg Oslo' }, subjectId: 'g-1' }, locale);
    expect(offer).toContain(t(lang, 'dialogs.retopic.question'));
    for (const other of ISSUE_INTENTS.filter((i) => i !== 'group.sync_errors')) expect(offer).toContain(t(lang, `guide.${other}.title`));
    expect(offer).not.toContain(t(lang, 'guide.group.sync_errors.title'));
    await admin.click('verdict.retopic', { topic: 'group.sync_errors', to: 'group.cannot_modify', target: { group: 'Salg Oslo' } }, locale);
    expect(admin.liveCheck.runs).toEqual([{ topic: 'group.cannot_modify', target: { group: 'Salg Oslo' }, lang }]);
  });

  it('keeps the app and user when the topic meant is another provisioning one', async () => {
    const admin = chat(true);
    await admin.click('verdict.retopic', { topic: 'provisioning.logs', to: 'provisioning.no_users', target: { app: 'Slack', user: 'kari@contoso.com' } });
    expect(admin.liveCheck.runs).toEqual([{ topic: 'provisioning.no_users', target: { app: 'Slack', user: 'kari@contoso.com' }, lang: 'en' }]);
  });
});

describe('the "which is it?" card keeps what the admin named', () => {
  it('choosing a topic on it does not ask again for the group already given', async () => {
    const admin = chat(true);
    const asked = await admin.say("my group '[Fix your licence](https://evil.example/x)' won't update");
    expect(asked).toContain(t('en', 'cards.choose.title'));
    await admin.click('intent.choose', { intent: 'group.cannot_modify', entities: { group: 'Salg Oslo' } });
    await admin.click('issue.mode', { mode: 'live', topic: 'group.cannot_modify' });
    expect(admin.liveCheck.runs).toEqual([{ topic: 'group.cannot_modify', target: { group: 'Salg Oslo' }, lang: 'en' }]);
  });
});
