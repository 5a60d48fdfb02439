/**
 * The admin names people, groups and apps the way admins do — by display name, next to role and product words, in
 * any order — and SyncHelper finds them in the tenant (issue #8): a span is a user, a group or an app because the
 * sample tenant says so, never because of the word before it. End to end over HTTP, in English and Norwegian.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, roundTripsSince, startWorld, type AdminChat, type World } from '../helpers/adminChat';

const A = SAMPLE.apps;
const G = SAMPLE.groups;
const U = SAMPLE.users;
const anna = U.nestedOnly;

/** Ask, choose the live check, answer "Which user?" if it is asked, sign in; the verdict and its round trips. */
async function askLive(world: World, admin: AdminChat, text: string, persona: string, typedUser?: string) {
  await admin.say(text);
  await admin.click('issue.mode', { mode: 'live' });
  const askedForUser = Boolean(admin.findAction('target.skip')) && !admin.findAction('signin.persona', { persona });
  if (askedForUser) {
    if (typedUser) await admin.click('target.submit', {}, { inputs: { target: typedUser } });
    else await admin.click('target.skip');
  }
  const before = world.tenant.requests.length;
  if (admin.findAction('signin.persona', { persona })) await admin.click('signin.persona', { persona });
  return { verdict: admin.lastVerdict(), roundTrips: roundTripsSince(world.tenant, before), askedForUser };
}

/** Anna Berg is in Salesforce's assigned group only through a nested group: the verdict is about her. */
function expectAnnaInSalesforce(verdict: unknown, roundTrips: number) {
  const ids = findingIds(verdict);
  expect(ids).toContain('P3.nestedGroup');
  expect(ids).not.toContain('P3.userNotFound');
  expect(ids).not.toContain('P0.notFound');
  expect(cardText(verdict)).toContain(anna.userPrincipalName);
  expect(roundTrips).toBeLessThanOrEqual(3);
}

