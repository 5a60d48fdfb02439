/** One structured log line per turn, with the Graph round trips the turn made and no conversation id in clear. */
import { TestAdapter } from 'botbuilder';
import { createTurnLogMiddleware } from '../../src/bot/turnLog';
import { createGraphClient } from '../../src/graph/client';
import { startSampleTenant, type SampleTenant } from '../../src/sampleTenant';

describe('per-turn log line', () => {
  let tenant: SampleTenant;
  let lines: Record<string, unknown>[];
  let spy: jest.SpyInstance;
  beforeAll(async () => {
    tenant = await startSampleTenant();
  });
  afterAll(() => tenant.close());
  beforeEach(() => {
    lines = [];
    process.env.LOG_LEVEL = 'info';
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      return true;
    });
  });
  afterEach(() => {
    spy.mockRestore();
    process.env.LOG_LEVEL = 'silent';
  });

  function adapterWith(logic: (ctx: import('botbuilder').TurnContext) => Promise<void>, onError?: () => void) {
    let t = 1000;
    const adapter = new TestAdapter(logic).use(createTurnLogMiddleware(() => (t += 25)));
    if (onError) adapter.onTurnError = async () => onError();
    return adapter;
  }

  it('a turn that checks the tenant logs its two Graph round trips, duration and outcome', async () => {
    const adapter = adapterWith(async (ctx) => {
      const graph = createGraphClient({ accessToken: 'ga', baseUrl: tenant.url });
      await graph.get('/organization?$select=id');
      await graph.batch([{ id: '1', method: 'GET', url: '/me?$select=id' }]);
      await ctx.sendActivity('done');
    });
    await adapter.send('check my group').assertReply('done');
    const turn = lines.find((l) => l.msg === 'turn');
    expect(turn).toMatchObject({ activityType: 'message', conversationKind: 'personal', durationMs: 25, outcome: 'ok', graphRoundTrips: 2 });
    expect(turn?.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(turn)).not.toContain('convo1');
    expect(JSON.stringify(turn)).not.toContain('check my group');
  });

  it('a turn that fails is logged as an error, and the adapter still handles the error', async () => {
    let handled = false;
    const adapter = adapterWith(
      async () => {
        throw new Error('boom');
      },
      () => {
        handled = true;
      },
    );
    await adapter.send('hei');
    expect(handled).toBe(true);
    expect(lines.find((l) => l.msg === 'turn')).toMatchObject({ outcome: 'error', graphRoundTrips: 0 });
  });
});
