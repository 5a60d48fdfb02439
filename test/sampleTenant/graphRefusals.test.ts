/**
 * The sample tenant refuses what Microsoft Graph v1.0 refuses, so a request real Graph would reject can't pass
 * our tests. Each refusal has the error shape Graph uses ({ error: { code, message, innerError } }).
 * Sources: https://learn.microsoft.com/graph/aad-advanced-queries, user-list-memberof, json-batching, and the
 * v1.0 $metadata (src/sampleTenant/graphRules.json, generated from tools/graph-conformance).
 */
import { SAMPLE, type SampleTenant } from '../../src/sampleTenant';
import { call, EVENTUAL, get, q, start, type Res } from './helpers';

let tenant: SampleTenant;
beforeAll(async () => {
  tenant = await start();
});
afterAll(() => tenant.close());

function expectGraphError(res: Res, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String), innerError: expect.objectContaining({ 'request-id': expect.any(String), date: expect.any(String) }) } });
}

const ids = (res: Res): string[] => res.body.value.map((x: { id: string }) => x.id);
const anna = SAMPLE.users.nestedOnly;
const kristin = SAMPLE.users.renamedMail;

describe('OData casts on memberOf / transitiveMemberOf need ConsistencyLevel: eventual and $count=true', () => {
  const roles = '/me/transitiveMemberOf/microsoft.graph.directoryRole';

  it("the caller's roles without the header are 400 Request_UnsupportedQuery", async () => {
    expectGraphError(await get(tenant, 'groups', roles + q({ $select: 'id,roleTemplateId' })), 400, 'Request_UnsupportedQuery');
  });

  it('the header without $count=true is refused too; with both the roles come back, counted', async () => {
    expectGraphError(await get(tenant, 'groups', roles + q({ $select: 'id,roleTemplateId' }), EVENTUAL), 400, 'Request_UnsupportedQuery');
    const ok = await get(tenant, 'groups', roles + q({ $select: 'id,roleTemplateId', $count: 'true' }), EVENTUAL);
    expect(ok.status).toBe(200);
    expect(ok.body['@odata.count']).toBe(ok.body.value.length);
  });

  it("a user's direct and transitive groups as casts: refused without, answered with", async () => {
    for (const rel of ['memberOf', 'transitiveMemberOf']) {
      const path = `/users/${anna.id}/${rel}/microsoft.graph.group`;
      expectGraphError(await get(tenant, 'appadmin', path + q({ $select: 'id' })), 400, 'Request_UnsupportedQuery');
      expect((await get(tenant, 'appadmin', path + q({ $select: 'id', $count: 'true' }), EVENTUAL)).status).toBe(200);
    }
  });

  it('$filter on memberOf is an advanced query even without a cast; the plain list is not', async () => {
    const path = `/users/${anna.id}/memberOf`;
    expect((await get(tenant, 'appadmin', path + q({ $select: 'id' }))).status).toBe(200);
    expectGraphError(await get(tenant, 'appadmin', path + q({ $filter: "startswith(displayName,'Salg')", $select: 'id' })), 400, 'Request_UnsupportedQuery');
  });

  it('in a $batch the header must be on the part: the envelope header does not apply to the parts', async () => {
    const url = `${roles}?$select=id&$count=true`;
    const res = await call(tenant, 'groups', '/$batch', {
      method: 'POST',
      headers: EVENTUAL,
      body: { requests: [{ id: 'bare', method: 'GET', url }, { id: 'own', method: 'GET', url, headers: EVENTUAL }] },
    });
    const by = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(by.bare.status).toBe(400);
    expect(by.bare.body.error.code).toBe('Request_UnsupportedQuery');
    expect(by.own.status).toBe(200);
  });
});

