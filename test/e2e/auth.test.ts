/**
 * Live mode (MicrosoftAppId + password): every request must carry a Bot Framework token. The REAL validation in
 * ConfigurationBotFrameworkAuthentication runs against a loopback OpenID metadata + JWKS signed with a test key.
 * Stock botbuilder 4.23 answers 500 for some rejected tokens; SyncHelper answers 401 for every one of them and
 * never runs the bot for them.
 */
import { startJwtIssuer, JwtIssuer, TEST_OUTBOUND_TOKEN } from '../helpers/jwt';
import { startTestBot, TestBot } from '../helpers/testBot';
import { BOT_APP_ID, USERS } from '../helpers/teamsActivity';

describe('a request from the Teams channel service in live mode', () => {
  let issuer: JwtIssuer;
  let bot: TestBot;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    issuer = await startJwtIssuer(BOT_APP_ID);
    bot = await startTestBot({ auth: issuer });
    // botbuilder itself writes rejected tokens to console.error; keep the test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    consoleError.mockRestore();
    await bot.close();
    await issuer.close();
  });
  beforeEach(() => {
    bot.connector.reset();
    bot.echo!.seen.length = 0;
  });

  it('runs in live mode', () => {
    expect(bot.config.mode).toBe('live');
  });

  it('with a valid token is answered (200) and the reply carries the bot’s own outbound token', async () => {
    const activity = bot.teams.personalMessage('hello');
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    expect(bot.echo!.seen.map((s) => s.text)).toEqual(['hello']);
    const reply = await bot.connector.waitFor((r) => r.route === 'replyToActivity');
    expect(reply.authorization).toEqual({ scheme: 'Bearer', token: TEST_OUTBOUND_TOKEN });
    expect(issuer.fetches.keys).toBeGreaterThan(0); // the real validation fetched our JWKS
  });

  const now = () => Math.floor(Date.now() / 1000);
  const rejected: [string, (serviceUrl: string) => string | null][] = [
    ['no Authorization header', () => null],
    ['a token signed with another key', (s) => issuer.sign(s, { wrongKey: true })],
    ['an expired token', (s) => issuer.sign(s, { claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 } })],
    ['a token not valid yet (nbf in the future)', (s) => issuer.sign(s, { claims: { nbf: now() + 3600, exp: now() + 7200 } })],
    ['a token for another bot (wrong audience)', (s) => issuer.sign(s, { claims: { aud: '99999999-9999-4999-8999-999999999999' } })],
    ['a token from another issuer', (s) => issuer.sign(s, { claims: { iss: 'https://evil.example' } })],
    ['a token for another serviceUrl', () => issuer.sign('https://smba.trafficmanager.net/emea/')],
    ['an HS256 token keyed with the public key', (s) => issuer.hs256(s)],
    ['an unsigned token (alg none)', (s) => issuer.unsigned(s)],
    ['a token with an unknown key id', (s) => issuer.sign(s, { kid: 'someone-elses-key' })],
    ['garbage instead of a token', () => 'not.a.jwt'],
  ];

  it.each(rejected)('with %s is refused with 401 and never reaches the bot', async (_label, makeToken) => {
    const activity = bot.teams.personalMessage('hello');
    const token = makeToken(activity.serviceUrl);
    const res = await bot.post(activity, { token });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toMatch(/Unauthorized/);
    if (token) expect(JSON.stringify(res.body)).not.toContain(token);
    expect(bot.echo!.seen).toHaveLength(0);
    expect(bot.connector.received).toHaveLength(0);
  });

  it('with a Basic Authorization header is refused with 401', async () => {
    const res = await bot.post(bot.teams.personalMessage('hello'), { token: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(401);
  });

  it('an Action.Execute invoke with a valid token gets its card response', async () => {
    // Ola has no waterfall waiting in this chat, so the click starts the dialog afresh.
    const res = await bot.post(bot.teams.execute('diag.refresh', { v: 1 }, 'personal', { from: USERS.ola }));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
  });
});
