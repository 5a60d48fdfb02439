/**
 * The admin types a name the tenant doesn't have exactly — words in another order, or only the second word — and no
 * name starts that way either. SyncHelper asks Graph's directory search once (issue #8: "no exact match → did you
 * mean … `$search`") and offers the closest objects on a "did you mean" card instead of "not found"; picking one gives
 * that object's verdict. Also: a group-based licensing question with nothing named answers for the whole tenant.
 * End to end over HTTP against the sample tenant, in English and Norwegian.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, startWorld, type AdminChat, type World } from '../helpers/adminChat';

const G = SAMPLE.groups;
const A = SAMPLE.apps;

/** Ask, choose the live check, skip the optional target if asked, sign in. */
async function askLive(admin: AdminChat, text: string, persona: string): Promise<void> {
  await admin.say(text);
  await admin.click('issue.mode', { mode: 'live' });
  if (admin.findAction('target.skip') && !admin.findAction('signin.persona', { persona })) await admin.click('target.skip');
  if (admin.findAction('signin.persona', { persona })) await admin.click('signin.persona', { persona });
}

const lastCard = (admin: AdminChat) => admin.cards[admin.cards.length - 1];
const searches = (world: World, since: number) =>
  world.tenant.requests.slice(since).filter((r) => r.method === 'GET' && /\$search=/.test(decodeURIComponent(r.query ?? '')));

describe('"did you mean": names the tenant has only in other words', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'ga' });
  });
  afterAll(() => world.close());

  describe.each([
    ['en-US', 'en', "my group 'Oslo Salg' won't update"],
    ['nb-NO', 'nb', "gruppa 'Oslo Salg' oppdateres ikke"],
  ] as const)('(%s) a group typed with its words swapped', (locale, lang, question) => {
    it('offers "Salg Oslo" on a did-you-mean card, and picking it gives that group’s verdict', async () => {
      const admin = world.chat({ locale });
      const before = world.tenant.requests.length;
      await askLive(admin, question, 'ga');
      expect(admin.lastVerdict()).toBeUndefined();
      const card = lastCard(admin);
      expect(cardText(card)).toContain(t(lang, 'cards.candidate.near', { query: 'Oslo Salg' }));
      expect(cardText(card)).toContain(t(lang, 'cards.candidate.nearTitle'));
      expect(JSON.stringify(card)).toContain(G.synced.id);
      const [search] = searches(world, before);
      expect(search).toMatchObject({ path: '/v1.0/groups', status: 200 });
      await admin.click('candidate.choose', { kind: 'group' }, { inputs: { candidate: G.synced.id } });
      const verdict = admin.lastVerdict();
      expect(verdict).toBeDefined();
      expect(cardText(verdict)).toContain(G.synced.displayName);
    });
  });

  describe.each([
    ['en-US', 'en', "provisioning to 'Intranett' hasn't started"],
    ['nb-NO', 'nb', "brukerne blir ikke klargjort til 'Intranett'"],
  ] as const)('(%s) an app named by its second word', (locale, lang, question) => {
    it('offers the app whose name has that word', async () => {
      const admin = world.chat({ locale });
      await askLive(admin, question, 'ga');
      const card = lastCard(admin);
      expect(cardText(card)).toContain(t(lang, 'cards.candidate.near', { query: 'Intranett' }));
      expect(JSON.stringify(card)).toContain(A.noConnector.id);
      expect(admin.findAction('candidate.choose', { kind: 'app' })).toBeDefined();
    });
  });

  describe.each([
    ['en-US', 'en', "my group 'Zebra Quokka' won't update"],
    ['nb-NO', 'nb', "gruppa 'Zebra Quokka' oppdateres ikke"],
  ] as const)('(%s) a name with nothing close', (locale, lang, question) => {
    it('says plainly that there is no such group (no empty choice card)', async () => {
      const admin = world.chat({ locale });
      await askLive(admin, question, 'ga');
      expect(admin.findAction('candidate.choose', { kind: 'group' })).toBeUndefined();
      expect(JSON.stringify(admin.cards)).not.toContain(JSON.stringify(t(lang, 'cards.candidate.near', { query: 'Zebra Quokka' })).slice(1, -1));
      expect(findingIds(admin.lastVerdict())).toEqual(expect.arrayContaining([expect.stringMatching(/^G0\./)]));
    });
  });
});

describe('group-based licensing with nothing named answers for the tenant, also when checked again', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'ga' });
  });
  afterAll(() => world.close());

  it.each([
    ['en-US', 'people in our licensing groups are not getting their E3 licences'],
    ['nb-NO', 'brukerne får ikke E3-lisensen fra lisensgruppene'],
  ])('(%s) skipping "which group?" lists the groups whose members have licence errors', async (locale, question) => {
    const admin = world.chat({ locale });
    await askLive(admin, question, 'ga');
    const verdict = admin.lastVerdict();
    expect(findingIds(verdict)[0]).toMatch(/^T6\./);
    const text = cardText(verdict);
    expect(text).toContain(G.licensedSynced.displayName);
    expect(text).toContain(G.licensedCloud.displayName);
    // "Check again" answers for the tenant again (the tenant's id on the card is not a group to look up).
    const again = await admin.click('verdict.refresh');
    expect(findingIds(again.body.value)[0]).toMatch(/^T6\./);
  });
});
