/**
 * Issue #10, durable and single: watches live in the shared Blob container (Azurite), survive a restart, and when
 * two instances poll at the same moment exactly one evaluates each watch — the channel gets one alert, not two.
 */
import { t, type Lang } from '../../src/i18n';
import { SAMPLE } from '../../src/sampleTenant';
import type { RunningSyncHelper } from '../../src/index';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { cardText, startWorld, TestClock, type World } from '../helpers/adminChat';
import { CHANNEL_ID } from '../helpers/teamsActivity';
import { quarantineJob, releaseJob, syncNow } from '../helpers/tenantChanges';
import { cardsIn, postedTo, signInAs } from '../helpers/watchChannel';

const MINUTE = 60_000;
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.close());

/** Both instances poll at the same moment, one interval later. */
async function bothPoll(clock: TestClock, instances: RunningSyncHelper[]): Promise<number> {
  clock.advance(MINUTE);
  const reports = await Promise.all(instances.map((i) => i.watcher.tick()));
  return reports.reduce((n, r) => n + r.evaluated, 0);
}

describe.each<[Lang, 'sync' | 'provisioning', string]>([
  ['en', 'sync', 'en-US'],
  ['nb', 'provisioning', 'nb-NO'],
])('two instances on one Blob container (%s, %s watch)', (lang, kind, locale) => {
  let world: World;
  let clock: TestClock;
  let second: RunningSyncHelper;
  beforeEach(async () => {
    clock = new TestClock();
    world = await startWorld(
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: `watch-${lang}-${kind}`, WATCH_INTERVAL_SECONDS: '60' },
      { clock, seams: { watchPolling: 'manual' } },
    );
    second = await world.startInstance();
  });
  afterEach(() => world?.close());

  it('one alert in the channel however many instances poll, still none repeated after a restart, then one "back to normal"', async () => {
    const admin = world.chat({ scope: 'channel', locale });
    const typed = {
      sync: { en: 'watch directory sync', nb: 'overvåk katalogsynkronisering' },
      provisioning: { en: 'watch provisioning for Slack', nb: 'overvåk klargjøring for Slack' },
    }[kind][lang];
    await admin.say(`<at>SyncHelper</at> ${typed}`);
    await signInAs(admin, 'ga');
    const what = kind === 'sync' ? t(lang, 'watch.kind.sync') : t(lang, 'watch.kind.provisioning', { app: 'Slack' });
    expect(cardText(admin.cards.at(-1))).toContain(t(lang, 'watch.set.title', { what }));
    const before = world.connector.received.length;

    // Each interval, exactly one of the two instances evaluates the watch.
    expect(await bothPoll(clock, [world.bot, second])).toBe(1);

    if (kind === 'sync') clock.advance(25 * 60 * MINUTE);
    else quarantineJob(world.tenant, SAMPLE.apps.healthy.id, clock.now());
    expect(await bothPoll(clock, [world.bot, second])).toBe(1);
    expect(await bothPoll(clock, [world.bot, second])).toBe(1);
    const alerts = postedTo(world, CHANNEL_ID, before);
    expect(alerts).toHaveLength(1);
    expect(cardText(cardsIn(alerts)[0])).toContain(kind === 'sync' ? t(lang, 'watch.alert.title.sync') : t(lang, 'watch.alert.title.provisioning', { app: 'Slack' }));

    // A redeploy: the watch and what the channel was told are in Blob, so nothing is said again.
    await world.restartBot();
    expect(await bothPoll(clock, [world.bot, second])).toBe(1);
    expect(postedTo(world, CHANNEL_ID, before)).toHaveLength(1);

    if (kind === 'sync') syncNow(world.tenant, clock.now());
    else releaseJob(world.tenant, SAMPLE.apps.healthy.id);
    await bothPoll(clock, [world.bot, second]);
    await bothPoll(clock, [world.bot, second]);
    const after = postedTo(world, CHANNEL_ID, before).slice(1);
    expect(after).toHaveLength(1);
    expect(after[0].body.text).toContain(what);
  });
});
