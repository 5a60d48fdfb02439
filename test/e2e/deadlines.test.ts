/**
 * Slow Graph never leaves Teams waiting: a click whose check isn't done within the invoke budget is answered at
 * once ("Checking…"), and the card is updated in place with the verdict when it comes — or with a clear "took too
 * long" when the whole check runs over its budget. Graph is slowed down in the sample tenant; budgets are short.
 */
import { SAMPLE } from '../../src/sampleTenant';
import { t } from '../../src/i18n';
import { cardText, findingIds, startWorld, type AdminChat, type World } from '../helpers/adminChat';

const G = SAMPLE.groups;

/** The first verdict, with Action.Submit clicks (messages: no invoke window), so it is there when the test goes on. */
async function verdictFor(admin: AdminChat, text: string): Promise<void> {
  await admin.say(text);
  await admin.click('issue.mode', { mode: 'live' }, { via: 'submit' });
  if (admin.findAction('signin.persona', { persona: 'groups' })) await admin.click('signin.persona', { persona: 'groups' }, { via: 'submit' });
  if (!admin.lastVerdict()) throw new Error('no verdict');
}

function updatesOf(world: World) {
  return world.connector.received.filter((r) => r.route === 'updateActivity');
}

describe('deadlines: a slow tenant', () => {
  let world: World;
  afterEach(() => world.close());

  it('Check again on a slow tenant: the click is answered with "Checking…" at once, then the card becomes the verdict', async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' }, { budgets: { invokeMs: 100, checkMs: 10_000 } });
    const admin = world.chat();
    await verdictFor(admin, `my group '${G.synced.displayName}' won't update`);
    world.tenant.faults.add({ match: '/$batch', delayMs: 600 });
    const updatesBefore = updatesOf(world).length;
    const click = await admin.click('verdict.refresh');
    expect(click.status).toBe(200);
    expect(cardText(click.body.value)).toContain(t('en', 'common.invoke.checkingTitle'));
    // Teams got its answer before the check was done: nothing has been updated yet.
    expect(updatesOf(world)).toHaveLength(updatesBefore);

    const update = await world.connector.waitFor((r) => r.route === 'updateActivity' && findingIds(r.body?.attachments?.[0]?.content).length > 0, 5_000);
    expect(update.activityId).toBe('1:card-message');
    expect(findingIds(update.body.attachments[0].content)[0]).toBe('G1.1.synced');
  });

  it('a quick click is answered with the verdict itself, as before', async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' }, { budgets: { invokeMs: 5_000, checkMs: 10_000 } });
    const admin = world.chat();
    await verdictFor(admin, `my group '${G.synced.displayName}' won't update`);
    const click = await admin.click('verdict.refresh');
    expect(findingIds(click.body.value)[0]).toBe('G1.1.synced');
  });

  it('a check over its whole budget ends with a clear "took too long" in place of the verdict, and Check again', async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' }, { budgets: { invokeMs: 100, checkMs: 300 } });
    const admin = world.chat();
    await verdictFor(admin, `my group '${G.synced.displayName}' won't update`);
    world.tenant.faults.add({ match: /./, delayMs: 2_000 });

    const click = await admin.click('verdict.refresh');
    expect(cardText(click.body.value)).toContain(t('en', 'common.invoke.checkingTitle'));
    const update = await world.connector.waitFor((r) => r.route === 'updateActivity' && cardText(r.body?.attachments?.[0]?.content).includes(t('en', 'live.timeout.title')), 5_000);
    expect(cardText(update.body.attachments[0].content)).toContain(t('en', 'live.timeout', { seconds: 0 }));
    expect(JSON.stringify(update.body.attachments[0].content)).toContain('verdict.refresh');
  });

  it('på norsk: en sjekk som sprenger tidsbudsjettet sier tydelig fra, uten å gjette', async () => {
    world = await startWorld({ SAMPLE_TENANT_PERSONA: 'groups' }, { budgets: { invokeMs: 5_000, checkMs: 300 } });
    const admin = world.chat({ locale: 'nb-NO' });
    world.tenant.faults.add({ match: /./, delayMs: 2_000 });
    await admin.say(`gruppa «${G.synced.displayName}» oppdateres ikke`);
    await admin.click('issue.mode', { mode: 'live' }, { via: 'submit' });
    const signedIn = admin.findAction('signin.persona', { persona: 'groups' }) ? await admin.click('signin.persona', { persona: 'groups' }, { via: 'submit' }) : undefined;
    const texts = (signedIn?.activities ?? []).flatMap((a) => (a.attachments ?? []).map((x: { content: unknown }) => cardText(x.content)));
    expect(texts.join('\n')).toContain(t('nb', 'live.timeout.title'));
    expect(admin.lastVerdict()).toBeUndefined();
  });
});
