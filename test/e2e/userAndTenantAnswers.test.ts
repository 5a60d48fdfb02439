/**
 * A person as the subject, and questions about the whole tenant (issue #8), end to end over HTTP in English and
 * Norwegian: the real SyncHelper, the loopback Bot Connector and the sample tenant. An admin asks about one person's
 * directory sync or licence and gets that person's answer first; asks about the tenant and gets the tenant's answer
 * without first being asked "which group?" or "which app?".
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { familyOf, topicsOf, type IssueIntent } from '../../src/topics';
import { cardText, findingIds, roundTripsSince, startWorld, type AdminChat, type World } from '../helpers/adminChat';

const I = SAMPLE.userIssues;
const U = SAMPLE.users;
const G = SAMPLE.groups;
const A = SAMPLE.apps;

/** Ask; if the bot isn't sure, pick the topic meant (or the first one offered of its family); choose the live check and sign in. */
async function askLive(world: World, admin: AdminChat, text: string, topic: IssueIntent) {
  await admin.say(text);
  const offered = [topic, ...topicsOf(familyOf(topic))].find((i) => admin.findAction('intent.choose', { intent: i }));
  if (offered) await admin.click('intent.choose', { intent: offered });
  await admin.click('issue.mode', { mode: 'live' });
  const askedForTarget = Boolean(admin.findAction('target.submit'));
  const before = world.tenant.requests.length;
  if (admin.findAction('signin.persona', { persona: 'ga' })) await admin.click('signin.persona', { persona: 'ga' });
  return { verdict: admin.lastVerdict(), roundTrips: roundTripsSince(world.tenant, before), askedForTarget };
}

/** The findings on the card, in order (their evidence rows have ids of their own, "<finding>-evidence-…": left out). */
function answers(verdict: unknown): string[] {
  return findingIds(verdict).filter((id) => !id.includes('-'));
}

const lang = (locale: string) => (locale === 'nb-NO' ? 'nb' : 'en');

describe('a person as the subject of a sync or licence question', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'ga' });
  });
  afterAll(() => world.close());

  describe.each([
    ['en-US', `why won't ${I.placeholderUpn.displayName} sync?`],
    ['nb-NO', `${I.placeholderUpn.displayName} har fått onmicrosoft.com-adresse etter synk`],
  ])('(%s) "why won\'t Kari Nordmann sync?"', (locale, question) => {
    it('leads with her placeholder UPN, the value she should have and the cloud account that holds it, in ≤ 2 round trips', async () => {
      const { verdict, roundTrips, askedForTarget } = await askLive(world, world.chat({ locale }), question, 'group.sync_errors');
      expect(askedForTarget).toBe(false);
      expect(answers(verdict)[0]).toBe('U2.placeholder');
      const text = cardText(verdict);
      expect(text).toContain(I.placeholderUpn.userPrincipalName);
      expect(text).toContain(I.upnHolder.displayName);
      expect(text).toContain(t(lang(locale), 'cards.verdict.subject.user'));
      expect(answers(verdict)).toEqual(expect.arrayContaining(['U1.synced', 'T1.fresh']));
      expect(roundTrips).toBeLessThanOrEqual(2);
    });
  });

  describe.each([
    ['en-US', `duplicate proxyAddress on ${I.proxyConflict.displayName}`],
    ['nb-NO', `${I.proxyConflict.displayName} har en synkroniseringsfeil`],
  ])('(%s) a duplicate proxy address', (locale, question) => {
    it('names the address, the shared account that has it, and the Exchange Online error it causes', async () => {
      const { verdict, roundTrips } = await askLive(world, world.chat({ locale }), question, 'group.sync_errors');
      const ids = answers(verdict);
      expect(ids.slice(0, 2)).toEqual(['U2.proxy', 'U3.service']);
      expect(cardText(verdict)).toContain(I.proxyHolder.displayName);
      expect(cardText(verdict)).toContain('Exchange Online');
      expect(roundTrips).toBeLessThanOrEqual(2);
    });

    it('"Check again" checks the same person again', async () => {
      const admin = world.chat({ locale });
      await askLive(world, admin, question, 'group.sync_errors');
      const refreshed = await admin.click('verdict.refresh');
      expect(refreshed.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(answers(refreshed.body.value)[0]).toBe('U2.proxy');
      expect(cardText(refreshed.body.value)).toContain(I.proxyHolder.displayName);
    });
  });

  describe.each([
    ['en-US', `why didn't ${I.noUsageLocation.displayName} get the licence from ${G.licensedProcessing.displayName}?`, 'has no usage location'],
    ['nb-NO', `hvorfor fikk ikke ${I.noUsageLocation.displayName} lisensen fra ${G.licensedProcessing.displayName}?`, 'har ingen bruksplassering'],
  ])('(%s) "why didn\'t <user> get the licence from <group>?"', (locale, question, noLocation) => {
    it('leads with that licence: the product by name, from that group, and the missing usage location', async () => {
      const { verdict, roundTrips } = await askLive(world, world.chat({ locale }), question, 'group.delete_licensed');
      expect(answers(verdict)[0]).toBe('L6.prohibitedInUsageLocationViolation');
      const text = cardText(verdict);
      expect(text).toContain('Power BI Pro');
      expect(text).toContain(G.licensedProcessing.displayName);
      expect(text).toContain(noLocation);
      expect(roundTrips).toBeLessThanOrEqual(2);
    });
  });

  describe.each([
    ['en-US', `why didn't ${U.countViolation.displayName} get the license from the group?`, 'all Office 365 E3 licences are in use'],
    ['nb-NO', `hvorfor fikk ikke ${U.countViolation.displayName} lisens fra gruppen?`, 'alle Office 365 E3-lisensene er i bruk'],
  ])('(%s) a licence that ran out', (locale, question, ranOut) => {
    it('says which product, from which group, and that there are no licences left', async () => {
      const { verdict } = await askLive(world, world.chat({ locale }), question, 'group.delete_licensed');
      expect(answers(verdict)[0]).toBe('L6.countViolation');
      expect(cardText(verdict)).toContain(ranOut);
      expect(cardText(verdict)).toContain(G.licensedSynced.displayName);
    });
  });

  it('a person named in a cannot-modify question about a named group: the group is still the subject', async () => {
    const { verdict } = await askLive(world, world.chat(), `I can't add ${U.nestedOnly.displayName} to ${G.synced.displayName}`, 'group.cannot_modify');
    expect(answers(verdict)[0]).toBe('G1.1.synced');
  });
});

