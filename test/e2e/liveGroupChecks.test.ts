/**
 * Live group checks, end to end over HTTP: the real SyncHelper (as `npm start` runs it), a loopback Bot Connector,
 * and the sample tenant (Graph-compatible, on loopback) that the test controls. Each scenario is a conversation an
 * admin has: they ask, choose "Check my tenant", sign in as a persona, and read the verdict.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, roundTripsSince, startWorld, type AdminChat, type World } from '../helpers/adminChat';

/** Ask, choose the live check, sign in as `persona`; returns the verdict card and the Graph round trips it cost. */
async function askLive(world: World, admin: AdminChat, text: string, persona: string) {
  await admin.say(text);
  await admin.click('issue.mode', { mode: 'live' });
  const before = world.tenant.requests.length;
  if (admin.findAction('signin.persona', { persona })) await admin.click('signin.persona', { persona });
  return { verdict: admin.lastVerdict(), roundTrips: roundTripsSince(world.tenant, before) };
}

describe('live group checks against the sample tenant', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' });
  });
  afterAll(() => world.close());
  afterEach(() => world.tenant.faults.clear());

  it('a Groups Administrator asks why a synced group will not update: source of authority, with evidence, in ≤ 2 round trips', async () => {
    const admin = world.chat();
    const { verdict, roundTrips } = await askLive(world, admin, `my group '${SAMPLE.groups.synced.displayName}' won't update`, 'groups');
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    // Evidence: the human label, the value, then the Graph property as a quiet line; times in the admin's zone.
    expect(cardText(verdict)).toMatch(/Synced from on-premises AD\nYes\nonPremisesSyncEnabled/);
    expect(cardText(verdict)).toMatch(/Last sync\n20 minutes ago\nonPremisesLastSyncDateTime/);
    expect(findingIds(verdict)).toContain('T1.fresh');
    expect(roundTrips).toBeLessThanOrEqual(2);
  });

  it('the same question in Norwegian gets the same verdict in Norwegian', async () => {
    const admin = world.chat({ locale: 'nb-NO' });
    const { verdict } = await askLive(world, admin, `gruppa «${SAMPLE.groups.synced.displayName}» oppdateres ikke`, 'groups');
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    expect(cardText(verdict)).toContain(t('nb', 'cards.verdict.fix'));
  });

  it('a group named with an apostrophe is found (OData quote escaping)', async () => {
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `can't add members to the group "${SAMPLE.groups.apostrophe.displayName}"`, 'groups');
    expect(verdict).toBeDefined();
    expect(cardText(verdict)).toContain(SAMPLE.groups.apostrophe.displayName);
    expect(findingIds(verdict)).not.toContain('G0.notFound');
  });

  it('a mail-enabled security group is managed in Exchange', async () => {
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `cannot edit members of '${SAMPLE.groups.mailEnabledSecurity.displayName}'`, 'groups');
    expect(findingIds(verdict)[0]).toBe('G1.2.exchange');
  });

  it('deleting a synced group that still carries licences: licences block it, with product names and member errors', async () => {
    const admin = world.chat();
    const { verdict, roundTrips } = await askLive(world, admin, `I can't delete the group '${SAMPLE.groups.licensedSynced.displayName}', it has licenses`, 'groups');
    const ids = findingIds(verdict);
    expect(ids[0]).toBe('G2.1.licensed');
    expect(ids).toContain('G2.3.syncedDelete');
    expect(cardText(verdict)).toMatch(/ENTERPRISEPACK/);
    expect(roundTrips).toBeLessThanOrEqual(2);
  });

  it('an ambiguous name gets a choice card; the chosen group is checked in one more round trip', async () => {
    const admin = world.chat();
    await admin.say(`can't add owners to group 'Marketing'`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'groups' });
    const choose = admin.findAction('candidate.choose');
    expect(choose).toBeDefined();
    // Each candidate says, in the admin's language, where it is managed and what kind of group it is.
    const choices = cardText(admin.cards[admin.cards.length - 1]);
    expect(choices).toContain(`${t('en', 'live.candidate.synced')} · ${t('en', 'live.candidate.kind.security')}`);
    expect(choices).toContain(t('en', 'live.candidate.kind.microsoft365'));
    const before = world.tenant.requests.length;
    await admin.click('candidate.choose', {}, { inputs: { candidate: SAMPLE.groups.marketingSynced.id } });
    const verdict = admin.lastVerdict();
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    expect(roundTripsSince(world.tenant, before)).toBeLessThanOrEqual(2);
  });

  it('in Norwegian, the choice between two groups with the same name is worded in Norwegian', async () => {
    const admin = world.chat({ locale: 'nb-NO' });
    await admin.say(`klarer ikke legge til eiere i gruppen 'Marketing'`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'groups' });
    const choices = cardText(admin.cards[admin.cards.length - 1]);
    expect(choices).toContain(t('nb', 'live.candidate.synced'));
    expect(choices).toContain(t('nb', 'live.candidate.kind.microsoft365'));
  });

  it('a group that does not exist gets a clear "not found" answer', async () => {
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `my group 'Finnes Ikke Gruppe' won't update`, 'groups');
    expect(findingIds(verdict)[0]).toBe('G0.notFound');
  });

  it('the helpdesk persona (no admin role) sees the verdict and what it could not check, and why', async () => {
    const admin = world.chat();
    await admin.say('sign in as helpdesk');
    const { verdict } = await askLive(world, admin, `can't delete the group '${SAMPLE.groups.licensedSynced.displayName}'`, 'helpdesk');
    expect(findingIds(verdict)[0]).toBe('G2.1.licensed');
    const text = cardText(verdict);
    expect(text).toContain(t('en', 'cards.verdict.unchecked'));
    expect(text).toMatch(/LicenseAssignment\.Read\.All|License Administrator/);
  });

  it('Graph throttles one read with 429 + Retry-After: SyncHelper waits as told, retries, and answers', async () => {
    world.tenant.faults.add({ match: /\/organization/, status: 429, times: 1, retryAfterSeconds: 3 });
    world.waits.length = 0;
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `group '${SAMPLE.groups.synced.displayName}' is read only`, 'groups');
    expect(world.waits).toContain(3000);
    expect(findingIds(verdict)).toContain('T1.fresh');
  });

  it('a 5xx on one read becomes "could not check", not a failed diagnosis', async () => {
    world.tenant.faults.add({ match: /\/organization/, status: 503 });
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `group '${SAMPLE.groups.synced.displayName}' is read only`, 'groups');
    expect(findingIds(verdict)[0]).toBe('G1.1.synced');
    expect(findingIds(verdict)).not.toContain('T1.fresh');
    expect(cardText(verdict)).toContain(t('en', 'cards.verdict.unchecked'));
  });

  it('"Check again" (Action.Execute) answers with the refreshed card, replacing the old one in place', async () => {
    const admin = world.chat();
    await askLive(world, admin, `my group '${SAMPLE.groups.synced.displayName}' won't update`, 'groups');
    const refreshed = await admin.click('verdict.refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(findingIds(refreshed.body.value)[0]).toBe('G1.1.synced');
  });

  it('sync errors with a pasted Connect error: the error is explained and tenant sync health is shown', async () => {
    const admin = world.chat();
    await admin.say('we get sync errors from Entra Connect');
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('target.submit', {}, { inputs: { target: 'AttributeValueMustBeUnique: proxyAddresses smtp:anna@contoso.no' } });
    if (admin.findAction('signin.persona', { persona: 'groups' })) await admin.click('signin.persona', { persona: 'groups' });
    const ids = findingIds(admin.lastVerdict());
    expect(ids).toContain('T4.attributeValueMustBeUnique');
    expect(ids).toContain('T1.fresh');
  });
});

describe('a Graph request that never answers', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups', GRAPH_TIMEOUT_MS: '150' });
  });
  afterAll(() => world.close());

  it('times out: the admin is told Graph did not answer (not that they lack rights) and can check again', async () => {
    world.tenant.faults.add({ match: /\$batch/, delayMs: 2000 });
    const admin = world.chat();
    await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update`);
    await admin.click('issue.mode', { mode: 'live' });
    await admin.click('signin.persona', { persona: 'groups' });
    const verdict = admin.lastVerdict();
    expect(findingIds(verdict)[0]).toBe('G0.unavailable');
    expect(cardText(verdict)).toMatch(/Error code\ntimeout\ncode/);
    expect(cardText(verdict)).not.toContain(t('en', 'group.g0.denied.title'));
  });
});
