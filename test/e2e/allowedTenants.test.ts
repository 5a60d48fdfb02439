/**
 * ALLOWED_TENANTS: a user of another organisation reaches the bot with a perfectly valid Teams token. They get a
 * short, polite refusal in their language and nothing else happens: no dialog turn, no welcome, no Graph call.
 */
import { t } from '../../src/i18n';
import { startJwtIssuer, type JwtIssuer } from '../helpers/jwt';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { BOT_APP_ID, TENANT_ID, USERS } from '../helpers/teamsActivity';
import { SAMPLE } from '../../src/sampleTenant';
import { startWorld, type World } from '../helpers/adminChat';

/** The only organisation this bot serves; the test activities come from TENANT_ID, a foreign tenant here. */
const OUR_TENANT = 'c0ffee00-1111-4222-8333-444455556666';

describe('a user from a tenant that is not allowed, with a valid Teams token (live mode)', () => {
  let issuer: JwtIssuer;
  let bot: TestBot;
  beforeAll(async () => {
    issuer = await startJwtIssuer(BOT_APP_ID);
    bot = await startTestBot({ auth: issuer, env: { ALLOWED_TENANTS: OUR_TENANT } });
  });
  afterAll(async () => {
    await bot.close();
    await issuer.close();
  });
  beforeEach(() => {
    bot.connector.reset();
    bot.echo!.seen.length = 0;
  });

  it.each([
    ['en-US', 'en'],
    ['nb-NO', 'nb'],
  ] as const)('a message (%s) gets the refusal in that language, and no turn runs', async (locale, lang) => {
    const res = await bot.post(bot.teams.personalMessage('my group will not sync', { locale }));
    expect(res.status).toBe(200);
    expect(bot.connector.texts()).toEqual([t(lang, 'common.tenant.notAllowed')]);
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('a card click is answered in place with the refusal (Teams never waits), in Norwegian for nb-NO', async () => {
    const res = await bot.post(bot.teams.execute('echo.ping', { v: 1 }, 'personal', { from: USERS.ola, locale: 'nb-NO' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('nb', 'common.tenant.notAllowed') });
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('a sign-in invoke gets 403, not a token exchange', async () => {
    const res = await bot.post(bot.teams.invoke('signin/tokenExchange', { id: 'x', connectionName: 'GraphConnection', token: 'not-used' }));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, value: { code: 'TenantNotAllowed' } });
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('an install or a team add gets no welcome at all', async () => {
    expect((await bot.post(bot.teams.installationUpdate('personal', 'add'))).status).toBe(200);
    expect((await bot.post(bot.teams.membersAdded('channel'))).status).toBe(200);
    expect(bot.connector.received).toHaveLength(0);
  });

  it('an activity naming no tenant at all is refused the same way', async () => {
    const activity: Record<string, unknown> = bot.teams.personalMessage('hi');
    delete activity.channelData;
    delete (activity.conversation as Record<string, unknown>).tenantId;
    expect((await bot.post(activity)).status).toBe(200);
    expect(bot.connector.texts()).toEqual([t('en', 'common.tenant.notAllowed')]);
    expect(bot.echo!.seen).toHaveLength(0);
  });

  it('the same user in the allowed tenant is served (the tenant id matched case-insensitively)', async () => {
    const activity = bot.teams.personalMessage('hello');
    (activity.channelData as { tenant: { id: string } }).tenant.id = OUR_TENANT.toUpperCase();
    (activity.conversation as { tenantId: string }).tenantId = OUR_TENANT;
    expect((await bot.post(activity)).status).toBe(200);
    expect(bot.echo!.seen.map((s) => s.text)).toEqual(['hello']);
  });
});

describe('a foreign tenant asks for a live check (sample tenant as Graph)', () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it('gets the refusal at every step and the tenant sees 0 Graph calls', async () => {
    world = await startWorld({ ALLOWED_TENANTS: OUR_TENANT });
    const before = world.tenant.requests.length;
    for (const locale of ['en-US', 'nb-NO']) {
      const admin = world.chat({ locale });
      const asked = await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update, check my tenant`);
      const signIn = await admin.say('sign in as ga');
      const lang = locale === 'nb-NO' ? 'nb' : 'en';
      for (const turn of [asked, signIn]) expect(turn.activities.map((a) => a.text)).toEqual([t(lang, 'common.tenant.notAllowed')]);
      expect(admin.cards).toHaveLength(0);
    }
    expect(world.tenant.requests.length - before).toBe(0);
  });

  it('control: the same steps from the allowed tenant do reach Graph', async () => {
    world = await startWorld({ ALLOWED_TENANTS: TENANT_ID });
    const admin = world.chat();
    await admin.say(`my group '${SAMPLE.groups.synced.displayName}' won't update`);
    await admin.click('issue.mode', { mode: 'live' });
    if (admin.findAction('signin.persona', { persona: 'ga' })) await admin.click('signin.persona', { persona: 'ga' });
    expect(world.tenant.requests.length).toBeGreaterThan(0);
    expect(admin.lastVerdict()).toBeDefined();
  });
});
