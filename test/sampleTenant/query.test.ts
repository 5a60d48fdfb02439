import { SAMPLE, type SampleTenant } from '../../src/sampleTenant';
import { call, get, q, start } from './helpers';

let tenant: SampleTenant;
beforeAll(async () => {
  tenant = await start();
});
afterAll(() => tenant.close());

const names = (r: { body: { value: { displayName: string }[] } }) => r.body.value.map((x) => x.displayName).sort();
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

describe('resolving what the admin typed to a group ($filter)', () => {
  it('"Marketing" matches two groups by name (ambiguous)', async () => {
    const v = 'Marketing';
    const res = await get(tenant, 'groups', '/groups' + q({ $filter: `displayName eq ${lit(v)} or mail eq ${lit(v)} or mailNickname eq ${lit(v)}`, $select: 'id,displayName,mail', $top: 10 }));
    expect(res.status).toBe(200);
    expect(res.body.value.map((g: { id: string }) => g.id).sort()).toEqual([SAMPLE.groups.marketingCloud.id, SAMPLE.groups.marketingSynced.id].sort());
  });

  it("a name with an apostrophe (Sales O'Brien) is found when the quote is doubled", async () => {
    const res = await get(tenant, 'groups', '/groups' + q({ $filter: `displayName eq ${lit("Sales O'Brien")}`, $select: 'id,displayName', $top: 10 }));
    expect(res.body.value).toEqual([{ id: SAMPLE.groups.apostrophe.id, displayName: "Sales O'Brien" }]);
  });

  it('an undoubled quote is a syntax error, as in Graph', async () => {
    const res = await get(tenant, 'groups', '/groups' + q({ $filter: "displayName eq 'Sales O'Brien'" }));
    expect(res.status).toBe(400);
  });

  it('Norwegian letters survive percent-encoding, and eq is case-insensitive', async () => {
    const res = await get(tenant, 'groups', '/groups' + q({ $filter: "displayName eq 'økonomi bærum'", $select: 'id,displayName' }));
    expect(res.body.value).toEqual([{ id: SAMPLE.groups.norwegian.id, displayName: 'Økonomi Bærum' }]);
  });

  it('startswith finds groups by prefix; lookup by mail works', async () => {
    const res = await get(tenant, 'groups', '/groups' + q({ $filter: "startswith(displayName,'Lisens')", $select: 'id,displayName', $top: 10 }));
    expect(names(res)).toEqual(['Lisens E3 Ansatte', 'Lisens Power BI Pro', 'Lisens Visio']);
    const byMail = await get(tenant, 'groups', '/groups' + q({ $filter: "mail eq 'innkjop.bergen@contoso.no'", $select: 'displayName' }));
    expect(names(byMail)).toEqual(['Innkjøp Bergen']);
  });

  it('eq null, and, not-free boolean logic and any() lambdas evaluate like OData', async () => {
    const cloudUnified = await get(tenant, 'ga', '/groups' + q({ $filter: "onPremisesSyncEnabled eq null and groupTypes/any(c:c eq 'Unified')", $select: 'displayName' }));
    expect(names(cloudUnified)).toEqual(['Marketing']);
    const dynamic = await get(tenant, 'ga', '/groups' + q({ $filter: "groupTypes/any(x:x eq 'DynamicMembership') and (membershipRuleProcessingState eq 'Paused')", $select: 'displayName' }));
    expect(names(dynamic)).toEqual(['Salg (dynamisk)']);
  });

  it('ne / not / endswith / $count / $orderby need ConsistencyLevel: eventual (and $count=true), else 400 Request_UnsupportedQuery', async () => {
    const filter = "not(onPremisesSyncEnabled eq true) and startswith(displayName,'Lisens')";
    const plain = await get(tenant, 'ga', '/groups' + q({ $filter: filter, $select: 'displayName' }));
    expect(plain.status).toBe(400);
    expect(plain.body.error.code).toBe('Request_UnsupportedQuery');
    const noCount = await get(tenant, 'ga', '/groups' + q({ $filter: filter, $select: 'displayName' }), { ConsistencyLevel: 'eventual' });
    expect(noCount.status).toBe(400);
    const advanced = await get(tenant, 'ga', '/groups' + q({ $filter: filter, $select: 'displayName', $count: 'true' }), { ConsistencyLevel: 'eventual' });
    expect(advanced.status).toBe(200);
    expect(advanced.body['@odata.count']).toBe(2);
    expect(names(advanced)).toEqual(['Lisens Power BI Pro', 'Lisens Visio']);
    const endsWith = await get(tenant, 'ga', '/groups' + q({ $filter: "endswith(mail,'@contoso.no')", $count: 'true' }));
    expect(endsWith.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('an unknown property in $filter is rejected', async () => {
    const res = await get(tenant, 'ga', '/groups' + q({ $filter: "displayNme eq 'x'" }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'displayNme'");
  });

  it('service principals: the same display name twice, and startswith', async () => {
    const dup = await get(tenant, 'appadmin', '/servicePrincipals' + q({ $filter: "displayName eq 'Atlassian Cloud'", $select: 'id,appId,displayName', $top: 10 }));
    expect(dup.body.value).toHaveLength(2);
    const sw = await get(tenant, 'appadmin', '/servicePrincipals' + q({ $filter: "startswith(displayName,'sales')", $select: 'id,displayName', $top: 10 }));
    expect(sw.body.value).toEqual([{ id: SAMPLE.apps.scoped.id, displayName: 'Salesforce' }]);
  });
});

describe('provisioning logs (nested paths, ordering, paging)', () => {
  const sp = SAMPLE.apps.syncAllLikely;

  it('filters on servicePrincipal/id, answers newest first and pages with an absolute nextLink carrying $skiptoken', async () => {
    const first = await get(tenant, 'appadmin', '/auditLogs/provisioning' + q({ $filter: `servicePrincipal/id eq '${sp.id}'`, $top: 50 }));
    expect(first.status).toBe(200);
    expect(first.body['@odata.context']).toBe(`${tenant.url}/v1.0/$metadata#auditLogs/provisioning`);
    expect(first.body.value).toHaveLength(50);
    const times = first.body.value.map((l: { activityDateTime: string }) => l.activityDateTime);
    expect([...times].sort().reverse()).toEqual(times);
    const next: string = first.body['@odata.nextLink'];
    expect(next.startsWith(`${tenant.url}/v1.0/auditLogs/provisioning?`)).toBe(true);
    expect(next).toContain('$skiptoken=');
    const second = await get(tenant, 'appadmin', next);
    expect(second.body.value).toHaveLength(10);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    const skipped = [...first.body.value, ...second.body.value].filter((l: { provisioningStatusInfo: { status: string } }) => l.provisioningStatusInfo.status === 'skipped');
    expect(skipped).toHaveLength(59);
  });

  it('narrows to one user with sourceIdentity/id and accepts $orderby=activityDateTime desc', async () => {
    const app = SAMPLE.apps.scoped;
    const u = SAMPLE.users.scopedOut;
    const res = await get(tenant, 'appadmin', '/auditLogs/provisioning' + q({ $filter: `servicePrincipal/id eq '${app.id}' and sourceIdentity/id eq '${u.id}'`, $top: 50, $orderby: 'activityDateTime desc' }));
    expect(res.body.value).toHaveLength(2);
    const log = res.body.value[0];
    expect(log.provisioningStatusInfo).toEqual(expect.objectContaining({ status: 'skipped', errorInformation: expect.objectContaining({ errorCode: 'EntrySynchronizationSkipped' }) }));
    const scoping = log.provisioningSteps.find((s: { provisioningStepType: string }) => s.provisioningStepType === 'scoping');
    expect(scoping.description).toContain('department');
  });

  it('shows a DuplicateTargetEntries failure for Emma', async () => {
    const res = await get(tenant, 'ga', '/auditLogs/provisioning' + q({ $filter: `sourceIdentity/id eq '${SAMPLE.users.duplicateTarget.id}' and provisioningStatusInfo/status eq 'failure'`, $top: 5 }));
    expect(res.body.value[0].provisioningStatusInfo.errorInformation.errorCode).toBe('DuplicateTargetEntries');
  });

  it('$top outside 1..999 is rejected', async () => {
    const res = await call(tenant, 'ga', '/groups' + q({ $top: 1000 }));
    expect(res.status).toBe(400);
  });
});

describe('directory search ($search with ConsistencyLevel: eventual), as Graph does it', () => {
  const search = (expr: string) =>
    get(tenant, 'groups', '/groups' + q({ $search: expr, $select: 'id,displayName', $count: 'true' }), { ConsistencyLevel: 'eventual' });

  it('matches each typed word against the start of a word of the name, in any order and any case', async () => {
    expect(names(await search('"displayName:oslo salg"'))).toEqual(['Salg Oslo']);
    expect(names(await search('"displayName:SALGS"'))).toEqual(['E3 Salgsteam']);
  });

  it('does not match inside a word ("alg" is not the start of "Salg")', async () => {
    expect(names(await search('"displayName:alg oslo"'))).toEqual([]);
  });

  it('joins terms with OR (either) and AND (both)', async () => {
    expect(names(await search('"displayName:visio" OR "displayName:fjord"'))).toEqual(['Lisens Visio', 'Prosjekt Fjord']);
    expect(names(await search('"displayName:lisens" AND "displayName:visio"'))).toEqual(['Lisens Visio']);
  });

  it('is refused without ConsistencyLevel: eventual, and without "property:value" terms', async () => {
    expect((await get(tenant, 'groups', '/groups' + q({ $search: '"displayName:oslo"', $count: 'true' }))).status).toBe(400);
    expect((await search('oslo')).status).toBe(400);
  });
});