describe('only properties Graph v1.0 declares', () => {
  it('an unknown or beta-only property in $select is 400, on one object and on a list', async () => {
    expectGraphError(await get(tenant, 'ga', `/groups/${SAMPLE.groups.synced.id}` + q({ $select: 'id,writebackConfiguration' })), 400, 'Request_BadRequest');
    expectGraphError(await get(tenant, 'ga', '/users' + q({ $select: 'id,displayname2' })), 400, 'Request_BadRequest');
    expect((await get(tenant, 'ga', `/groups/${SAMPLE.groups.synced.id}` + q({ $select: 'id,onPremisesSamAccountName' }))).status).toBe(200);
  });

  it('a v1.0 property the sample data never fills is still selectable (null), like Graph', async () => {
    const res = await get(tenant, 'ga', `/users/${anna.id}` + q({ $select: 'id,faxNumber,employeeOrgData' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: anna.id, employeeOrgData: null });
  });

  it('an unknown property in $filter or $orderby is 400', async () => {
    expectGraphError(await get(tenant, 'ga', '/servicePrincipals' + q({ $filter: "appDisplayNamez eq 'x'" })), 400, 'Request_BadRequest');
    expectGraphError(await get(tenant, 'ga', '/groups' + q({ $orderby: 'nameOfGroup' }), EVENTUAL), 400, 'Request_BadRequest');
  });
});

describe("Learn's per-property filter tables", () => {
  it('companyName eq on users is an advanced query: 400 without ConsistencyLevel and $count', async () => {
    const filter = "companyName eq 'Contoso Nordic AS'";
    expectGraphError(await get(tenant, 'ga', '/users' + q({ $filter: filter, $select: 'id' })), 400, 'Request_UnsupportedQuery');
    const ok = await get(tenant, 'ga', '/users' + q({ $filter: filter, $select: 'id', $count: 'true' }), EVENTUAL);
    expect(ok.status).toBe(200);
    expect(ok.body['@odata.count']).toBeGreaterThan(10);
  });

  it('a user property the table does not list as filterable is refused outright', async () => {
    expectGraphError(await get(tenant, 'ga', '/users' + q({ $filter: "faxNumber eq '+47 22 00 00 00'", $select: 'id', $count: 'true' }), EVENTUAL), 400, 'Request_UnsupportedQuery');
  });

  it('$orderby userPrincipalName is a default query on users; on groups only displayName is, and $filter with $orderby is advanced', async () => {
    expect((await get(tenant, 'ga', '/users' + q({ $orderby: 'userPrincipalName', $select: 'id', $top: 5 }))).status).toBe(200);
    expectGraphError(await get(tenant, 'ga', '/groups' + q({ $orderby: 'createdDateTime', $select: 'id' })), 400, 'Request_UnsupportedQuery');
    expectGraphError(await get(tenant, 'ga', '/groups' + q({ $filter: "startswith(displayName,'Lisens')", $orderby: 'displayName', $select: 'id' })), 400, 'Request_UnsupportedQuery');
  });

  it('hasMembersWithLicenseErrors filters fine without advanced query parameters and fails WITH ConsistencyLevel: eventual', async () => {
    const query = q({ $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id' });
    const plain = await get(tenant, 'ga', '/groups' + query);
    expect(plain.status).toBe(200);
    expect(ids(plain)).toContain(SAMPLE.groups.licensedSynced.id);
    expectGraphError(await get(tenant, 'ga', '/groups' + q({ $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id', $count: 'true' }), EVENTUAL), 400, 'Request_UnsupportedQuery');
  });
});

describe('users are keyed by object id or userPrincipalName only', () => {
  it('/users/{mail} of a user whose mail is not her UPN is 404 Request_ResourceNotFound; her UPN and id work', async () => {
    expectGraphError(await get(tenant, 'appadmin', `/users/${kristin.mail}` + q({ $select: 'id' })), 404, 'Request_ResourceNotFound');
    expect((await get(tenant, 'appadmin', `/users/${kristin.userPrincipalName}` + q({ $select: 'id' }))).body.id).toBe(kristin.id);
    expect((await get(tenant, 'appadmin', `/users/${kristin.id}` + q({ $select: 'id' }))).body.id).toBe(kristin.id);
  });

  it('a display name as the key is 404 too', async () => {
    expectGraphError(await get(tenant, 'appadmin', `/users/${encodeURIComponent(anna.displayName)}`), 404, 'Request_ResourceNotFound');
  });

  it('$filter finds her by mail, by an alias in proxyAddresses and by otherMails', async () => {
    for (const filter of [`mail eq '${kristin.mail}'`, `proxyAddresses/any(p:p eq 'smtp:${kristin.userPrincipalName}')`, `otherMails/any(m:m eq '${kristin.otherMail}')`]) {
      const res = await get(tenant, 'appadmin', '/users' + q({ $filter: filter, $select: 'id,userPrincipalName,mail' }));
      expect(res.status).toBe(200);
      expect(res.body.value).toEqual([{ id: kristin.id, userPrincipalName: kristin.userPrincipalName, mail: kristin.mail }]);
    }
  });
});

describe('$batch part URLs are relative to the endpoint version', () => {
  it('a "/v1.0/…" part is 400 "Resource not found for the segment \'v1.0\'"; the rest of the batch answers', async () => {
    const res = await call(tenant, 'ga', '/$batch', {
      method: 'POST',
      body: { requests: [{ id: 'prefixed', method: 'GET', url: '/v1.0/organization?$select=id' }, { id: 'plain', method: 'GET', url: '/organization?$select=id' }] },
    });
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(by.prefixed.status).toBe(400);
    expect(by.prefixed.body.error).toMatchObject({ code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." });
    expect(by.plain.status).toBe(200);
  });
});
