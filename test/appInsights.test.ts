/**
 * Application Insights export: with APPLICATIONINSIGHTS_CONNECTION_STRING set, the per-turn records and Graph
 * failures reach the ingestion endpoint (`/v2.1/track`, the documented envelope) in batches, and never a token, the
 * admin's words or a conversation id. The ingestion endpoint is a loopback server.
 */
import { TestAdapter } from 'botbuilder';
import { AppInsightsExporter } from '../src/appInsights';
import { createTurnLogMiddleware } from '../src/bot/turnLog';
import { loadConfig } from '../src/config';
import { createGraphClient } from '../src/graph/client';
import { startSampleTenant, type SampleTenant } from '../src/sampleTenant';
import { setTelemetrySink, trackEvent } from '../src/telemetry';
import { startIngestion, type Ingestion } from './helpers/ingestion';

const IKEY = '4f1e2d3c-aaaa-4bbb-8ccc-0123456789ab';
const NOW = new Date('2026-11-21T09:00:00Z');

let ingestion: Ingestion;
let tenant: SampleTenant;
beforeAll(async () => {
  tenant = await startSampleTenant();
});
afterAll(() => tenant.close());
beforeEach(async () => {
  ingestion = await startIngestion();
});
afterEach(async () => {
  setTelemetrySink();
  await ingestion.close();
});

function exporter(options: ConstructorParameters<typeof AppInsightsExporter>[1] = {}) {
  const config = loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};IngestionEndpoint=${ingestion.endpoint};LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/` });
  return new AppInsightsExporter(config.appInsights!, { now: () => NOW, ...options });
}

describe('an admin whose check hits a Graph refusal, with Application Insights configured', () => {
  it('sends the turn record and the Graph failure as custom events, in one batch, without the token or the words', async () => {
    const telemetry = exporter();
    setTelemetrySink(telemetry);
    let t = 5000;
    const adapter = new TestAdapter(async (ctx) => {
      // The helpdesk persona has no admin role: Graph refuses the licence list (403).
      const graph = createGraphClient({ accessToken: 'helpdesk', baseUrl: tenant.url });
      await graph.get('/subscribedSkus?$select=skuPartNumber');
      await ctx.sendActivity('checked');
    }).use(createTurnLogMiddleware(() => (t += 40)));
    await adapter.send("my group 'Salg Oslo' won't update").assertReply('checked');
    await telemetry.close();

    expect(ingestion.posts).toHaveLength(1);
    const [post] = ingestion.posts;
    expect(post.path).toBe('/v2.1/track');
    expect(post.contentType).toBe('application/json');
    expect(post.envelopes.map((e) => e.data.baseData.name)).toEqual(['graph request failed', 'turn']);
    for (const envelope of post.envelopes) {
      expect(envelope).toMatchObject({
        name: `Microsoft.ApplicationInsights.${IKEY.replace(/-/g, '')}.Event`,
        time: NOW.toISOString(),
        iKey: IKEY,
        tags: { 'ai.cloud.role': 'SyncHelper' },
        data: { baseType: 'EventData', baseData: { ver: 2 } },
      });
    }
    const [failure, turn] = post.envelopes.map((e) => e.data.baseData);
    expect(failure.properties).toMatchObject({ request: 'GET /subscribedSkus', code: 'Authorization_RequestDenied' });
    expect(failure.properties.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failure.measurements).toEqual({ status: 403 });
    expect(turn.properties).toMatchObject({ activityType: 'message', conversationKind: 'personal', outcome: 'ok' });
    expect(turn.properties.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(turn.measurements).toEqual({ durationMs: 40, graphRoundTrips: 1 });

    const sent = JSON.stringify(ingestion.posts);
    expect(sent).not.toContain('helpdesk');
    expect(sent).not.toContain('Salg Oslo');
    expect(sent).not.toContain('convo1');
  });

  it('a failed request names only the shape of the path, not the object ids or user names in it', async () => {
    const telemetry = exporter();
    setTelemetrySink(telemetry);
    const graph = createGraphClient({ accessToken: 'helpdesk', baseUrl: tenant.url });
    await graph.get("/users/kari.nordmann@contoso.example/memberOf?$filter=displayName eq 'Salg Oslo'");
    await graph.get('/servicePrincipals/7d1c0a2e-0000-4000-8000-00000000abcd/synchronization/jobs');
    await telemetry.close();
    const requests = ingestion.posts.flatMap((p) => p.envelopes).map((e) => e.data.baseData.properties.request);
    expect(requests).toEqual(['GET /users/{id}/memberOf', 'GET /servicePrincipals/{id}/synchronization/jobs']);
  });
});

describe('batching and retries', () => {
  const events = (n: number) => {
    for (let i = 1; i <= n; i++) trackEvent('turn', { activityType: 'message', graphRoundTrips: i });
  };

  it('sends full batches at once and the rest when it is time', async () => {
    const telemetry = exporter({ maxBatch: 2, flushMs: 20 });
    setTelemetrySink(telemetry);
    events(5);
    await ingestion.received(3); // 2 + 2 at once, the last one by the timer
    expect(ingestion.posts.map((p) => p.envelopes.map((e) => e.data.baseData.measurements.graphRoundTrips))).toEqual([[1, 2], [3, 4], [5]]);
    await telemetry.close();
  });

  it('keeps what the service asks to be sent again (503, or 429 for one item of a 206) and drops what it rejects', async () => {
    const telemetry = exporter({ maxBatch: 10, flushMs: 60_000 });
    setTelemetrySink(telemetry);
    ingestion.answers.push({ status: 503 });
    ingestion.answers.push({ status: 206, body: { itemsReceived: 3, itemsAccepted: 1, errors: [{ index: 0, statusCode: 400 }, { index: 2, statusCode: 429 }] } });
    events(3);
    await telemetry.flush(); // 503: all three kept
    await telemetry.flush(); // 206: the first rejected for good, the third kept
    await telemetry.flush(); // 200
    const sent = ingestion.posts.map((p) => p.envelopes.map((e) => e.data.baseData.measurements.graphRoundTrips));
    expect(sent).toEqual([[1, 2, 3], [1, 2, 3], [3]]);
    await telemetry.close();
    expect(ingestion.posts).toHaveLength(3);
  });

  it('never keeps more than its limit waiting (oldest dropped first)', async () => {
    const telemetry = exporter({ maxBatch: 100, maxQueue: 3, flushMs: 60_000 });
    setTelemetrySink(telemetry);
    events(5);
    await telemetry.close();
    expect(ingestion.posts.map((p) => p.envelopes.map((e) => e.data.baseData.measurements.graphRoundTrips))).toEqual([[3, 4, 5]]);
  });
});
