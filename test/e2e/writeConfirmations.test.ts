/**
 * Writes are bound to their own confirmation: a suggested change becomes a pending request of the admin who asked,
 * for a few minutes; only that request's Confirm acts, once; stale, cancelled, expired, forged and other people's
 * clicks change nothing and say where things stand. End to end over HTTP against the sample tenant.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { ACTION_TIMES } from '../../src/dialogs/pendingActions';
import { allActions, cardText, newAdmin, startWorld, TestClock, type AdminChat, type Turn, type World } from '../helpers/adminChat';

const A = SAMPLE.apps;
const U = SAMPLE.users;

/** Ask about an app (and a user) in a chat that may already have talked; sign in as the app admin when asked. */
async function ask(admin: AdminChat, text: string, user?: string): Promise<void> {
  await admin.say(text);
  const mode = await admin.click('issue.mode', { mode: 'live' });
  let last: Turn = mode;
  if (newest(mode, 'target.skip')) last = user ? await admin.click('target.submit', {}, { inputs: { target: user } }) : await admin.click('target.skip');
  if (newest(last, 'signin.persona')) await admin.click('signin.persona', { persona: 'appadmin' });
  if (!admin.lastVerdict()) throw new Error('no verdict');
}

/** Whether this turn's cards offer a button with this verb. */
function newest(turn: Turn, verb: string): boolean {
  const cards = [...turn.activities.flatMap((a) => (a.attachments ?? []).map((x: { content: unknown }) => x.content)), ...(turn.body?.value?.body ? [turn.body.value] : [])];
  return cards.some((c) => allActions(c).some((x) => x.data?.verb === verb));
}

/** The pending id on the newest confirmation card. */
function pendingId(admin: AdminChat): string {
  return admin.findAction('action.confirm').data.pending;
}

/** Everything the turn said: texts, card texts, and the card or message the invoke answered with. */
function said(turn: Turn): string {
  const parts = turn.activities.map((a) => [a.text ?? '', ...(a.attachments ?? []).map((x: { content: unknown }) => cardText(x.content))].join('\n'));
  if (turn.body?.value) parts.push(typeof turn.body.value === 'string' ? turn.body.value : cardText(turn.body.value));
  return parts.join('\n');
}

function writesSince(world: World, from: number) {
  return world.tenant.requests.slice(from).filter((r) => r.method === 'POST' && /\/(restart|provisionOnDemand)$/.test(r.path));
}

const restartServiceNow = `provisioning to ${A.quarantinedCredentials.displayName} is in quarantine`;
const provisionToScoped = `${U.duplicateTarget.userPrincipalName} is not provisioned to ${A.scoped.displayName}`;

