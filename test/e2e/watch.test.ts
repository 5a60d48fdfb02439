/**
 * Issue #10: the team's admins ask SyncHelper to watch the tenant from their channel; later, with nobody signed in,
 * the tenant changes and SyncHelper speaks up in that channel — once per change, and once more when it is back to
 * normal. The watcher's interval is driven by the test (`watcher.tick()`) on a clock the test moves.
 */
import { t, type Lang } from '../../src/i18n';
import { SAMPLE } from '../../src/sampleTenant';
import { cardText, allActions, newAdmin, startWorld, TestClock, type AdminChat, type World } from '../helpers/adminChat';
import { CHANNEL_ID, GROUP_CHAT_ID } from '../helpers/teamsActivity';
import { quarantineJob, releaseJob, setLicenseError, syncNow } from '../helpers/tenantChanges';
import { cardsIn, postedTo, signInAs, textsIn } from '../helpers/watchChannel';

/* eslint-disable @typescript-eslint/no-explicit-any */

const MINUTE = 60_000;
const INTERVAL = 60 * 1000;

/** One interval later: move the clock and let the watcher poll. */
async function nextInterval(world: World, clock: TestClock, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    clock.advance(INTERVAL);
    await world.bot.watcher.tick();
  }
}

describe.each<[Lang, string]>([
  ['en', 'en-US'],
  ['nb', 'nb-NO'],
])('watches set in a team channel (%s)', (lang, locale) => {
  let world: World;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock();
    world = await startWorld({ WATCH_INTERVAL_SECONDS: '60' }, { clock, seams: { watchPolling: 'manual' } });
  });
  afterEach(() => world?.close());

  const say = {
    en: { app: `watch provisioning for ${SAMPLE.apps.healthy.displayName}`, licence: `watch licence errors for '${SAMPLE.groups.licensedSynced.displayName}'`, sync: 'watch directory sync', list: 'what are you watching?' },
    nb: { app: `overvåk klargjøring for ${SAMPLE.apps.healthy.displayName}`, licence: `overvåk lisensfeil for «${SAMPLE.groups.licensedSynced.displayName}»`, sync: 'overvåk katalogsynkronisering', list: 'hva overvåker du?' },
  }[lang];

  /** The list is empty, and a day-old directory sync later, nothing is posted there. */
  async function expectNothingWatched(admin: AdminChat, conversation: string): Promise<void> {
    await admin.say(say.list);
    expect(cardText(admin.cards.at(-1))).toContain(t(lang, 'watch.list.none'));
    const before = world.connector.received.length;
    clock.advance(30 * 60 * MINUTE);
    await world.bot.watcher.tick();
    expect(postedTo(world, conversation, before)).toHaveLength(0);
  }

  it('provisioning to Slack goes into quarantine: one alert in the channel, no repeats, one "back to normal"', async () => {
    const admin = world.chat({ scope: 'channel', locale, from: newAdmin('Kari') });
    await admin.say(`<at>SyncHelper</at> ${say.app}`);
    await signInAs(admin, 'ga');
    const set = admin.cards.at(-1);
    expect(cardText(set)).toContain(t(lang, 'watch.set.title', { what: t(lang, 'watch.kind.provisioning', { app: 'Slack' }) }));
    expect(cardText(set)).toContain(t(lang, 'watch.now.ok.provisioning'));
    expect(allActions(set).filter((a) => a.type === 'Action.Execute').map((a) => a.data.verb)).toEqual(['watch.stop']);

    const before = world.connector.received.length;
    await nextInterval(world, clock);
    expect(postedTo(world, CHANNEL_ID, before)).toHaveLength(0);

    const quarantinedAt = clock.now();
    quarantineJob(world.tenant, SAMPLE.apps.healthy.id, quarantinedAt);
    await nextInterval(world, clock, 2);
    const alerts = postedTo(world, CHANNEL_ID, before);
    expect(alerts).toHaveLength(1);
    const alert = cardsIn(alerts)[0];
    expect(cardText(alert)).toContain(t(lang, 'watch.alert.title.provisioning', { app: 'Slack' }));
    expect(cardText(alert)).toContain(t(lang, 'watch.level.ok') + ' → ' + t(lang, 'watch.level.bad'));
    // The diagnosis and fix the live check gives for a credentials quarantine.
    expect(cardText(alert)).toContain(t(lang, 'provisioning.quarantine.fix.credentials.1', { app: 'Slack' }).slice(0, 30));
    expect(allActions(alert).filter((a) => a.type === 'Action.Execute').map((a) => a.data.verb)).toEqual(['watch.check', 'watch.stop']);

    await nextInterval(world, clock, 3);
    expect(postedTo(world, CHANNEL_ID, before)).toHaveLength(1);

    releaseJob(world.tenant, SAMPLE.apps.healthy.id);
    await nextInterval(world, clock, 2);
    const after = postedTo(world, CHANNEL_ID, before).slice(1);
    expect(textsIn(after)).toEqual([expect.stringContaining(t(lang, 'watch.recovered', { what: t(lang, 'watch.kind.provisioning', { app: 'Slack' }), since: 'X' }).split('(')[0].trim())]);

    // "Check now" on the alert (seen in the channel) runs the live check and answers with a verdict card of its own.
    admin.cards.push(alert);
    const checked = await admin.click('watch.check');
    expect(JSON.stringify(checked.activities)).toContain('P2.healthy');
  });

  it('a member of a licensed group gets a licence error: one alert naming them, then back to normal', async () => {
    const admin = world.chat({ scope: 'channel', locale });
    await admin.say(say.licence);
    await signInAs(admin, 'groups');
    expect(cardText(admin.cards.at(-1))).toContain(t(lang, 'watch.set.title', { what: t(lang, 'watch.kind.licenceGroup', { group: SAMPLE.groups.licensedSynced.displayName }) }));
    const before = world.connector.received.length;

    setLicenseError(world.tenant, SAMPLE.users.provisioned.id, SAMPLE.groups.licensedSynced.id, 'CountViolation');
    await nextInterval(world, clock, 2);
    const alerts = postedTo(world, CHANNEL_ID, before);
    expect(alerts).toHaveLength(1);
    const text = cardText(cardsIn(alerts)[0]);
    expect(text).toContain(t(lang, 'watch.alert.title.licence'));
    expect(text).toContain(`${t(lang, 'watch.fact.new')}: ${SAMPLE.users.provisioned.userPrincipalName}`);

    setLicenseError(world.tenant, SAMPLE.users.provisioned.id, SAMPLE.groups.licensedSynced.id, 'None');
    await nextInterval(world, clock, 2);
    // The three older errors remain: fewer problems is not "back to normal", and not worth a message.
    expect(postedTo(world, CHANNEL_ID, before)).toHaveLength(1);
    setLicenseError(world.tenant, SAMPLE.users.provisioned.id, SAMPLE.groups.licensedSynced.id, 'CountViolation');
    await nextInterval(world, clock, 2);
    expect(postedTo(world, CHANNEL_ID, before)).toHaveLength(2);
  });

  it('directory sync that flaps is summarised once instead of alerting on every change', async () => {
    const admin = world.chat({ scope: 'channel', locale });
    await admin.say(say.sync);
    await signInAs(admin, 'ga');
    const before = world.connector.received.length;
    for (let i = 0; i < 6; i++) {
      syncNow(world.tenant, new Date(clock.now().getTime() - (i % 2 === 0 ? 30 * 60 * MINUTE : 0)));
      await nextInterval(world, clock);
    }
    const posts = postedTo(world, CHANNEL_ID, before);
    // stale → alert; fresh → back to normal; stale again → one summary; then quiet while it keeps changing.
    expect(posts).toHaveLength(3);
    expect(cardText(cardsIn(posts)[0])).toContain(t(lang, 'watch.alert.title.sync'));
    expect(posts[1].body.text).toContain(t(lang, 'watch.kind.sync'));
    expect(posts[2].body.text).toContain('🔁');
  });

  it('lists the watches of this channel with a Stop button each, and stops one by button and one by name', async () => {
    const admin = world.chat({ scope: 'channel', locale });
    await admin.say(say.sync);
    await signInAs(admin, 'ga');
    clock.advance(MINUTE);
    await admin.say(say.app);
    await admin.say(say.list);
    const list = admin.cards.at(-1);
    expect(allActions(list).filter((a) => a.type === 'Action.Execute' && a.data.verb === 'watch.stop')).toHaveLength(2);
    expect(cardText(list)).toContain(t(lang, 'watch.kind.sync'));

    await admin.click('watch.stop', { watch: allActions(list)[0].data.watch });
    expect(world.connector.texts()).toContain(t(lang, 'watch.stopped', { what: t(lang, 'watch.kind.sync') }));
    await admin.say(lang === 'en' ? 'stop watching provisioning for slack' : 'slutt å overvåke klargjøring for slack');
    expect(world.connector.texts()).toContain(t(lang, 'watch.stopped', { what: t(lang, 'watch.kind.provisioning', { app: 'Slack' }) }));
    await expectNothingWatched(admin, CHANNEL_ID);
  });

  it('someone else in the channel can stop a watch only by signing in as an admin who may set it', async () => {
    const kariAccount = newAdmin('Kari');
    const kari = world.chat({ scope: 'channel', locale, from: kariAccount });
    await kari.say(say.sync);
    await signInAs(kari, 'ga');
    const stopId = allActions(kari.cards.at(-1)).find((a) => a.data?.verb === 'watch.stop').data.watch;
    const what = t(lang, 'watch.kind.sync');

    // Per, a helpdesk admin in the same channel, presses Kari's Stop button: he is asked to sign in, and his role
    // is not enough.
    const per = world.chat({ scope: 'channel', locale, from: newAdmin('Per') });
    await per.say(say.list);
    await per.click('watch.stop', { watch: stopId });
    expect(world.connector.texts()).toContain(t(lang, 'watch.stop.signInFirst', { what, name: kariAccount.name }));
    expect(world.connector.texts()).not.toContain(t(lang, 'watch.stopped', { what }));
    await per.click('signin.persona', { persona: 'helpdesk' });
    expect(world.connector.texts()).toContain(t(lang, 'watch.stop.notAdmin', { what, roles: 'Global Administrator, Global Reader, Hybrid Identity Administrator' }));
    await per.say(say.list);
    expect(cardText(per.cards.at(-1))).toContain(what);

    // Signed in as a Global Administrator, the same click stops it.
    await per.say('sign out');
    await per.say(say.list);
    await per.click('watch.stop', { watch: stopId });
    await per.click('signin.persona', { persona: 'ga' });
    expect(world.connector.texts()).toContain(t(lang, 'watch.stopped', { what }));
    await expectNothingWatched(per, CHANNEL_ID);
  });

  it('only admins may set a watch: the helpdesk persona is told which roles it needs, and nothing is watched', async () => {
    const admin = world.chat({ scope: 'groupChat', locale });
    await admin.say(say.sync);
    await admin.click('signin.persona', { persona: 'helpdesk' });
    expect(world.connector.texts()).toContain(t(lang, 'watch.notAdmin', { roles: 'Global Administrator, Global Reader, Hybrid Identity Administrator' }));
    await expectNothingWatched(admin, GROUP_CHAT_ID);
  });

  it('tenant health: one card with each area and a button that opens its diagnosis; with a watch set, no sign-in is needed', async () => {
    const admin = world.chat({ locale });
    await admin.say(lang === 'en' ? 'tenant health' : 'helsesjekk');
    await signInAs(admin, 'ga');
    const card = admin.cards.at(-1);
    const text = cardText(card);
    expect(text).toContain(t(lang, 'watch.health.title', { tenant: SAMPLE.tenant.displayName }));
    expect(text).toContain(t(lang, 'watch.health.access.delegated'));
    for (const line of ['sync', 'syncErrors', 'licences', 'apps']) expect(text).toContain(t(lang, `watch.health.line.${line}`));
    expect(text).toContain(SAMPLE.groups.provisioningErrors.displayName);
    expect(text).toContain(SAMPLE.groups.licensedSynced.displayName);
    expect(text).toContain(t(lang, 'watch.health.apps.some', { name: SAMPLE.apps.quarantinedCredentials.displayName, state: t(lang, 'watch.health.apps.quarantine') }));

    const opened = await admin.click('watch.check', { subjectId: SAMPLE.apps.quarantinedCredentials.id });
    expect(JSON.stringify(opened.activities)).toContain('P2.quarantine.credentials');

    // In a channel with a watch, the report is read with the watcher's own access: no sign-in card.
    const team = world.chat({ scope: 'channel', locale });
    await team.say(say.sync);
    await signInAs(team, 'ga');
    const report = await team.say(lang === 'en' ? 'health check' : 'helsesjekk');
    expect(report.activities.flatMap((a) => a.attachments ?? []).map((a: any) => cardText(a.content)).join('\n')).toContain(t(lang, 'watch.health.access.watcher'));
  });
});
