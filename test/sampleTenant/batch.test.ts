import { SAMPLE, type SampleTenant } from '../../src/sampleTenant';
import { call, start } from './helpers';

let tenant: SampleTenant;
beforeEach(async () => {
  tenant = await start();
});
afterEach(() => tenant.close());

const batch = (persona: string, requests: unknown[]) => call(tenant, persona, '/$batch', { method: 'POST', body: { requests } });

describe('one $batch per dialog step (docs/architecture.md, "How a live check flows")', () => {
  it('answers each sub-request with its own status, headers and body, and counts as one round trip', async () => {
    const g = SAMPLE.groups.synced;
    const res = await batch('groups', [
      { id: 'roles', method: 'GET', url: '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id,displayName,roleTemplateId&$count=true', headers: { ConsistencyLevel: 'eventual' } },
      { id: 'owned', method: 'GET', url: '/me/ownedObjects/microsoft.graph.group?$select=id&$top=999' },
      { id: 'group', method: 'GET', url: `/groups?$filter=displayName%20eq%20'Sales%20O''Brien'&$select=id,displayName&$top=10` },
      { id: 'byId', method: 'GET', url: `groups/${g.id}?$select=id,onPremisesSyncEnabled` },
      { id: 'org', method: 'GET', url: '/organization?$select=id,onPremisesSyncEnabled,onPremisesLastSyncDateTime' },
      { id: 'skus', method: 'GET', url: '/subscribedSkus?$select=skuId,skuPartNumber,consumedUnits,prepaidUnits' },
      { id: 'sync', method: 'GET', url: '/directory/onPremisesSynchronization' },
    ]);
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(by.roles.status).toBe(200);
    expect(by.roles.headers['Content-Type']).toMatch(/^application\/json/);
    expect(by.group.body.value).toEqual([{ id: SAMPLE.groups.apostrophe.id, displayName: "Sales O'Brien" }]);
    expect(by.byId.body).toEqual(expect.objectContaining({ id: g.id, onPremisesSyncEnabled: true }));
    expect(by.skus.status).toBe(200);
    // A Groups Administrator can't read the tenant sync features: that one item is 403, the rest still answer.
    expect(by.sync.status).toBe(403);
    expect(by.sync.body.error.code).toBe('Authorization_RequestDenied');

    expect(tenant.requests).toHaveLength(1);
    expect(tenant.requests[0]).toEqual(expect.objectContaining({ method: 'POST', path: '/v1.0/$batch', persona: 'groups', status: 200 }));
    expect(tenant.requests[0].subRequests!.map((s) => [s.id, s.status])).toEqual([
      ['roles', 200], ['owned', 200], ['group', 200], ['byId', 200], ['org', 200], ['skus', 200], ['sync', 403],
    ]);
  });

  it('honours dependsOn: a failed dependency gives 424 to the requests that depend on it', async () => {
    const res = await batch('ga', [
      { id: '1', method: 'GET', url: '/groups/00000000-0000-4000-8000-000000000000' },
      { id: '2', method: 'GET', url: '/me?$select=id', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/me?$select=id', dependsOn: ['2'] },
      { id: '4', method: 'GET', url: '/me?$select=id' },
    ]);
    const status = Object.fromEntries(res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(status).toEqual({ '1': 404, '2': 424, '3': 424, '4': 200 });
  });

  it('a throttled sub-request carries its own Retry-After header; the others succeed', async () => {
    tenant.faults.add({ match: '/auditLogs/provisioning', status: 429, retryAfterSeconds: 7, times: 1 });
    const sp = SAMPLE.apps.scoped;
    const res = await batch('appadmin', [
      { id: 'jobs', method: 'GET', url: `/servicePrincipals/${sp.id}/synchronization/jobs` },
      { id: 'logs', method: 'GET', url: `/auditLogs/provisioning?$filter=servicePrincipal/id eq '${sp.id}'&$top=50` },
    ]);
    const by = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(by.jobs.status).toBe(200);
    expect(by.logs.status).toBe(429);
    expect(by.logs.headers['Retry-After']).toBe('7');
    expect(by.logs.body.error.code).toBe('TooManyRequests');
    // The fault was used up: retrying the item succeeds.
    const retry = await batch('appadmin', [{ id: 'logs', method: 'GET', url: `/auditLogs/provisioning?$filter=servicePrincipal/id eq '${sp.id}'&$top=50` }]);
    expect(retry.body.responses[0].status).toBe(200);
  });

  it('more than 20 requests, duplicate ids or absolute urls are a 400 for the whole batch', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    const tooMany = await batch('ga', many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('BadRequest');
    expect((await batch('ga', many.slice(0, 20))).status).toBe(200);
    expect((await batch('ga', [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }])).status).toBe(400);
    expect((await batch('ga', [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }])).status).toBe(400);
  });

  it('answers a "/v1.0/…" part 400, as Graph does (what the Graph JS client’s BatchRequestContent makes of absolute URLs); the other parts still answer', async () => {
    const res = await batch('ga', [
      { id: '1', method: 'GET', url: '/v1.0/me?$select=id' },
      { id: '2', method: 'GET', url: '/me?$select=id' },
      { id: '3', method: 'GET', url: '/beta/me?$select=id' },
    ]);
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(by['1']).toEqual(expect.objectContaining({ status: 400, body: { error: expect.objectContaining({ code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." }) } }));
    expect(by['2']).toEqual(expect.objectContaining({ status: 200, body: expect.objectContaining({ id: SAMPLE.personas.ga.id }) }));
    expect(by['3'].status).toBe(400);
  });

  it('sub-requests are authorised individually with the batch token; no token means 401 for the batch', async () => {
    const res = await batch('helpdesk', [
      { id: 'groups', method: 'GET', url: '/groups?$select=id&$top=1' },
      { id: 'skus', method: 'GET', url: '/subscribedSkus' },
    ]);
    expect(res.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 403]);
    const anon = await call(tenant, null, '/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } });
    expect(anon.status).toBe(401);
  });

  it('a sub-request with ConsistencyLevel in its own headers may use advanced queries', async () => {
    const res = await batch('ga', [
      { id: 'a', method: 'GET', url: "/groups?$filter=endswith(mail,'@contoso.no')&$count=true&$select=id", headers: { ConsistencyLevel: 'eventual' } },
      { id: 'b', method: 'GET', url: "/groups?$filter=endswith(mail,'@contoso.no')&$count=true&$select=id" },
    ]);
    expect(res.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 400]);
    expect(res.body.responses[0].body['@odata.count']).toBeGreaterThan(0);
  });
});
