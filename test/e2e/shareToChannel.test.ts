/**
 * Sharing a verdict into a team channel: SyncHelper is installed in a team; an admin who got a verdict in a
 * 1:1 chat picks the channel, and the bot posts a freshly computed verdict there as a new conversation.
 * The channels come from Teams at install (no @mention needed), and only teams the admin is a member of are offered.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, newAdmin, startWorld, type World } from '../helpers/adminChat';
import { CHANNEL_ID, TEAM_ID, teamsActivities, type Account } from '../helpers/teamsActivity';

describe('share a verdict to a channel', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
  });
  afterAll(() => world.close());

  async function verdictInPersonalChat(from: Account = newAdmin(), locale = 'en-US') {
    const admin = world.chat({ from, locale });
    await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'groups' });
    expect(findingIds(admin.lastVerdict())[0]).toBe('G1.1.synced');
    return admin;
  }

  it('before SyncHelper knows any channel, the admin is told how to make one available', async () => {
    const admin = await verdictInPersonalChat();
    const turn = await admin.click('verdict.share');
    expect(turn.activities.map((a) => a.text)).toContain(t('en', 'live.share.noChannels'));
  });

  it('after the team install, the admin picks the channel and the verdict is posted there, with their name', async () => {
    const member = newAdmin('Kari');
    // Teams knows the team's channels and members; nobody has @mentioned the bot in any channel.
    world.connector.teams.set(TEAM_ID, { channels: [{ id: CHANNEL_ID, name: 'IT-admins' }], members: [{ ...member, aadObjectId: member.aadObjectId! }] });
    const teams = teamsActivities(world.connector.serviceUrl);
    const install = await fetch(`${world.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teams.installationUpdate('channel', 'add')),
    });
    expect(install.status).toBe(200);

    const admin = await verdictInPersonalChat(member);
    await admin.click('verdict.share');
    expect(admin.findAction('share.channel')).toBeDefined();
    expect(JSON.stringify(admin.cards.at(-1))).toContain('IT Operations › IT-admins');
    expect(JSON.stringify(admin.cards.at(-1))).toContain('IT Operations › General');
    const before = world.connector.received.length;
    const done = await admin.click('share.channel', {}, { inputs: { channel: CHANNEL_ID } });

    const posted = world.connector.received
      .slice(before)
      .filter((r) => r.method === 'POST' && r.path.startsWith(`v3/conversations/${CHANNEL_ID}/activities`));
    expect(posted).toHaveLength(1);
    const card = posted[0].body.attachments[0].content;
    expect(findingIds(card)[0]).toBe('G1.1.synced');
    // "Not what I asked?" is for the admin who asked, not for the channel reading the shared copy.
    expect(admin.findAction('verdict.retopic')).toBeDefined();
    expect(JSON.stringify(card)).not.toContain('verdict.retopic');
    expect(posted[0].body.text).toContain(t('en', 'live.share.sharedBy', { name: '' }).trim());
    expect(done.activities.map((a) => a.text).join('\n')).toMatch(new RegExp(t('en', 'live.share.done', { channel: '' }).trim()));
    expect(cardText(card)).toContain(SAMPLE.groups.synced.displayName);
  });

  it('an admin of the same tenant who is not a member of the team is not offered its channels (nor in Norwegian)', async () => {
    const before = world.connector.received.length;
    for (const locale of ['en-US', 'nb-NO']) {
      const outsider = await verdictInPersonalChat(newAdmin('Outsider'), locale);
      const turn = await outsider.click('verdict.share');
      expect(outsider.findAction('share.channel')).toBeUndefined();
      expect(turn.activities.map((a) => a.text)).toContain(t(locale === 'nb-NO' ? 'nb' : 'en', 'live.share.noChannels'));
    }
    // Teams was asked about exactly this team and answered 404 (not a member).
    const asked = world.connector.received.slice(before).filter((r) => r.route === 'getMember' && r.conversationId === TEAM_ID);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.every((r) => r.status === 404)).toBe(true);
  });

  it('asked in the channel itself, there is nothing to share: everyone there already sees it', async () => {
    const admin = world.chat({ scope: 'channel' });
    await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'groups' });
    const turn = await admin.click('verdict.share');
    expect(turn.activities.map((a) => a.text)).toContain(t('en', 'live.share.alreadyInChannel'));
  });
});

describe('typed answers while a live-check card waits', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'appadmin' });
  });
  afterAll(() => world.close());

  it('"2" picks the second of two matching groups; "nei" cancels a suggested write', async () => {
    const admin = world.chat();
    await admin.say(`can't add owners to group 'Marketing'`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'ga' });
    await admin.say('2');
    expect(admin.lastVerdict()).toBeDefined();

    const nb = world.chat({ locale: 'nb-NO' });
    await nb.say(`ingen blir klargjort til ${SAMPLE.apps.quarantinedErrors.displayName}`);
    await nb.click('issue.mode', { mode: 'live' });
    if (nb.findAction('target.skip')) await nb.click('target.skip');
    await nb.click('signin.persona', { persona: 'appadmin' });
    await nb.click('action.request');
    const before = world.tenant.requests.length;
    const cancelled = await nb.say('nei');
    expect(cancelled.activities.map((a) => a.text)).toContain(t('nb', 'live.action.cancelled'));
    expect(world.tenant.requests.length).toBe(before);
  });
});