describe('questions about the whole tenant are answered without asking for a target', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'ga' });
  });
  afterAll(() => world.close());

  describe.each([
    ['en-US', 'is directory sync healthy right now?'],
    ['nb-NO', 'er synkroniseringen frisk nå?'],
  ])('(%s) directory sync health', (locale, question) => {
    it('answers with sync freshness and the groups with sync errors', async () => {
      const { verdict, roundTrips, askedForTarget } = await askLive(world, world.chat({ locale }), question, 'group.sync_errors');
      expect(askedForTarget).toBe(false);
      expect(answers(verdict)).toEqual(expect.arrayContaining(['T5.groups', 'T1.fresh']));
      expect(cardText(verdict)).toContain(G.provisioningErrors.displayName);
      expect(cardText(verdict)).toContain(t(lang(locale), 'cards.verdict.subject.tenant'));
      expect(roundTrips).toBe(1);
    });
  });

  describe.each([
    ['en-US', 'which groups have users with licence errors?'],
    ['nb-NO', 'hvilke grupper har brukere med lisensfeil?'],
  ])('(%s) groups with licence errors', (locale, question) => {
    it('lists every such group with how many members are affected', async () => {
      const { verdict, roundTrips, askedForTarget } = await askLive(world, world.chat({ locale }), question, 'group.delete_licensed');
      expect(askedForTarget).toBe(false);
      expect(answers(verdict)[0]).toBe('T6.groups');
      expect(cardText(verdict)).toContain(`${G.licensedSynced.displayName} (3)`);
      expect(cardText(verdict)).toContain(`${G.licensedProcessing.displayName} (1)`);
      expect(roundTrips).toBeLessThanOrEqual(2);
    });
  });

  describe.each([
    ['en-US', 'which apps are in quarantine?'],
    ['nb-NO', 'hvilke apper er i karantene?'],
  ])('(%s) apps in quarantine', (locale, question) => {
    it('lists the quarantined provisioning jobs with their reasons, without asking "which app?"', async () => {
      const { verdict, roundTrips, askedForTarget } = await askLive(world, world.chat({ locale }), question, 'provisioning.config_error');
      expect(askedForTarget).toBe(false);
      const ids = answers(verdict);
      expect(ids.filter((id) => id === 'T7.quarantine')).toHaveLength(3);
      const text = cardText(verdict);
      for (const app of [A.quarantinedCredentials, A.quarantinedErrors, A.tooManyDeletes]) expect(text).toContain(app.displayName);
      expect(text).not.toContain(A.healthy.displayName + ' ');
      expect(roundTrips).toBeLessThanOrEqual(2);
    });
  });

  it('"are all my provisioning jobs healthy?" is the same tenant-wide answer', async () => {
    const { verdict, askedForTarget } = await askLive(world, world.chat(), 'are all my provisioning jobs healthy?', 'provisioning.config_error');
    expect(askedForTarget).toBe(false);
    expect(answers(verdict)).toContain('T7.quarantine');
  });

  it('"Check again" on a tenant-wide answer answers for the tenant again', async () => {
    const admin = world.chat();
    await askLive(world, admin, 'which apps are in quarantine?', 'provisioning.config_error');
    const refreshed = await admin.click('verdict.refresh');
    expect(answers(refreshed.body.value)).toContain('T7.quarantine');
  });

  it('a question about one group still asks which group', async () => {
    const { askedForTarget } = await askLive(world, world.chat(), 'my group has sync errors right now', 'group.sync_errors');
    expect(askedForTarget).toBe(true);
  });
});
