/**
 * Support traces: every Graph request carries a client-request-id, and a failure is reported (log line, Failed,
 * the "couldn't check" finding) with Graph's request-id and that client-request-id, as Microsoft support asks.
 */
import { createGraphClient } from '../../src/graph/client';
import { graphUnavailableFinding } from '../../src/diagnostics/unchecked';
import { startSampleTenant, type SampleTenant } from '../../src/sampleTenant';
import { startLoopback } from './helpers/loopback';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function captureWarnings(): { lines: () => Record<string, unknown>[]; restore: () => void } {
  const previous = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'warn';
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  return {
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => {
      spy.mockRestore();
      process.env.LOG_LEVEL = previous;
    },
  };
}

describe('Graph requests an admin can trace with Microsoft support', () => {
  let tenant: SampleTenant;
  beforeAll(async () => {
    tenant = await startSampleTenant();
  });
  afterAll(() => tenant.close());
  afterEach(() => tenant.faults.clear());

  it('sends a fresh client-request-id GUID on every request, also for a $batch', async () => {
    const server = await startLoopback(() => ({ status: 200, body: { responses: [{ id: '1', status: 200, body: {} }] } }));
    try {
      const api = createGraphClient({ accessToken: 'persona-ga', baseUrl: server.url });
      await api.get('/organization');
      await api.get('/organization');
      await api.batch([{ id: '1', method: 'GET', url: '/me' }]);
      const ids = server.requests.map((r) => String(r.headers['client-request-id']));
      expect(ids).toHaveLength(3);
      for (const id of ids) expect(id).toMatch(GUID);
      expect(new Set(ids).size).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('when Graph answers 503, the log line and the "couldn\'t check" finding carry request-id and client-request-id', async () => {
    tenant.faults.add({ match: '/v1.0/organization', status: 503, times: 10 });
    const api = createGraphClient({ accessToken: 'ga', baseUrl: tenant.url, maxRetries: 0 });
    const log = captureWarnings();
    let failed;
    try {
      failed = await api.get('/organization?$select=id');
    } finally {
      log.restore();
    }
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.requestId).toMatch(GUID);
    expect(failed.clientRequestId).toMatch(GUID);
    expect(failed.requestId).not.toBe(failed.clientRequestId);
    const line = log.lines().find((l) => l.msg === 'graph request failed');
    expect(line).toMatchObject({ request: 'GET /organization', status: 503, requestId: failed.requestId, clientRequestId: failed.clientRequestId });

    const finding = graphUnavailableFinding('tenant.unavailable', failed, { key: 'diag.unavailable.title', params: {} });
    expect(finding.evidence).toMatchObject({ 'request-id': failed.requestId, 'client-request-id': failed.clientRequestId });
  });

  it('a failed part of a $batch is logged with the $batch request\'s ids', async () => {
    const api = createGraphClient({ accessToken: 'helpdesk', baseUrl: tenant.url, maxRetries: 0 });
    const log = captureWarnings();
    let out;
    try {
      out = await api.batch([{ id: 'jobs', method: 'GET', url: '/servicePrincipals/does-not-exist/synchronization/jobs' }]);
    } finally {
      log.restore();
    }
    const sub = out.get('jobs')!;
    expect(sub.status).toBeGreaterThanOrEqual(400);
    expect(sub.headers['client-request-id']).toMatch(GUID);
    const line = log.lines().find((l) => String(l.request).endsWith('(in $batch)'));
    expect(line).toMatchObject({ status: sub.status, clientRequestId: sub.headers['client-request-id'] });
    expect(line?.requestId).toEqual(expect.any(String));
  });

  it('a request that never got an answer still names its client-request-id', async () => {
    const server = await startLoopback(() => undefined);
    const api = createGraphClient({ accessToken: 'ga', baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    const log = captureWarnings();
    try {
      const part = await api.get('/organization');
      expect(part.ok).toBe(false);
      if (!part.ok) {
        expect(part.code).toBe('timeout');
        expect(part.clientRequestId).toBe(server.requests[0].headers['client-request-id']);
      }
      expect(log.lines().find((l) => l.msg === 'graph request failed')).toMatchObject({ code: 'timeout', requestId: null });
    } finally {
      log.restore();
      await server.close();
    }
  });
});
