import { fixedClock } from '../../src/clock';
import { createGraphClient, type GraphApi } from '../../src/graph/client';
import { SP_SELECT, USER_SELECT, pickMainJob, resolveApp } from '../../src/graph/appSnapshot';
import { provisionOnDemand, restartJob } from '../../src/graph/actions';
import { ROLE } from '../../src/diagnostics/roles';
import type { SynchronizationJob } from '../../src/diagnostics/snapshot';
import { applyFilter, collection, denied, type FakeGraph, type Route, startFakeGraph } from './helpers/fakeGraph';

const clock = fixedClock('2025-03-04T10:00:00Z');

const SLACK = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  appId: 'bbbbbbbb-0000-4000-8000-000000000001',
  displayName: 'Slack',
  appRoleAssignmentRequired: true,
  appRoles: [{ id: 'role-user', displayName: 'User', value: 'user', isEnabled: true, allowedMemberTypes: ['User'] }],
  tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
};
const HR_PORTAL = { id: 'aaaaaaaa-0000-4000-8000-000000000002', appId: 'bbbbbbbb-0000-4000-8000-000000000002', displayName: 'Contoso HR Portal' };
const ZENDESK_A = { id: 'aaaaaaaa-0000-4000-8000-000000000003', appId: 'bbbbbbbb-0000-4000-8000-000000000003', displayName: 'Zendesk' };
const ZENDESK_B = { id: 'aaaaaaaa-0000-4000-8000-000000000004', appId: 'bbbbbbbb-0000-4000-8000-000000000004', displayName: 'Zendesk' };
const SERVICE_PRINCIPALS = [SLACK, HR_PORTAL, ZENDESK_A, ZENDESK_B];
const APPLICATIONS = [
  { id: 'cccccccc-0000-4000-8000-000000000009', appId: 'dddddddd-0000-4000-8000-000000000009', displayName: 'Internal Payroll API' },
];

const CONOR = {
  id: 'eeeeeeee-0000-4000-8000-000000000001',
  displayName: "Conor O'Neil",
  userPrincipalName: "conor.o'neil@contoso.com",
  mail: "conor.o'neil@contoso.com",
  department: 'Sales',
  accountEnabled: true,
};
/** A guest: the address the admin knows is only the mail; the UPN is the #EXT# form. */
const GUEST = {
  id: 'eeeeeeee-0000-4000-8000-000000000002',
  displayName: 'Sam Partner',
  userPrincipalName: 'sam_fabrikam.com#EXT#@contoso.onmicrosoft.com',
  mail: 'sam@fabrikam.com',
  department: 'Sales',
  accountEnabled: true,
};
const USERS = [CONOR, GUEST];
const SALES_GROUP = 'ffffffff-0000-4000-8000-000000000001';
const NESTED_PARENT = 'ffffffff-0000-4000-8000-000000000002';

const JOBS: SynchronizationJob[] = [
  { id: 'Other.x', templateId: 'SomethingElse', status: { code: 'NotRun' } },
  { id: 'slack.e4b4.main', templateId: 'slack', schedule: { state: 'Active', interval: 'PT40M' }, status: { code: 'Active' } },
];
const TEMPLATES = [{ id: 'slack', factoryTag: 'slack', default: true }];
const SCHEMA = {
  synchronizationRules: [
    {
      id: 'rule-1',
      objectMappings: [
        {
          enabled: true,
          sourceObjectName: 'User',
          targetObjectName: 'User',
          scope: { groups: [{ clauses: [{ operatorName: 'EQUALS', sourceOperandName: 'department', targetOperand: { values: ['Sales'] } }] }] },
        },
      ],
    },
  ],
};
const LOGS = [
  { id: 'log-old', activityDateTime: '2025-03-01T08:00:00Z', provisioningStatusInfo: { status: 'skipped' } },
  { id: 'log-new', activityDateTime: '2025-03-03T08:00:00Z', provisioningStatusInfo: { status: 'failure' } },
];

