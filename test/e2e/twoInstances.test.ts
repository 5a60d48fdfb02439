/**
 * Two SyncHelper instances behind one load balancer, sharing one Azure Blob container (Azurite): Teams may
 * deliver each event to either, or (retries, install + conversationUpdate) to both. Nothing may be lost or done
 * twice: one welcome per install, both of two simultaneous preference changes kept, racing turns of one
 * conversation both counted, channels to share to known after a restart, and only teams the admin is in.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t, type Lang } from '../../src/i18n';
import { BlobRecordStore } from '../../src/state/blobRecords';
import { fixedClock } from '../../src/clock';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startBotConnector } from '../helpers/botConnector';
import { cardText, findingIds, newAdmin, NOW, startWorld, type World } from '../helpers/adminChat';
import { startTestBot } from '../helpers/testBot';
import { CHANNEL_ID, TEAM_ID, TENANT_ID, teamsActivities } from '../helpers/teamsActivity';
import type { RunningServer } from '../../src/server';

/* eslint-disable @typescript-eslint/no-explicit-any */

const GROUP = SAMPLE.groups.synced.displayName; // 'Salg Oslo'
let containers = 0;
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.close());

function nextContainer(): string {
  containers += 1;
  return `two-instances-${containers}`;
}

function post(bot: RunningServer, activity: unknown): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}

describe('two instances on one Blob container', () => {
  let world: World;
  let second: RunningServer;
  let container: string;
  beforeAll(async () => {
    container = nextContainer();
    world = await startWorld({ STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: container, SAMPLE_TENANT_PERSONA: 'groups' });
    second = await world.startInstance();
  });
  afterAll(() => world?.close());

  it("20 team installs, each delivered to both instances at once, get exactly 20 welcomes, each in the team's language", async () => {
    const teams = teamsActivities(world.connector.serviceUrl);
    const installs = Array.from({ length: 20 }, (_, i) => {
      const teamId = `19:team-${i}@thread.tacv2`;
      const activity = teams.installationUpdate('channel', 'add');
      activity.locale = i % 2 ? 'nb-NO' : 'en-US';
      activity.conversation = { ...activity.conversation, id: teamId };
      activity.channelData = { ...activity.channelData, channel: { id: teamId }, team: { id: teamId, name: `Team ${i}` }, settings: { selectedChannel: { id: teamId } } };
      return { teamId, lang: (i % 2 ? 'nb' : 'en') as Lang, activity };
    });
    const responses = await Promise.all(installs.flatMap(({ activity }) => [post(world.bot, activity), post(second, activity)]));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));

    const welcomes = world.connector.received.filter(
      (r) => (r.route === 'sendToConversation' || r.route === 'replyToActivity') && (r.body?.attachments ?? []).some((a: any) => /SyncHelper/.test(cardText(a.content))),
    );
    expect(welcomes).toHaveLength(20);
    for (const { teamId, lang } of installs) {
      const mine = welcomes.filter((w) => w.conversationId === teamId);
      expect({ teamId, welcomes: mine.length }).toEqual({ teamId, welcomes: 1 });
      expect(cardText(mine[0].body.attachments[0].content)).toContain(t(lang, 'cards.welcome.title'));
    }
  });

  it('an admin switches to Norwegian on one instance while signing in as another persona on the other: both are kept (10 of 10 admins)', async () => {
    const admins = Array.from({ length: 10 }, () => newAdmin());
    await Promise.all(admins.map((from) => Promise.all([world.chat({ from }).say('norsk'), world.chat({ from, via: second }).say('sign in as helpdesk')])));

    const blobs = new BlobRecordStore(azurite.connectionString, container, fixedClock(NOW));
    for (const from of admins) {
      const stored = (await blobs.read<any>(`msteams/${TENANT_ID}/users/${from.id}`))?.value;
      expect({ admin: from.id, lang: stored?.['synchelper.lang'], persona: stored?.signInPreference?.persona }).toEqual({ admin: from.id, lang: 'nb', persona: 'helpdesk' });
    }
    // And the bot acts on both: Norwegian answers, and the live check runs as helpdesk.
    const admin = world.chat({ from: admins[0] });
    const intro = await admin.say(`my group '${GROUP}' won't update`);
    expect(intro.activities.map((a) => JSON.stringify(a)).join('\n')).toContain(t('nb', 'cards.intro.choice.live'));
  });

  it("alternating turns of one conversation between the instances finish the check on 'Salg Oslo' as if there were one bot", async () => {
    const from = newAdmin();
    const onFirst = world.chat({ from });
    const onSecond = world.chat({ from, via: second });
    await onFirst.say(`my group '${GROUP}' won't update`);
    // The second instance sees the card the first one sent (same conversation in Teams).
    onSecond.cards.push(...onFirst.cards);
    await onSecond.click('issue.mode', { mode: 'live' });
    onFirst.cards.push(...onSecond.cards.slice(onFirst.cards.length));
    expect(onFirst.findAction('signin.persona', { persona: 'groups' })).toBeDefined();
    await onFirst.click('signin.persona', { persona: 'groups' });
    expect(findingIds(onFirst.lastVerdict())[0]).toBe('G1.1.synced');
    expect(cardText(onFirst.lastVerdict())).toContain(GROUP);
  });

  it('after both instances restart, the channels of a team installed earlier are still offered to a member of the team', async () => {
    const member = newAdmin('Kari');
    world.connector.teams.set(TEAM_ID, { channels: [{ id: CHANNEL_ID, name: 'IT-admins' }], members: [{ ...member, aadObjectId: member.aadObjectId! }] });
    const install = teamsActivities(world.connector.serviceUrl).installationUpdate('channel', 'add');
    expect((await post(second, install)).status).toBe(200);

    await second.close();
    second = await world.startInstance();
    await world.restartBot();

    const admin = world.chat({ from: member, via: second });
    await admin.say(`my group '${GROUP}' won't update`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'groups' });
    await admin.click('verdict.share');
    expect(JSON.stringify(admin.cards.at(-1))).toContain('IT Operations › IT-admins');
    // No channel message or @mention happened: the list came from Teams at install and survived in Blob.
    expect(world.connector.received.some((r) => r.route === 'getTeamChannels' && r.conversationId === TEAM_ID)).toBe(true);

    // A colleague in the same tenant who is not in that team is offered nothing, in Norwegian too.
    const outsider = world.chat({ locale: 'nb-NO' });
    await outsider.say(`gruppen '${GROUP}' oppdateres ikke`);
    await outsider.click('issue.mode', { mode: 'live' });
    await outsider.click('signin.persona', { persona: 'groups' });
    const shared = await outsider.click('verdict.share');
    expect(outsider.findAction('share.channel')).toBeUndefined();
    expect(shared.activities.map((a) => a.text)).toContain(t('nb', 'live.share.noChannels'));
  });
});

