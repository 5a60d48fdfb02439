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
    running = await start(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await running.close();
    await connector.close();
    process.env.LOG_LEVEL = 'silent';
  });

  const post = (activity: unknown) =>
    fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

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
