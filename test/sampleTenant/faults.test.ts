import { SAMPLE, type SampleTenant } from '../../src/sampleTenant';
import { get, start } from './helpers';

let tenant: SampleTenant;
beforeEach(async () => {
  tenant = await start();
});
afterEach(() => tenant.close());

/** Resolves once the server has logged `n` requests (no timers: yields to the event loop). */
async function untilLogged(n: number): Promise<void> {
  while (tenant.requests.length < n) await new Promise((r) => setImmediate(r));
}

describe('fault injection for the Graph layer’s retry and time-out handling', () => {
  it('a 429 fault answers with Retry-After the given number of times, then the request succeeds', async () => {
    tenant.faults.add({ match: /\/organization/, status: 429, retryAfterSeconds: 3, times: 2 });
    const a = await get(tenant, 'ga', '/organization?$select=id');
    const b = await get(tenant, 'ga', '/organization?$select=id');
    const c = await get(tenant, 'ga', '/organization?$select=id');
    expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
    expect(a.headers.get('retry-after')).toBe('3');
    expect(a.body.error.code).toBe('TooManyRequests');
    expect(a.body.error.innerError['request-id']).toEqual(expect.any(String));
    expect(tenant.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('500 and 503 faults match on path and query; other requests are untouched; clear() removes them', async () => {
    tenant.faults.add({ match: '$filter=displayName eq', status: 503, retryAfterSeconds: 10 });
    tenant.faults.add({ match: '/subscribedSkus', status: 500 });
    const filtered = await get(tenant, 'ga', "/groups?$filter=displayName%20eq%20'IT%20Drift'");
    expect(filtered.status).toBe(503);
    expect(filtered.headers.get('retry-after')).toBe('10');
    expect((await get(tenant, 'ga', '/subscribedSkus')).status).toBe(500);
    expect((await get(tenant, 'ga', `/groups/${SAMPLE.groups.cloudSecurity.id}`)).status).toBe(200);
    tenant.faults.clear();
    expect((await get(tenant, 'ga', "/groups?$filter=displayName%20eq%20'IT%20Drift'")).status).toBe(200);
  });

  it('a delayed answer lets the client time out, and close() does not wait for the pending delay', async () => {
    tenant.faults.add({ match: '/me', delayMs: 10 * 60_000 });
    const controller = new AbortController();
    const pending = get(tenant, 'ga', '/me?$select=id', undefined as never);
    const aborted = fetch(`${tenant.url}/v1.0/me?$select=id`, { headers: { Authorization: 'Bearer ga' }, signal: controller.signal });
    await untilLogged(2);
    controller.abort();
    await expect(aborted).rejects.toThrow();
    await tenant.close();
    await expect(pending).rejects.toThrow();
  });

  it('a short delay with a status answers late with that status', async () => {
    tenant.faults.add({ match: '/me', delayMs: 20, status: 500, times: 1 });
    const res = await get(tenant, 'ga', '/me?$select=id');
    expect(res.status).toBe(500);
  });

  it('latencyMs delays every round trip (benchmark mode) and still answers', async () => {
    await tenant.close();
    tenant = await start({ latencyMs: 15 });
    const t0 = performance.now();
    const res = await get(tenant, 'ga', '/me?$select=id');
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(14);
  });
});
