import { fixedClock } from '../../src/clock';
import { createGraphClient, type GraphApi } from '../../src/graph/client';
import { GROUP_SELECT, fetchGroupById, resolveGroup } from '../../src/graph/groupSnapshot';
import type { GraphGroup } from '../../src/diagnostics/snapshot';
import { ROLE } from '../../src/diagnostics/roles';
import { applyFilter, collection, denied, type FakeGraph, type Route, startFakeGraph } from './helpers/fakeGraph';
import { recordingSleep, startLoopback } from './helpers/loopback';

const clock = fixedClock('2025-03-04T10:00:00Z');
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

const SALES: GraphGroup = {
  id: '11111111-1111-4111-8111-111111111111',
  displayName: "Sales O'Brien",
  mail: 'sales.obrien@contoso.com',
  mailNickname: 'sales.obrien',
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
  onPremisesSyncEnabled: true,
  onPremisesLastSyncDateTime: '2025-03-04T09:40:00Z',
  onPremisesSecurityIdentifier: 'S-1-5-21-1-2-3-1001',
  assignedLicenses: [{ skuId: E3, disabledPlans: [] }],
  licenseProcessingState: { state: 'ProcessingComplete' },
};
const FINANCE: GraphGroup = {
  id: '22222222-2222-4222-8222-222222222222',
  displayName: 'Finance Norway',
  mail: 'finance@contoso.no',
  mailNickname: 'finance',
  mailEnabled: true,
  securityEnabled: false,
  groupTypes: [],
  onPremisesSyncEnabled: null,
  assignedLicenses: [],
};
const OKONOMI_OSLO: GraphGroup = {
  id: '33333333-3333-4333-8333-333333333333',
  displayName: 'Økonomi Bærum',
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
  assignedLicenses: [],
};
const OKONOMI_COPY: GraphGroup = { ...OKONOMI_OSLO, id: '44444444-4444-4444-8444-444444444444', groupTypes: ['Unified'], mailEnabled: true };
const MARKETING: GraphGroup = {
  id: '55555555-5555-4555-8555-555555555555',
  displayName: 'Marketing EMEA',
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: ['DynamicMembership'],
  assignedLicenses: [],
};
const GROUPS = [SALES, FINANCE, OKONOMI_OSLO, OKONOMI_COPY, MARKETING];

const LICENSE_ERROR_MEMBER = {
  id: 'u-kari',
  displayName: 'Kari Nordmann',
  userPrincipalName: 'kari@contoso.no',
  usageLocation: null,
  licenseAssignmentStates: [{ skuId: E3, assignedByGroup: SALES.id, state: 'Error', error: 'CountViolation' }],
};

interface TenantOptions {
  roles?: string[];
  override?: Route;
}