function route(override?: Route): Route {
  return (req) => {
    const o = override?.(req);
    if (o) return o;
    const { path, query } = req;
    if (path === '/me/transitiveMemberOf/microsoft.graph.directoryRole') {
      return collection([{ id: 'r1', displayName: 'Application Administrator', roleTemplateId: ROLE.applicationAdministrator }]);
    }
    if (path === '/servicePrincipals') return collection(applyFilter(SERVICE_PRINCIPALS, query.get('$filter')));
    const byAppId = /^\/servicePrincipals\(appId='(.*)'\)$/.exec(path);
    if (byAppId) {
      const sp = SERVICE_PRINCIPALS.find((s) => s.appId === byAppId[1].replace(/''/g, "'"));
      return sp ? { status: 200, body: sp } : undefined;
    }
    const sp = /^\/servicePrincipals\/([^/]+)(\/.*)?$/.exec(path);
    if (sp) {
      const [, id, rest] = sp;
      if (!rest) {
        const found = SERVICE_PRINCIPALS.find((s) => s.id === id);
        return found ? { status: 200, body: found } : undefined;
      }
      const isSlack = id === SLACK.id;
      if (rest === '/synchronization/jobs') return collection(isSlack ? JOBS : []);
      if (rest === '/synchronization/templates') return collection(isSlack ? TEMPLATES : []);
      if (rest === '/appRoleAssignedTo') return collection(isSlack ? [{ id: 'as1', principalId: SALES_GROUP, principalType: 'Group', appRoleId: 'role-user' }] : []);
      if (rest === `/synchronization/jobs/${JOBS[1].id}/schema` && isSlack) return { status: 200, body: SCHEMA };
      return undefined;
    }
    if (path === '/applications') return collection(applyFilter(APPLICATIONS, query.get('$filter')));
    if (path === '/auditLogs/provisioning') return collection(applyFilter(LOGS.map((l) => ({ ...l, servicePrincipal: { id: SLACK.id }, sourceIdentity: { id: CONOR.id } })), query.get('$filter')));
    if (path === '/users') {
      // The lookup's first clause is `userPrincipalName eq '…'`, the second `mail eq '…'` (the fake evaluates simple forms only).
      const filter = query.get('$filter') ?? '';
      const wanted = /^userPrincipalName eq '((?:[^']|'')*)'/.exec(filter)?.[1].replace(/''/g, "'").toLowerCase();
      return collection(USERS.filter((u) => u.userPrincipalName.toLowerCase() === wanted || u.mail.toLowerCase() === wanted));
    }
    const user = /^\/users\/([^/]+)(\/.*)?$/.exec(path);
    const known = user && USERS.find((u) => u.id === user[1]);
    if (known) {
      if (!user[2]) return { status: 200, body: known };
      if (user[2] === '/memberOf/microsoft.graph.group') return collection([{ id: NESTED_PARENT.replace('2', '3') }]);
      if (user[2] === '/transitiveMemberOf/microsoft.graph.group') return collection([{ id: NESTED_PARENT.replace('2', '3') }, { id: SALES_GROUP }]);
    }
    return undefined;
  };
}

