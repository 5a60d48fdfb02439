/**
 * Live provisioning checks, end to end over HTTP: the admin asks about an enterprise app (and maybe a user),
 * signs in as a persona, and gets the verdict from the sample tenant's provisioning jobs, assignments, scoping
 * filters and provisioning logs.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, roundTripsSince, startWorld, type AdminChat, type World } from '../helpers/adminChat';

/** Ask, choose the live check, answer the optional user question, sign in; returns the verdict and round trips. */
async function askLive(world: World, admin: AdminChat, text: string, persona: string, user?: string) {
  await admin.say(text);
  await admin.click('issue.mode', { mode: 'live' });
  if (admin.findAction('target.skip') && admin.cards.length && !admin.lastVerdict()) {
    if (user) await admin.click('target.submit', {}, { inputs: { target: user } });
    else await admin.click('target.skip');
  }
  const before = world.tenant.requests.length;
  if (admin.findAction('signin.persona', { persona })) await admin.click('signin.persona', { persona });
  return { verdict: admin.lastVerdict(), roundTrips: roundTripsSince(world.tenant, before) };
}

const A = SAMPLE.apps;
const U = SAMPLE.users;

describe('live provisioning checks against the sample tenant', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'appadmin' });
  });
  afterAll(() => world.close());
  afterEach(() => world.tenant.faults.clear());

  it('an Application Administrator asks why a user is not provisioned: only in a nested group, found in ≤ 3 round trips', async () => {
    const admin = world.chat();
    const { verdict, roundTrips } = await askLive(world, admin, `users aren't provisioned to ${A.scoped.displayName}`, 'appadmin', U.nestedOnly.userPrincipalName);
    expect(findingIds(verdict)).toContain('P3.nestedGroup');
    expect(roundTrips).toBeLessThanOrEqual(3);
  });

  it('a user excluded by the scoping filter: the failing clause is named', async () => {
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `why isn't ${U.scopedOut.userPrincipalName} provisioned to ${A.scoped.displayName}?`, 'appadmin', U.scopedOut.userPrincipalName);
    expect(findingIds(verdict)).toContain('P3.scopingFilter');
    expect(cardText(verdict)).toMatch(/department/);
  });

  it('the same question in Norwegian is answered in Norwegian', async () => {
    const admin = world.chat({ locale: 'nb-NO' });
    const { verdict } = await askLive(world, admin, `brukerne blir ikke klargjort til ${A.scoped.displayName}`, 'appadmin', U.nestedOnly.userPrincipalName);
    expect(findingIds(verdict)).toContain('P3.nestedGroup');
    expect(cardText(verdict)).toContain(t('nb', 'cards.verdict.fix'));
  });

  it.each([
    ['en-US', 'en' as const, `why isn't ${U.renamedMail.mail} provisioned to ${A.scoped.displayName}?`],
    ['nb-NO', 'nb' as const, `hvorfor blir ikke ${U.renamedMail.mail} klargjort til ${A.scoped.displayName}?`],
  ])('(%s) a user named by a mail address that is not her sign-in name is found, not reported missing', async (locale, lang, question) => {
    const admin = world.chat({ locale });
    const { verdict, roundTrips } = await askLive(world, admin, question, 'appadmin', U.renamedMail.mail);
    const ids = findingIds(verdict);
    expect(ids).not.toContain('P3.userNotFound');
    expect(ids).toContain('P3.notAssigned');
    expect(cardText(verdict)).toContain(t(lang, 'provisioning.P3.notAssigned.title', { user: U.renamedMail.userPrincipalName, app: A.scoped.displayName }));
    expect(roundTrips).toBeLessThanOrEqual(3);
  });

  it('ServiceNow is quarantined because its credentials are rejected', async () => {
    const admin = world.chat();
    const { verdict } = await askLive(world, admin, `provisioning to ${A.quarantinedCredentials.displayName} is in quarantine, test connection fails`, 'appadmin');
    expect(findingIds(verdict)[0]).toBe('P2.quarantine.credentials');
    expect(cardText(verdict)).toMatch(/EncounteredQuarantineException/);
  });

  it('Zendesk is quarantined for error volume, and Google Workspace for too many deletes', async () => {
    const zendesk = await askLive(world, world.chat(), `nobody gets provisioned to ${A.quarantinedErrors.displayName}`, 'appadmin');
    expect(findingIds(zendesk.verdict)).toContain('P2.quarantine.escrow');
    const google = await askLive(world, world.chat(), `no users are provisioned to ${A.tooManyDeletes.displayName}`, 'appadmin');
    expect(findingIds(google.verdict)).toContain('P2.quarantine.tooManyDeletes');
  });

  it('an app where provisioning was never configured, one without a connector, and an app registration', async () => {
    const box = await askLive(world, world.chat(), `how do I set up provisioning to ${A.neverConfigured.displayName}`, 'appadmin');
    expect(findingIds(box.verdict)).toContain('P0.neverConfigured');
    const portal = await askLive(world, world.chat(), `how do I set up provisioning for the app '${A.noConnector.displayName}'`, 'appadmin');
    expect(findingIds(portal.verdict)).toContain('P0.noConnector');
    const api = await askLive(world, world.chat(), `set up user provisioning for the app '${A.registrationOnly.displayName}'`, 'appadmin');
    expect(findingIds(api.verdict)).toContain('P0.registrationOnly');
  });

  it('an app that does not exist gets a clear answer', async () => {
    const { verdict } = await askLive(world, world.chat(), `users aren't provisioned to the app 'Nonexistent Widget Cloud'`, 'appadmin');
    expect(findingIds(verdict)[0]).toBe('P0.notFound');
  });

  it('two apps with the same name: the admin picks one', async () => {
    const admin = world.chat();
    await admin.say(`users aren't provisioned to the app 'Atlassian Cloud'`);
    await admin.click('issue.mode', { mode: 'live' });
    if (admin.findAction('target.skip')) await admin.click('target.skip');
    await admin.click('signin.persona', { persona: 'appadmin' });
    expect(admin.findAction('candidate.choose')).toBeDefined();
    await admin.click('candidate.choose', {}, { inputs: { candidate: A.duplicateName[0].id } });
    expect(admin.lastVerdict()).toBeDefined();
  });

  it('the provisioning logs are explained in plain words', async () => {
    const { verdict } = await askLive(world, world.chat(), `show me the provisioning logs for ${A.scoped.displayName}`, 'appadmin');
    expect(findingIds(verdict).some((id) => id.startsWith('P5.'))).toBe(true);
  });

  it('the wrong users are provisioned: "Sync all" is inferred from the logs and the admin is told to confirm it', async () => {
    const { verdict } = await askLive(world, world.chat(), `the wrong users are being provisioned to ${A.syncAllLikely.displayName}`, 'appadmin');
    expect(findingIds(verdict)).toContain('P4.syncAllLikely');
  });

  it('a Groups Administrator cannot read provisioning jobs: the verdict says which role is needed', async () => {
    const admin = world.chat();
    await admin.say('sign in as groups');
    const { verdict } = await askLive(world, admin, `users aren't provisioned to ${A.scoped.displayName}`, 'groups');
    expect(cardText(verdict)).toMatch(/Application Administrator/);
    expect(cardText(verdict)).toContain(t('en', 'cards.verdict.unchecked'));
  });

  it('the helpdesk persona gets 403s on jobs and logs, and still gets an answer', async () => {
    const admin = world.chat();
    await admin.say('sign in as helpdesk');
    const { verdict } = await askLive(world, admin, `nobody is provisioned to ${A.healthy.displayName}`, 'helpdesk');
    expect(verdict).toBeDefined();
    expect(cardText(verdict)).toMatch(/Synchronization\.Read\.All|Application Administrator/);
  });

  it('a throttled jobs read (429 + Retry-After) is retried after the wait Graph asked for', async () => {
    world.tenant.faults.add({ match: /synchronization\/jobs$/, status: 429, times: 1, retryAfterSeconds: 2 });
    world.waits.length = 0;
    const { verdict } = await askLive(world, world.chat(), `provisioning to ${A.quarantinedCredentials.displayName} is in quarantine`, 'appadmin');
    expect(world.waits).toContain(2000);
    expect(findingIds(verdict)[0]).toBe('P2.quarantine.credentials');
  });

  it('restart a quarantined job: the button asks to confirm and for write consent, then restarts it', async () => {
    const admin = world.chat();
    await askLive(world, admin, `provisioning to ${A.quarantinedCredentials.displayName} is in quarantine`, 'appadmin');
    const restart = admin.findAction('action.request');
    expect(restart).toBeDefined();
    await admin.click('action.request');
    await admin.click('action.confirm');
    expect(admin.findAction('signin.consent')).toBeDefined();
    const before = world.tenant.requests.length;
    await admin.click('signin.consent');
    const writes = world.tenant.requests.slice(before).filter((r) => r.method === 'POST' && /restart|provisionOnDemand/.test(r.path));
    expect(writes).toHaveLength(1);
    expect(writes[0].status).toBeLessThan(300);
  });

  it('provision one user on demand: confirm, simulated write consent, then the provisioning result is reported', async () => {
    const admin = world.chat();
    await askLive(world, admin, `${U.duplicateTarget.userPrincipalName} is not provisioned to ${A.scoped.displayName}`, 'appadmin', U.duplicateTarget.userPrincipalName);
    const offer = admin.findAction('action.request');
    expect(offer?.title).toBe(t('en', 'live.action.provisionOnDemand.button'));
    await admin.click('action.request');
    await admin.click('action.confirm');
    const before = world.tenant.requests.length;
    const done = await admin.click('signin.consent');
    const writes = world.tenant.requests.slice(before).filter((r) => r.method === 'POST');
    expect(writes.map((r) => r.path)).toEqual([expect.stringMatching(/\/provisionOnDemand$/)]);
    expect(done.activities.some((a) => (a.attachments ?? []).some((x: { content: unknown }) => cardText(x.content).includes(t('en', 'live.action.provisionOnDemand.title'))))).toBe(true);
  });

  it('cancelling a suggested action changes nothing', async () => {
    const admin = world.chat();
    await askLive(world, admin, `nobody gets provisioned to ${A.quarantinedErrors.displayName}`, 'appadmin');
    await admin.click('action.request');
    const before = world.tenant.requests.length;
    const cancelled = await admin.click('action.cancel');
    expect(world.tenant.requests.length).toBe(before);
    // The confirmation card is replaced by one that says so, without buttons.
    expect(cardText(cancelled.body.value)).toContain(t('en', 'live.action.cancelled'));
  });
});