function tenantRoute(opts: TenantOptions = {}): Route {
  return (req) => {
    const overridden = opts.override?.(req);
    if (overridden) return overridden;
    const { path, query } = req;
    if (path === '/me/transitiveMemberOf/microsoft.graph.directoryRole') {
      return collection((opts.roles ?? [ROLE.groupsAdministrator]).map((t) => ({ id: `role-${t}`, displayName: 'x', roleTemplateId: t })));
    }
    if (path === '/me/ownedObjects/microsoft.graph.group') return collection([{ id: FINANCE.id }]);
    if (path === '/organization') {
      return collection([{ id: 'org', displayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-03-04T09:40:00Z' }]);
    }
    if (path === '/subscribedSkus') return collection([{ skuId: E3, skuPartNumber: 'ENTERPRISEPACK', consumedUnits: 25, prepaidUnits: { enabled: 25 } }]);
    if (path === '/groups') return collection(applyFilter(GROUPS, query.get('$filter')).slice(0, Number(query.get('$top') ?? 100)));
    const byId = /^\/groups\/([^/]+)$/.exec(path);
    if (byId) {
      const g = GROUPS.find((x) => x.id === byId[1]);
      return g ? { status: 200, body: g } : undefined;
    }
    const lic = /^\/groups\/([^/]+)\/membersWithLicenseErrors\/microsoft\.graph\.user$/.exec(path);
    if (lic) return collection(lic[1] === SALES.id ? [LICENSE_ERROR_MEMBER] : []);
    return undefined;
  };
}

describe('resolveGroup: a group diagnosis costs at most 2 Graph round trips', () => {
  let graph: FakeGraph;
  let api: GraphApi;
  let roundTrips: number;

  async function start(opts: TenantOptions = {}, clientOpts: Partial<Parameters<typeof createGraphClient>[0]> = {}) {
    graph = await startFakeGraph(tenantRoute(opts));
    roundTrips = 0;
    api = createGraphClient({ accessToken: 'token', baseUrl: graph.url, onRoundTrip: () => roundTrips++, ...clientOpts });
  }
  afterEach(async () => graph?.close());

  it("a Groups Administrator names the synced, licensed group \"Sales O'Brien\": full snapshot in 2 round trips", async () => {
    await start();
    const res = await resolveGroup(api, "Sales O'Brien", clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    const s = res.snapshot;
    expect(s.fetchedAt).toBe('2025-03-04T10:00:00.000Z');
    expect(s.group).toMatchObject({ id: SALES.id, onPremisesSyncEnabled: true, assignedLicenses: [{ skuId: E3, disabledPlans: [] }] });
    expect(s.caller.roles).toEqual({ ok: true, value: [expect.objectContaining({ roleTemplateId: ROLE.groupsAdministrator })] });
    expect(s.ownedGroupIds).toEqual({ ok: true, value: [FINANCE.id] });
    expect(s.organization).toMatchObject({ ok: true, value: { onPremisesSyncEnabled: true } });
    expect(s.subscribedSkus).toMatchObject({ ok: true, value: [{ skuPartNumber: 'ENTERPRISEPACK' }] });
    expect(s.membersWithLicenseErrors).toEqual({ ok: true, value: [LICENSE_ERROR_MEMBER] });

    expect(graph.requests).toHaveLength(2);
    expect(roundTrips).toBe(2);
    const lookup = graph.routed.find((r) => r.path === '/groups')!;
    expect(lookup.query.get('$filter')).toBe(
      "displayName eq 'Sales O''Brien' or mail eq 'Sales O''Brien' or mailNickname eq 'Sales O''Brien'",
    );
    expect(lookup.query.get('$select')).toBe(GROUP_SELECT);
    expect(graph.routed.find((r) => r.path === '/organization')!.query.get('$select')).toBe(
      'id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime',
    );
  });

  it('a group with no licences needs only 1 round trip (no member can have a licence error from it)', async () => {
    await start();
    const res = await resolveGroup(api, 'finance@contoso.no', clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.group.id).toBe(FINANCE.id);
    expect(res.snapshot.membersWithLicenseErrors).toEqual({ ok: true, value: [] });
    expect(roundTrips).toBe(1);
    expect(graph.routed.some((r) => r.path.includes('membersWithLicenseErrors'))).toBe(false);
  });

  it('an object id reads the group and its licence errors in the same single $batch', async () => {
    await start();
    const res = await resolveGroup(api, `  {${SALES.id.toUpperCase()}} `, clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.membersWithLicenseErrors).toMatchObject({ ok: true, value: [{ userPrincipalName: 'kari@contoso.no' }] });
    expect(roundTrips).toBe(1);
    expect(graph.routed.some((r) => r.path === '/groups')).toBe(false);
  });

  it('"Økonomi Bærum" matches two groups exactly: the admin gets a choice, and picking one costs 1 more round trip', async () => {
    await start();
    const res = await resolveGroup(api, 'Økonomi Bærum', clock);
    expect(res).toEqual({
      kind: 'many',
      candidates: [
        expect.objectContaining({ id: OKONOMI_OSLO.id, displayName: 'Økonomi Bærum', groupTypes: [] }),
        expect.objectContaining({ id: OKONOMI_COPY.id, groupTypes: ['Unified'], mailEnabled: true }),
      ],
    });
    expect(graph.routed.find((r) => r.path === '/groups')!.query.get('$filter')).toContain("displayName eq 'Økonomi Bærum'");
    const picked = await fetchGroupById(api, OKONOMI_COPY.id, clock);
    expect(picked.kind).toBe('one');
    expect(roundTrips).toBe(2);
  });

  it('a partial name offers the startswith matches as a choice ("did you mean") instead of guessing', async () => {
    await start();
    const res = await resolveGroup(api, 'Marketing', clock);
    expect(res).toEqual({ kind: 'many', candidates: [expect.objectContaining({ id: MARKETING.id, displayName: 'Marketing EMEA' })], near: true });
    expect(roundTrips).toBe(1);
  });

  it('a name nobody has, nor anything close, gives "none" with the caller, in 2 round trips (the second searches)', async () => {
    await start();
    const res = await resolveGroup(api, 'Nonexistent Team', clock);
    expect(res).toMatchObject({ kind: 'none', query: 'Nonexistent Team', caller: { roles: { ok: true } } });
    const search = graph.routed.find((r) => r.query.has('$search'))!;
    expect(search.path).toBe('/groups');
    expect(search.query.get('$search')).toBe('"displayName:nonexistent team"');
    expect(search.query.get('$count')).toBe('true');
    expect(roundTrips).toBe(2);
  });

  it('an unknown object id gives "none"', async () => {
    await start();
    const res = await resolveGroup(api, '99999999-9999-4999-8999-999999999999', clock);
    expect(res.kind).toBe('none');
  });

  it('a user without directory read rights gets "denied" with the 403 failure', async () => {
    await start({ roles: [], override: (r) => (r.path.startsWith('/groups') ? denied : undefined) });
    const res = await resolveGroup(api, "Sales O'Brien", clock);
    expect(res).toMatchObject({
      kind: 'denied',
      failure: { ok: false, status: 403, code: 'Authorization_RequestDenied', request: 'GET /groups' },
      caller: { roles: { ok: true, value: [] } },
    });
  });

  it('a forbidden organization and a throttled licence list become Failed parts; the rest of the snapshot stands', async () => {
    const { sleep, waits } = recordingSleep();
    await start(
      {
        override: (r) => {
          if (r.path === '/organization') return denied;
          if (r.path === '/subscribedSkus') return { status: 429, headers: { 'Retry-After': '20' }, body: { error: { code: 'TooManyRequests' } } };
          return undefined;
        },
      },
      { sleep, retryBudgetMs: 5000 },
    );
    const res = await resolveGroup(api, 'Finance Norway', clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.organization).toEqual({
      ok: false,
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
      request: 'GET /organization',
      clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.snapshot.subscribedSkus).toMatchObject({ ok: false, status: 429, code: 'TooManyRequests', request: 'GET /subscribedSkus' });
    expect(res.snapshot.ownedGroupIds).toEqual({ ok: true, value: [FINANCE.id] });
    expect(waits).toEqual([]);
  });

  it('a licence-error read that fails in round trip 2 is a Failed part, not an exception', async () => {
    await start({ override: (r) => (r.path.includes('membersWithLicenseErrors') ? { status: 500, body: { error: { code: 'UnknownError' } } } : undefined) }, {
      sleep: async () => undefined,
    });
    const res = await resolveGroup(api, "Sales O'Brien", clock);
    expect(res.kind).toBe('one');
    if (res.kind !== 'one') return;
    expect(res.snapshot.membersWithLicenseErrors).toMatchObject({
      ok: false,
      status: 500,
      code: 'UnknownError',
      request: `GET /groups/${SALES.id}/membersWithLicenseErrors/microsoft.graph.user`,
    });
  });

  it('a tenant that does not answer in time gives "denied" carrying status 0 "timeout"', async () => {
    const slow = await startLoopback(() => undefined);
    try {
      const timeoutApi = createGraphClient({ accessToken: 'token', baseUrl: slow.url, timeoutMs: 60 });
      const res = await resolveGroup(timeoutApi, 'Sales', clock);
      expect(res).toMatchObject({ kind: 'denied', failure: { status: 0, code: 'timeout' }, caller: { roles: { ok: false, code: 'timeout' } } });
    } finally {
      await slow.close();
    }
  });
});