describe('people, groups and apps named by display name are found in the tenant', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'appadmin' });
  });
  afterAll(() => world.close());

  describe.each([
    ['en-US', `Why wasn't ${anna.displayName} provisioned to ${A.scoped.displayName}?`],
    ['nb-NO', `Hvorfor ble ikke ${anna.displayName} klargjort til ${A.scoped.displayName}?`],
  ])('(%s) a provisioning question with a person’s name', (locale, question) => {
    it('finds her by display name without asking "Which user?", in ≤ 3 round trips', async () => {
      const { verdict, roundTrips, askedForUser } = await askLive(world, world.chat({ locale }), question, 'appadmin');
      expect(askedForUser).toBe(false);
      expectAnnaInSalesforce(verdict, roundTrips);
    });
  });

  describe.each([
    ['en-US', `users aren't provisioned to ${A.scoped.displayName}`, `it's ${anna.displayName} who is missing`],
    ['nb-NO', `brukerne blir ikke klargjort til ${A.scoped.displayName}`, `det er ${anna.displayName} som mangler`],
  ])('(%s) a display name typed at "Which user?"', (locale, question, sentence) => {
    it('the name alone is looked up as a display name, not sent to Graph as a sign-in name', async () => {
      const { verdict, roundTrips, askedForUser } = await askLive(world, world.chat({ locale }), question, 'appadmin', anna.displayName);
      expect(askedForUser).toBe(true);
      expectAnnaInSalesforce(verdict, roundTrips);
    });

    it('a sentence with her name in it works too', async () => {
      const { verdict, roundTrips } = await askLive(world, world.chat({ locale }), question, 'appadmin', sentence);
      expectAnnaInSalesforce(verdict, roundTrips);
    });

    it('two people with the same name: the admin picks one on the choice card, then gets the verdict about that one', async () => {
      const admin = world.chat({ locale });
      const lang = locale === 'nb-NO' ? 'nb' : 'en';
      const [first, second] = U.sameName;
      await askLive(world, admin, question, 'appadmin', first.displayName);
      const choice = admin.findAction('candidate.choose', { kind: 'user' });
      expect(choice).toBeDefined();
      expect(cardText(admin.cards[admin.cards.length - 1])).toContain(t(lang, 'cards.candidate.user.title'));
      expect(JSON.stringify(admin.cards[admin.cards.length - 1])).toContain(second.userPrincipalName);
      await admin.click('candidate.choose', { kind: 'user' }, { inputs: { candidate: second.id } });
      const verdict = admin.lastVerdict();
      expect(findingIds(verdict)).toContain('P3.notAssigned');
      expect(cardText(verdict)).toContain(t(lang, 'provisioning.P3.notAssigned.title', { user: second.userPrincipalName, app: A.scoped.displayName }));
    });

    it('a name nobody has exactly: "did you mean" offers the people whose name starts with it', async () => {
      const admin = world.chat({ locale });
      await askLive(world, admin, question, 'appadmin', 'Anna B');
      expect(admin.findAction('candidate.choose', { kind: 'user' })).toBeDefined();
      expect(JSON.stringify(admin.cards[admin.cards.length - 1])).toContain(anna.userPrincipalName);
      expect(admin.lastVerdict()).toBeUndefined();
    });
  });

  describe.each([
    ['en-US', `What happened to ${anna.displayName} in the ${A.scoped.displayName} provisioning logs?`],
    ['nb-NO', `Vis klargjøringsloggen for ${anna.displayName} i ${A.scoped.displayName}`],
  ])('(%s) "logs for <person> in <app>"', (locale, question) => {
    it('the person is the user and the app is the app, whichever word came before them', async () => {
      const { verdict, roundTrips } = await askLive(world, world.chat({ locale }), question, 'appadmin');
      const ids = findingIds(verdict);
      expect(ids).not.toContain('P0.notFound');
      expect(ids).not.toContain('P3.userNotFound');
      expect(cardText(verdict)).toContain(A.scoped.displayName);
      expect(cardText(verdict)).toContain(anna.userPrincipalName);
      expect(roundTrips).toBeLessThanOrEqual(3);
    });

    it('"Check again" keeps the person', async () => {
      const admin = world.chat({ locale });
      await askLive(world, admin, question, 'appadmin');
      const refreshed = await admin.click('verdict.refresh');
      expect(refreshed.body.type).toBe('application/vnd.microsoft.card.adaptive');
      const again = refreshed.body.value;
      expect(cardText(again)).toContain(anna.userPrincipalName);
      expect(findingIds(again)).not.toContain('P3.userNotFound');
    });
  });

  it.each([
    ['en-US', `${anna.displayName} isn't getting provisioned`],
    ['nb-NO', `${anna.displayName} blir ikke klargjort`],
  ])('(%s) a person but no app named: after sign-in it asks which app, and keeps the person', async (locale, question) => {
    const admin = world.chat({ locale });
    const lang = locale === 'nb-NO' ? 'nb' : 'en';
    await askLive(world, admin, question, 'appadmin');
    expect(cardText(admin.cards[admin.cards.length - 1])).toContain(t(lang, 'cards.target.app.title'));
    expect(admin.lastVerdict()).toBeUndefined();
    const before = world.tenant.requests.length;
    await admin.click('target.submit', {}, { inputs: { target: A.scoped.displayName } });
    expectAnnaInSalesforce(admin.lastVerdict(), roundTripsSince(world.tenant, before));
  });

  describe('groups named next to product and role words', () => {
    it.each([
      ['en-US', `Can I delete the Microsoft 365 group ${G.licensedQueued.displayName}?`],
      ['nb-NO', `Kan jeg slette Microsoft 365-gruppa ${G.licensedQueued.displayName}?`],
    ])('(%s) "Microsoft 365-gruppa <name>" looks for <name>, not for a group called "365"', async (locale, question) => {
      const { verdict, roundTrips } = await askLive(world, world.chat({ locale }), question, 'groups');
      expect(findingIds(verdict)).not.toContain('G0.notFound');
      expect(cardText(verdict)).toContain(G.licensedQueued.displayName);
      expect(roundTrips).toBeLessThanOrEqual(2);
    });

    it.each([
      ['en-US', `I'm Groups Administrator but adding people to ${G.synced.displayName} fails`],
      ['nb-NO', `Jeg er Groups Administrator, men det feiler når jeg legger til folk i ${G.synced.displayName}`],
    ])('(%s) "I’m Groups Administrator but adding people to <group> fails": the group is <group>, not "Administrator"', async (locale, question) => {
      const admin = world.chat({ locale });
      const { verdict, roundTrips } = await askLive(world, admin, question, 'groups');
      expect(admin.findAction('target.submit')).toBeUndefined();
      expect(findingIds(verdict)[0]).toBe('G1.1.synced');
      expect(cardText(verdict)).toContain(G.synced.displayName);
      expect(roundTrips).toBeLessThanOrEqual(2);
    });
  });
});
