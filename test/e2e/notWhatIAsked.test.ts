/**
 * "Not what I asked?", end to end over HTTP against the sample tenant: an admin reads a verdict on the topic the bot
 * understood, says it was not what they asked, picks the topic they meant, and gets that verdict on the same group
 * without naming it again — in English and Norwegian. (A copy shared into a channel does not offer it: shareToChannel.test.ts.)
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t, type Lang } from '../../src/i18n';
import { allActions, findingIds, startWorld, type AdminChat, type World } from '../helpers/adminChat';

const GROUP = SAMPLE.groups.synced.displayName;

describe('"Not what I asked?" on a verdict', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
  });
  afterAll(() => world.close());

  /** Signs in as the Groups Administrator when the bot asks. */
  async function signInIfAsked(admin: AdminChat) {
    if (admin.findAction('signin.persona', { persona: 'groups' })) await admin.click('signin.persona', { persona: 'groups' });
  }

  it.each([
    ['en', 'en-US', `show me the sync errors of the group '${GROUP}'`],
    ['nb', 'nb-NO', `vis synkroniseringsfeil for gruppa «${GROUP}»`],
  ] as const)('(%s) the admin meant "can\'t edit the group": one click for the topics, one for the topic, same group', async (lang: Lang, locale, question) => {
    const admin = world.chat({ locale });
    await admin.say(question);
    if (admin.findAction('intent.choose', { intent: 'group.sync_errors' })) await admin.click('intent.choose', { intent: 'group.sync_errors' });
    await admin.click('issue.mode', { mode: 'live' });
    if (admin.findAction('target.skip')) await admin.click('target.skip');
    await signInIfAsked(admin);
    const first = admin.lastVerdict();
    const notIt = allActions(first).find((a) => a.data?.verb === 'verdict.retopic');
    expect(notIt?.title).toBe(t(lang, 'dialogs.retopic.button'));
    expect(notIt.data.topic).toBe('group.sync_errors');

    const offer = await admin.click('verdict.retopic', { topic: 'group.sync_errors' });
    expect(offer.activities.map((a: { attachments?: unknown }) => JSON.stringify(a.attachments ?? '')).join('')).toContain(t(lang, 'dialogs.retopic.question'));
    expect(admin.findAction('verdict.retopic', { to: 'group.sync_errors' })).toBeUndefined();

    await admin.click('verdict.retopic', { to: 'group.cannot_modify' });
    await signInIfAsked(admin);
    const second = admin.lastVerdict();
    expect(second).not.toBe(first);
    expect(findingIds(second)[0]).toBe('G1.1.synced');
    expect(JSON.stringify(second)).toContain(GROUP);
  });
});