describe('resolveApp: an app diagnosis costs at most 3 Graph round trips', () => {
  let graph: FakeGraph;
  let api: GraphApi;
  let roundTrips: number;
  async function start(override?: Route) {
    graph = await startFakeGraph(route(override));
    roundTrips = 0;
    api = createGraphClient({ accessToken: 'token', baseUrl: graph.url, onRoundTrip: () => roundTrips++, sleep: async () => undefined });
  }
  afterEach(async () => graph?.close());

  it("an Application Administrator asks why Conor O'Neil isn't in Slack: app, user, job, logs and schema in 3 round trips", async () => {
    await start();
    const res = await resolveApp(api, { app: 'slack', user: "conor.o'neil@contoso.com" }, clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    const s = res.snapshot;
    expect(s.fetchedAt).toBe('2025-03-04T10:00:00.000Z');
    expect(s.servicePrincipal).toMatchObject({ id: SLACK.id, appRoleAssignmentRequired: true });
    expect(s.caller.roles).toMatchObject({ ok: true, value: [{ roleTemplateId: ROLE.applicationAdministrator }] });
    expect(s.jobs).toMatchObject({ ok: true, value: [{ id: 'Other.x' }, { id: 'slack.e4b4.main' }] });
    expect(s.templates).toEqual({ ok: true, value: TEMPLATES });
    expect(s.assignments).toMatchObject({ ok: true, value: [{ principalId: SALES_GROUP, principalType: 'Group' }] });
    expect(s.logs).toMatchObject({ ok: true, value: [{ id: 'log-new' }, { id: 'log-old' }] });
    expect(s.schema).toEqual({ ok: true, value: SCHEMA });
    expect(s.user).toMatchObject({
      query: "conor.o'neil@contoso.com",
      user: { ok: true, value: { id: CONOR.id, department: 'Sales' } },
      directGroupIds: { ok: true, value: [expect.any(String)] },
      transitiveGroupIds: { ok: true, value: [expect.any(String), SALES_GROUP] },
    });

    expect(roundTrips).toBe(3);
    expect(graph.requests).toHaveLength(3);
    const userReq = graph.routed.find((r) => r.path === '/users')!;
    expect(userReq.query.get('$select')).toBe(USER_SELECT);
    expect(userReq.query.get('$filter')).toBe(
      "userPrincipalName eq 'conor.o''neil@contoso.com' or mail eq 'conor.o''neil@contoso.com' or otherMails/any(m:m eq 'conor.o''neil@contoso.com') or proxyAddresses/any(p:p eq 'smtp:conor.o''neil@contoso.com')",
    );
    // Group memberships are read by object id, as OData casts with ConsistencyLevel: eventual and $count=true.
    const batches = graph.requests.filter((r) => r.url.endsWith('/$batch')).map((r) => (r.body as { requests: { url: string; headers?: Record<string, string> }[] }).requests);
    const memberOf = batches.flat().filter((r) => /memberOf\/microsoft\.graph\.group/i.test(r.url));
    expect(memberOf.map((r) => r.url.split('?')[0])).toEqual([`/users/${CONOR.id}/memberOf/microsoft.graph.group`, `/users/${CONOR.id}/transitiveMemberOf/microsoft.graph.group`]);
    for (const r of [...memberOf, ...batches.flat().filter((x) => x.url.startsWith('/me/transitiveMemberOf'))]) {
      expect(r.headers).toEqual({ ConsistencyLevel: 'eventual' });
      expect(r.url).toContain('$count=true');
    }
    expect(graph.routed.find((r) => r.path === '/servicePrincipals')!.query.get('$select')).toBe(SP_SELECT);
    const logs = graph.routed.find((r) => r.path === '/auditLogs/provisioning')!;
    expect(logs.query.get('$filter')).toBe(`servicePrincipal/id eq '${SLACK.id}' and sourceIdentity/id eq '${CONOR.id}'`);
    expect(logs.query.get('$top')).toBe('50');
    expect(graph.routed.find((r) => r.path === `/servicePrincipals/${SLACK.id}/appRoleAssignedTo`)!.query.get('$select')).toBe(
      'id,principalId,principalType,principalDisplayName,appRoleId,createdDateTime',
    );
  });

  it('a guest named by their mail is found through $filter (never /users/{mail}), with their groups by object id', async () => {
    await start();
    const res = await resolveApp(api, { app: 'Slack', user: 'SAM@fabrikam.com' }, clock);
    expect(res).toMatchObject({
      kind: 'one',
      snapshot: { user: { query: 'SAM@fabrikam.com', user: { ok: true, value: { id: GUEST.id } }, transitiveGroupIds: { ok: true, value: [expect.any(String), SALES_GROUP] } } },
    });
    expect(graph.routed.some((r) => r.path.startsWith('/users/sam'))).toBe(false);
    expect(roundTrips).toBe(3);
  });

  it('a user named by object id is read as /users/{id}', async () => {
    await start();
    const res = await resolveApp(api, { app: 'Slack', user: CONOR.id.toUpperCase() }, clock);
    expect(res).toMatchObject({ kind: 'one', snapshot: { user: { user: { ok: true, value: { id: CONOR.id } }, directGroupIds: { ok: true } } } });
    expect(graph.routed.some((r) => r.path === `/users/${CONOR.id}`)).toBe(true);
  });

  it('an appId finds the enterprise app through servicePrincipals(appId=…)', async () => {
    await start();
    const res = await resolveApp(api, { app: SLACK.appId }, clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.servicePrincipal.id).toBe(SLACK.id);
    expect(res.snapshot.user).toBeUndefined();
    expect(graph.routed.find((r) => r.path === '/auditLogs/provisioning')!.query.get('$filter')).toBe(`servicePrincipal/id eq '${SLACK.id}'`);
    expect(roundTrips).toBe(3);
  });

  it('a service principal object id works too (what the choice card sends back)', async () => {
    await start();
    const res = await resolveApp(api, { app: ZENDESK_B.id }, clock);
    expect(res).toMatchObject({ kind: 'one', snapshot: { servicePrincipal: { id: ZENDESK_B.id } } });
  });

  it('an app with no provisioning job stops after 2 round trips with no schema', async () => {
    await start();
    const res = await resolveApp(api, { app: 'Contoso HR Portal' }, clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.jobs).toEqual({ ok: true, value: [] });
    expect(res.snapshot.templates).toEqual({ ok: true, value: [] });
    expect(res.snapshot.schema).toBeUndefined();
    expect(roundTrips).toBe(2);
  });

  it('an app that exists only as an app registration says so, in 1 round trip', async () => {
    await start();
    const res = await resolveApp(api, { app: 'Internal Payroll API' }, clock);
    expect(res).toMatchObject({ kind: 'registrationOnly', application: { displayName: 'Internal Payroll API' }, caller: { roles: { ok: true } } });
    expect(roundTrips).toBe(1);
  });

  it('two enterprise apps with the same name give the admin a choice', async () => {
    await start();
    const res = await resolveApp(api, { app: 'Zendesk' }, clock);
    expect(res).toEqual({
      kind: 'many',
      candidates: [
        { id: ZENDESK_A.id, appId: ZENDESK_A.appId, displayName: 'Zendesk' },
        { id: ZENDESK_B.id, appId: ZENDESK_B.appId, displayName: 'Zendesk' },
      ],
    });
    expect(roundTrips).toBe(1);
  });

  it('an app nobody has, nor anything close, gives "none" after one search for close names', async () => {
    await start();
    const res = await resolveApp(api, { app: "Bob's Timesheets" }, clock);
    expect(res).toMatchObject({ kind: 'none', query: "Bob's Timesheets" });
    expect(graph.routed.find((r) => r.path === '/servicePrincipals')!.query.get('$filter')).toBe("displayName eq 'Bob''s Timesheets'");
    expect(graph.routed.find((r) => r.query.has('$search'))!.query.get('$search')).toBe('"displayName:bob\'s timesheets"');
    expect(roundTrips).toBe(2);
  });

  it('a user that does not exist is Read(null), and the logs are not narrowed to a user', async () => {
    await start();
    const res = await resolveApp(api, { app: 'Slack', user: 'nobody@contoso.com' }, clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.user?.user).toEqual({ ok: true, value: null });
    expect(graph.routed.find((r) => r.path === '/auditLogs/provisioning')!.query.get('$filter')).toBe(`servicePrincipal/id eq '${SLACK.id}'`);
  });

  it('a Global Reader cannot read the provisioning job: jobs, templates and schema are Failed, assignments still read', async () => {
    await start((r) => (r.path.includes('/synchronization/') ? denied : undefined));
    const res = await resolveApp(api, { app: 'Slack' }, clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.jobs).toMatchObject({
      ok: false,
      status: 403,
      code: 'Authorization_RequestDenied',
      request: `GET /servicePrincipals/${SLACK.id}/synchronization/jobs`,
    });
    expect(res.snapshot.templates.ok).toBe(false);
    expect(res.snapshot.schema).toBeUndefined();
    expect(res.snapshot.assignments.ok).toBe(true);
    expect(roundTrips).toBe(2);
  });

  it('a forbidden service principal lookup is "denied"', async () => {
    await start((r) => (r.path.startsWith('/servicePrincipals') ? denied : undefined));
    const res = await resolveApp(api, { app: 'Slack' }, clock);
    expect(res).toMatchObject({ kind: 'denied', failure: { status: 403, request: 'GET /servicePrincipals' } });
  });
});

describe('pickMainJob', () => {
  const job = (id: string, templateId: string): SynchronizationJob => ({ id, templateId, status: { code: 'Active' } });
  it('prefers the job built from the app’s default connector template', () => {
    const jobs = [job('a', 'other'), job('b', 'slack')];
    expect(pickMainJob(jobs, [{ id: 'SLACK', default: true }])?.id).toBe('b');
  });
  it('falls back to the first job, and to nothing when there is none', () => {
    expect(pickMainJob([job('a', 'x'), job('b', 'y')], [])?.id).toBe('a');
    expect(pickMainJob([], undefined)).toBeUndefined();
  });
});

describe('write actions (after the admin confirmed)', () => {
  let graph: FakeGraph;
  afterEach(async () => graph?.close());

  it('provision on demand posts the rule and the user, and parses the trace', async () => {
    const trace = { action: 'Create', details: [{ step: 'Import' }] };
    graph = await startFakeGraph((r) =>
      r.method === 'POST' && r.path.endsWith('/provisionOnDemand') ? { status: 200, body: { key: 'Microsoft.Identity.Sync', value: JSON.stringify(trace) } } : undefined,
    );
    const api = createGraphClient({ accessToken: 'token', baseUrl: graph.url });
    const res = await provisionOnDemand(api, SLACK.id, 'slack.e4b4.main', 'rule-1', CONOR.id);
    expect(res).toEqual({ ok: true, value: { key: 'Microsoft.Identity.Sync', value: JSON.stringify(trace), details: trace } });
    expect(graph.routed[0].path).toBe(`/servicePrincipals/${SLACK.id}/synchronization/jobs/slack.e4b4.main/provisionOnDemand`);
    expect(graph.routed[0].body).toEqual({ parameters: [{ ruleId: 'rule-1', subjects: [{ objectId: CONOR.id, objectTypeName: 'User' }] }] });
  });

  it('restart sends the reset scope; a missing consent comes back as Failed 403', async () => {
    let allow = true;
    graph = await startFakeGraph((r) => (r.path.endsWith('/restart') ? (allow ? { status: 204 } : denied) : undefined));
    const api = createGraphClient({ accessToken: 'token', baseUrl: graph.url });
    expect(await restartJob(api, SLACK.id, 'slack.e4b4.main', { resetScope: 'Watermark, Escrows, QuarantineState' })).toEqual({
      ok: true,
      value: { restarted: true },
    });
    expect(graph.routed[0].body).toEqual({ criteria: { resetScope: 'Watermark, Escrows, QuarantineState' } });
    allow = false;
    expect(await restartJob(api, SLACK.id, 'slack.e4b4.main')).toMatchObject({
      ok: false,
      status: 403,
      request: `POST /servicePrincipals/${SLACK.id}/synchronization/jobs/slack.e4b4.main/restart`,
    });
  });
});