describe('a write runs only from its own confirmation', () => {
  let world: World;
  let clock: TestClock;
  // A world per scenario: a restart changes the sample tenant's job (it leaves quarantine).
  beforeEach(async () => {
    clock = new TestClock();
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'appadmin' }, { clock });
  });
  afterEach(() => world.close());

  it('the verdict button carries only an offer id, never what to write', async () => {
    const admin = world.chat();
    await ask(admin, restartServiceNow);
    const button = admin.findAction('action.request');
    expect(typeof button.data.offer).toBe('string');
    expect(button.data.action).toBeUndefined();
    expect(JSON.stringify(button.data)).not.toContain(A.quarantinedCredentials.jobId as string);
  });

  it('Confirm on an older, cancelled card for app A does not run the change pending for app B', async () => {
    const admin = world.chat();
    await ask(admin, provisionToScoped, U.duplicateTarget.userPrincipalName);
    await admin.click('action.request');
    const a = pendingId(admin);
    await admin.click('action.cancel', { pending: a });

    await ask(admin, restartServiceNow);
    await admin.click('action.request');
    const b = pendingId(admin);
    expect(b).not.toBe(a);

    const before = world.tenant.requests.length;
    const stale = await admin.click('action.confirm', { pending: a });
    expect(writesSince(world, before)).toHaveLength(0);
    expect(newest(stale, 'signin.consent')).toBe(false);
    expect(said(stale)).toContain(t('en', 'live.action.closed.cancelled', { what: t('en', 'live.action.summary.provisionOnDemand', { user: U.duplicateTarget.userPrincipalName, app: A.scoped.displayName }) }));
    expect(said(stale)).toContain(t('en', 'live.action.stillWaiting', { what: t('en', 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));

    // B still works, and writes exactly B.
    await admin.click('action.confirm', { pending: b });
    await admin.click('signin.consent');
    const writes = writesSince(world, before);
    expect(writes).toHaveLength(1);
    expect(writes[0].path).toContain(`/servicePrincipals/${A.quarantinedCredentials.id}/synchronization/jobs/`);
    expect(writes[0].path).toMatch(/\/restart$/);
  });

  it('a double click on Confirm while the write consent is asked is not read as declining', async () => {
    const admin = world.chat();
    await ask(admin, restartServiceNow);
    await admin.click('action.request');
    const id = pendingId(admin);
    await admin.click('action.confirm', { pending: id });
    expect(admin.findAction('signin.consent')).toBeDefined();
    const again = await admin.click('action.confirm', { pending: id });
    expect(said(again)).toContain(t('en', 'live.action.closed.confirmed', { what: t('en', 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));
    const before = world.tenant.requests.length;
    await admin.click('signin.consent');
    expect(writesSince(world, before)).toHaveLength(1);
    // And clicking Confirm once more afterwards writes nothing more.
    const late = await admin.click('action.confirm', { pending: id });
    expect(writesSince(world, before)).toHaveLength(1);
    expect(said(late)).toContain(t('en', 'live.action.closed.done', { what: t('en', 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));
  });

  it('a forged click: extra data on Confirm is ignored, the confirmation names what is really written', async () => {
    const admin = world.chat();
    await ask(admin, restartServiceNow);
    // The click claims to be about Slack's job; only the stored offer counts.
    await admin.click('action.request', {}, { inputs: { action: { kind: 'restartJob', jobId: A.healthy.jobId }, target: { app: A.healthy.displayName } } });
    const confirmCard = admin.cards[admin.cards.length - 1];
    expect(cardText(confirmCard)).toContain(A.quarantinedCredentials.displayName);
    expect(cardText(confirmCard)).toContain(`/servicePrincipals/${A.quarantinedCredentials.id}/`);
    expect(cardText(confirmCard)).not.toContain(A.healthy.displayName);
    const id = pendingId(admin);
    const before = world.tenant.requests.length;
    await admin.click('action.confirm', { pending: id }, { inputs: { action: { kind: 'restartJob', jobId: A.healthy.jobId }, app: A.healthy.displayName } });
    await admin.click('signin.consent');
    const writes = writesSince(world, before);
    expect(writes).toHaveLength(1);
    expect(writes[0].path).toContain(A.quarantinedCredentials.id);
  });

  it('made-up offer and request ids change nothing', async () => {
    const admin = world.chat();
    await ask(admin, restartServiceNow);
    const before = world.tenant.requests.length;
    const offer = await admin.click('action.request', {}, { inputs: { offer: '11111111-2222-4333-8444-555555555555' } });
    expect(said(offer)).toContain(t('en', 'live.action.offerExpired'));
    const confirm = await admin.click('action.request', {}, { via: 'submit', inputs: { verb: 'action.confirm', pending: 'not-an-id' } });
    expect(said(confirm)).toContain(t('en', 'live.action.closed.unknown'));
    expect(writesSince(world, before)).toHaveLength(0);
  });

  it('a confirmation left longer than its few minutes expires and writes nothing', async () => {
    const admin = world.chat();
    await ask(admin, restartServiceNow);
    await admin.click('action.request');
    const id = pendingId(admin);
    clock.advance(ACTION_TIMES.confirmMs + 1000);
    const before = world.tenant.requests.length;
    const late = await admin.click('action.confirm', { pending: id });
    expect(writesSince(world, before)).toHaveLength(0);
    expect(said(late)).toContain(t('en', 'live.action.closed.expired', { what: t('en', 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));
    // The clicked card is replaced: no Confirm button left on it.
    expect(allActions(late.body.value)).toHaveLength(0);
  });

  it('in a channel, another member clicking Confirm changes nothing and leaves the card to its owner', async () => {
    const owner = world.chat({ scope: 'channel' });
    await ask(owner, restartServiceNow);
    await owner.click('action.request');
    const id = pendingId(owner);
    const colleague = world.chat({ scope: 'channel', from: newAdmin('Colleague') });
    colleague.cards.push(...owner.cards);
    const before = world.tenant.requests.length;
    const updatesBefore = world.connector.received.filter((r) => r.route === 'updateActivity').length;
    const theirs = await colleague.click('action.confirm', { pending: id });
    expect(writesSince(world, before)).toHaveLength(0);
    expect(said(theirs)).toContain(t('en', 'live.action.closed.notOwner'));
    // The owner's confirmation card is left as it is (not replaced for everyone).
    expect(world.connector.received.filter((r) => r.route === 'updateActivity')).toHaveLength(updatesBefore);
    // The owner can still confirm.
    await owner.click('action.confirm', { pending: id });
    await owner.click('signin.consent');
    expect(writesSince(world, before)).toHaveLength(1);
  });

  it('an expired sign-in on the write itself (Graph 401) says to sign in again, and the request is not retried', async () => {
    const admin = world.chat();
    await ask(admin, restartServiceNow);
    await admin.click('action.request');
    const id = pendingId(admin);
    world.tenant.faults.add({ match: /\/restart$/, status: 401, times: 1 });
    await admin.click('action.confirm', { pending: id });
    const done = await admin.click('signin.consent');
    expect(said(done)).toContain(t('en', 'live.action.signInExpired'));
    const before = world.tenant.requests.length;
    const again = await admin.click('action.confirm', { pending: id });
    expect(writesSince(world, before)).toHaveLength(0);
    expect(said(again)).toContain(t('en', 'live.action.closed.failed', { what: t('en', 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));
  });

  it('på norsk: en eldre, avbrutt bekreftelse endrer ingenting og sier hvorfor', async () => {
    const admin = world.chat({ locale: 'nb-NO' });
    await ask(admin, `klargjøringen til ${A.quarantinedCredentials.displayName} er i karantene`);
    await admin.click('action.request');
    const id = pendingId(admin);
    const cancelled = await admin.click('action.cancel', { pending: id });
    expect(said(cancelled)).toContain(t('nb', 'live.action.cancelled'));
    const before = world.tenant.requests.length;
    const stale = await admin.click('action.confirm', { pending: id }, { via: 'submit' });
    expect(writesSince(world, before)).toHaveLength(0);
    expect(said(stale)).toContain(t('nb', 'live.action.closed.cancelled', { what: t('nb', 'live.action.summary.restartJob', { app: A.quarantinedCredentials.displayName }) }));
  });
});

describe('a person named by display name gets the same write as one named by UPN', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'appadmin' }, { clock: new TestClock() });
  });
  afterEach(() => world.close());

  it.each([
    ['en-US', 'en', `${U.duplicateTarget.displayName} is not provisioned to ${A.scoped.displayName}`],
    ['nb-NO', 'nb', `${U.duplicateTarget.displayName} blir ikke klargjort til ${A.scoped.displayName}`],
  ] as const)('(%s) "provision on demand" names the person and writes for that person’s object id', async (locale, lang, question) => {
    const admin = world.chat({ locale });
    await ask(admin, question);
    await admin.click('action.request');
    const confirm = admin.cards[admin.cards.length - 1];
    // The confirmation names the person and shows the exact request: her object id, not the name typed.
    expect(cardText(confirm)).toContain(U.duplicateTarget.userPrincipalName);
    expect(cardText(confirm)).toContain(t(lang, 'cards.confirm.request', { request: '' }).trim());
    expect(cardText(confirm)).toContain(`provisionOnDemand (user ${U.duplicateTarget.id}, rule ${A.scoped.ruleId})`);
    const before = world.tenant.requests.length;
    await admin.click('action.confirm', { pending: pendingId(admin) });
    await admin.click('signin.consent');
    const writes = writesSince(world, before);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ status: 200, path: `/v1.0/servicePrincipals/${A.scoped.id}/synchronization/jobs/${A.scoped.jobId}/provisionOnDemand` });
  });
});
