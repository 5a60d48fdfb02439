/**
 * Phishing through names, end to end over HTTP: someone in the tenant names a group `[Fix your licence](https://…)`,
 * an admin types an app name written as Markdown, an admin's own Teams name is `<at>Kari Nordmann</at> ${$root}`.
 * The verdict card (also when shared into a team channel), the candidate card and the text replies show all of it as
 * text, with no live link, mention or template syntax, in English and Norwegian. The tenant is the sample tenant,
 * changed by this test only (the shared dataset is untouched).
 */
import { guid, SAMPLE, type Json } from '../../src/sampleTenant';
import { allActions, cardText, findingIds, newAdmin, startWorld, type AdminChat, type World } from '../helpers/adminChat';
import { asRead, HOSTILE_NAMES, liveSyntaxIn, liveSyntaxInCard } from '../helpers/hostileText';
import { CHANNEL_ID, TEAM_ID, teamsActivities } from '../helpers/teamsActivity';

/* eslint-disable @typescript-eslint/no-explicit-any */

const LINK_GROUP = HOSTILE_NAMES.link;
const TWIN_NAME = '**URGENT** ${secret} www.evil.example';

/** Everything the bot sent in these activities, as a person would be shown it: texts and cards. */
function liveSyntaxInTurn(activities: any[]): string[] {
  const found = new Set<string>();
  for (const a of activities) {
    if (typeof a.text === 'string') for (const f of liveSyntaxIn(a.text)) found.add(f);
    for (const att of a.attachments ?? []) for (const f of liveSyntaxInCard(att.content)) found.add(f);
  }
  return [...found];
}

/** A copy of the synced group "Salg Oslo" under another id and name, with the same members and owners. */
function addGroupLike(world: World, seed: string, displayName: string): string {
  const data = world.tenant.dataset;
  const original = data.groups.find((g: Json) => g.id === SAMPLE.groups.synced.id)!;
  const id = guid(`test:${seed}`);
  data.groups.push({ ...original, id, displayName, mail: null, mailNickname: seed });
  data.members[id] = [...(data.members[original.id as string] ?? [])];
  data.owners[id] = [...(data.owners[original.id as string] ?? [])];
  return id;
}

describe('names from users and the tenant are shown as text, never as live links', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
    addGroupLike(world, 'phishing-link', LINK_GROUP);
    addGroupLike(world, 'urgent-1', TWIN_NAME);
    addGroupLike(world, 'urgent-2', TWIN_NAME);
  });
  afterAll(() => world.close());

  /** Ask, (pick the topic if the bot asks which it is,) choose the live check, skip the optional user, sign in. */
  async function live(admin: AdminChat, text: string, persona: string, topic: string) {
    const turns = [await admin.say(text)];
    const newest = () => admin.cards[admin.cards.length - 1];
    const offers = (verb: string, match: Record<string, unknown> = {}) => allActions(newest()).some((a) => a.data?.verb === verb && Object.entries(match).every(([k, v]) => a.data?.[k] === v));
    if (offers('intent.choose', { intent: topic })) turns.push(await admin.click('intent.choose', { intent: topic }));
    turns.push(await admin.click('issue.mode', { mode: 'live' }));
    if (offers('target.skip')) turns.push(await admin.click('target.skip'));
    if (offers('signin.persona', { persona })) turns.push(await admin.click('signin.persona', { persona }));
    return turns.flatMap((turn) => turn.activities);
  }

  it.each([
    ['en-US', `my group '${LINK_GROUP}' won't update`],
    ['nb-NO', `jeg får ikke endret medlemmene i gruppen «${LINK_GROUP}»`],
  ])('(%s) the verdict on a group named like a Markdown link shows the name as text', async (locale, question) => {
    const admin = world.chat({ locale });
    const activities = await live(admin, question, 'groups', 'group.cannot_modify');
    const verdict = admin.lastVerdict();
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    expect(liveSyntaxInTurn(activities)).toEqual([]);
    expect(asRead(cardText(verdict))).toContain(LINK_GROUP);
  });

  it.each(['en-US', 'nb-NO'])('(%s) two groups with a Markdown name: the candidate card shows both as text', async (locale) => {
    const admin = world.chat({ locale });
    const activities = await live(admin, `can't add owners to group '${TWIN_NAME}'`, 'groups', 'group.cannot_modify');
    expect(admin.findAction('candidate.choose')).toBeDefined();
    expect(liveSyntaxInTurn(activities)).toEqual([]);
    expect(asRead(JSON.stringify(admin.cards[admin.cards.length - 1]))).toContain('**URGENT** ${secret} www.evil.example');
  });

  it.each([
    ['en-US', `users aren't provisioned to app '[Slack](https://evil.example/x)'`],
    ['nb-NO', `brukerne blir ikke klargjort til appen '[Slack](https://evil.example/x)'`],
  ])('(%s) an app name typed as a Markdown link is repeated back as text', async (locale, question) => {
    const admin = world.chat({ locale });
    const activities = await live(admin, question, 'appadmin', 'provisioning.no_users');
    expect(activities.length).toBeGreaterThan(0);
    expect(liveSyntaxInTurn(activities)).toEqual([]);
    expect(asRead(JSON.stringify(activities))).toContain('[Slack](https://evil.example/x)');
  });

  it.each(['en-US', 'nb-NO'])('(%s) shared into a channel named like a link by an admin named like a mention: choice, card and text stay text', async (locale) => {
    const from = { ...newAdmin(), name: HOSTILE_NAMES.mention };
    // The team's channel is named like a Markdown link too; the admin is a member of the team.
    world.connector.teams.set(TEAM_ID, { channels: [{ id: CHANNEL_ID, name: HOSTILE_NAMES.link }], members: [{ ...from, aadObjectId: from.aadObjectId! }] });
    const teams = teamsActivities(world.connector.serviceUrl);
    const install = await fetch(`${world.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teams.installationUpdate('channel', 'add')) });
    expect(install.status).toBe(200);

    const admin = world.chat({ locale, from });
    await live(admin, `my group '${LINK_GROUP}' won't update`, 'groups', 'group.cannot_modify');
    const offered = await admin.click('verdict.share');
    expect(admin.findAction('share.channel')).toBeDefined();
    expect(liveSyntaxInTurn(offered.activities)).toEqual([]);
    const before = world.connector.received.length;
    const done = await admin.click('share.channel', {}, { inputs: { channel: CHANNEL_ID } });

    const posted = world.connector.received.slice(before).filter((r) => r.method === 'POST' && r.path.startsWith(`v3/conversations/${CHANNEL_ID}/activities`));
    expect(posted).toHaveLength(1);
    const card = posted[0].body.attachments[0].content;
    expect(findingIds(card)[0]).toBe('G1.1.synced');
    expect(liveSyntaxInTurn([posted[0].body, ...done.activities])).toEqual([]);
    expect(asRead(posted[0].body.text)).toContain(HOSTILE_NAMES.mention);
    expect(asRead(cardText(card))).toContain(LINK_GROUP);
  });
});