describe('racing turns of one conversation on two instances (Blob)', () => {
  it('both turns count: the second message answers the first one\'s question, whichever instance saved first (8 conversations)', async () => {
    const connector = await startBotConnector();
    const container = nextContainer();
    const records = () => new BlobRecordStore(azurite.connectionString, container, fixedClock(NOW));
    const a = await startTestBot({ connector, records: records() });
    const b = await startTestBot({ connector, records: records() });
    try {
      const teams = teamsActivities(connector.serviceUrl);
      const admins = Array.from({ length: 8 }, () => newAdmin());
      // Each conversation: "one" to A and "two" to B at the same moment. The echo dialog asks "next?" after the
      // first message it hears and answers "second:<text>" to the next one.
      await Promise.all(admins.map((from) => Promise.all([a.post(teams.personalMessage('one', { from })), b.post(teams.personalMessage('two', { from }))])));
      // A third message must start afresh: both earlier turns were counted (question asked, question answered).
      for (const from of admins) {
        connector.reset();
        await a.post(teams.personalMessage('three', { from }));
        expect({ admin: from.id, said: connector.texts() }).toEqual({ admin: from.id, said: ['heard:three|lang:en', 'next?'] });
      }
    } finally {
      await a.close();
      await b.close();
      await connector.close();
    }
  });
});

describe('two instances on one Blob container: a confirmed write happens once', () => {
  let world: World;
  let second: RunningServer;
  beforeAll(async () => {
    world = await startWorld({ STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: nextContainer(), SAMPLE_TENANT_PERSONA: 'appadmin' });
    second = await world.startInstance();
  });
  afterAll(() => world?.close());

  it('Confirm and then Allow changes, each delivered to both instances at once, restart the job exactly once', async () => {
    const from = newAdmin();
    const one = world.chat({ from });
    const two = world.chat({ from, via: second });
    const app = SAMPLE.apps.quarantinedCredentials;
    await one.say(`provisioning to ${app.displayName} is in quarantine`);
    await one.click('issue.mode', { mode: 'live' }, { via: 'submit' });
    if (one.findAction('signin.persona', { persona: 'appadmin' })) await one.click('signin.persona', { persona: 'appadmin' }, { via: 'submit' });
    await one.click('action.request', {}, { via: 'submit' });
    const pending = one.findAction('action.confirm').data.pending;
    two.cards.push(...one.cards);

    const before = world.tenant.requests.length;
    await Promise.all([one.click('action.confirm', { pending }, { via: 'submit' }), two.click('action.confirm', { pending }, { via: 'submit' })]);
    two.cards.push(...one.cards.slice(two.cards.length));
    await Promise.all([one.click('signin.consent', {}, { via: 'submit' }), two.click('signin.consent', {}, { via: 'submit' })]);

    const writes = world.tenant.requests.slice(before).filter((r) => r.method === 'POST' && /\/restart$/.test(r.path));
    expect(writes).toHaveLength(1);
    expect(writes[0].path).toContain(app.id);
  });
});
