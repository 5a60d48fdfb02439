/**
 * The composition root boots the whole bot (real RootDialog, recogniser, welcome card, sample tenant) and answers
 * over HTTP — the smoke test for `npm start` in sample-tenant mode.
 */
import { start } from '../../src/index';
import { loadConfig } from '../../src/config';
import { RunningServer } from '../../src/server';
import { BotConnector, startBotConnector } from '../helpers/botConnector';
import { teamsActivities } from '../helpers/teamsActivity';

describe('SyncHelper started as `npm start` does with no Azure account', () => {
  let running: RunningServer;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    running = await start(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SAMPLE_SERVICE_URLS: connector.serviceUrl }));
  });
  afterAll(async () => {
    await running.close();
    await connector.close();
    process.env.LOG_LEVEL = 'silent';
  });

  const post = (activity: unknown) =>
    fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

  it('listens on 127.0.0.1 only: sample mode answers unauthenticated requests', () => {
    expect(running.address).toBe('127.0.0.1');
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses an activity whose serviceUrl is a loopback port other than its channels, before any turn', async () => {
    const teams = teamsActivities('http://127.0.0.1:1/');
    const res = await post(teams.personalMessage('hello'));
    expect(res.status).toBe(400);
    expect(connector.received).toHaveLength(0);
  });

  it('is healthy in sample mode', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'sample' });
  });

  it('welcomes a new install with a card and answers a first question', async () => {
    const teams = teamsActivities(connector.serviceUrl);
    expect((await post(teams.installationUpdate('personal', 'add'))).status).toBe(200);
    const welcome = await connector.waitFor((r) => Array.isArray(r.body?.attachments) && r.body.attachments.length > 0);
    expect(welcome.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');

    connector.reset();
    expect((await post(teams.personalMessage("I can't edit the Sales group, it says it's synced from on-premises"))).status).toBe(200);
    expect(connector.activities().length).toBeGreaterThan(0);
  });
});

describe('SyncHelper started in live mode', () => {
  it('listens on all interfaces (every request must carry a Bot Framework token)', async () => {
    const running = await start(
      loadConfig({ PORT: '0', LOG_LEVEL: 'silent', BOT_ID: '0b0b0b0b-1111-4222-8333-444455556666', BOT_PASSWORD: 'test-only-secret', ALLOWED_TENANTS: '*' }),
    );
    try {
      expect(['::', '0.0.0.0']).toContain(running.address);
      expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: 'ok', mode: 'live' });
    } finally {
      await running.close();
      process.env.LOG_LEVEL = 'silent';
    }
  });
});
