/**
 * Which span is the user, the group or the app: the tenant decides (src/graph/resolve.ts through resolveApp and
 * resolveGroup), against the sample tenant over loopback HTTP, with the round trips each resolution costs.
 */
import { fixedClock } from '../../src/clock';
import { resolveApp } from '../../src/graph/appSnapshot';
import { createGraphClient, type GraphApi } from '../../src/graph/client';
import { resolveGroup } from '../../src/graph/groupSnapshot';
import { extraSpans, searchUrl } from '../../src/graph/resolve';
import { SAMPLE, startSampleTenant, type PersonaName, type SampleTenant } from '../../src/sampleTenant';

const clock = fixedClock('2025-03-04T10:00:00Z');
const A = SAMPLE.apps;
const G = SAMPLE.groups;
const U = SAMPLE.users;

describe('resolving the names an admin wrote', () => {
  let tenant: SampleTenant;
  let roundTrips = 0;
  beforeAll(async () => {
    tenant = await startSampleTenant({ clock });
  });
  afterAll(async () => tenant.close());
  beforeEach(() => {
    roundTrips = 0;
  });
  afterEach(() => tenant.faults.clear());

  const as = (persona: PersonaName): GraphApi =>
    createGraphClient({ accessToken: persona, baseUrl: tenant.url, sleep: async () => undefined, onRoundTrip: () => roundTrips++ });

  describe('apps and users', () => {
    it('"logs for Anna Berg in Salesforce": the span typed as the app is a person, the other span is the app; 3 round trips', async () => {
      const res = await resolveApp(as('appadmin'), { app: U.nestedOnly.displayName, spans: [U.nestedOnly.displayName, A.scoped.displayName] }, clock);
      expect(res.kind).toBe('one');
      if (res.kind !== 'one') return;
      expect(res.snapshot.servicePrincipal.id).toBe(A.scoped.id);
      expect(res.snapshot.user?.query).toBe(U.nestedOnly.displayName);
      expect(res.snapshot.user?.user).toMatchObject({ ok: true, value: { id: U.nestedOnly.id } });
      expect(res.snapshot.user?.transitiveGroupIds.ok).toBe(true);
      expect(roundTrips).toBe(3);
    });

    it('with no app typed at all, a span that is an app in the tenant is the app', async () => {
      const res = await resolveApp(as('appadmin'), { spans: [U.nestedOnly.displayName, A.healthy.displayName] }, clock);
      expect(res.kind === 'one' && res.snapshot.servicePrincipal.id).toBe(A.healthy.id);
      expect(res.kind === 'one' && res.snapshot.user?.user).toMatchObject({ ok: true, value: { id: U.nestedOnly.id } });
    });

    it('no span is an app: none with an empty query (the check then asks which app), in one round trip', async () => {
      const res = await resolveApp(as('appadmin'), { spans: ['Anna Berg', 'Nordlys Kantine'] }, clock);
      expect(res).toMatchObject({ kind: 'none', query: '' });
      expect(roundTrips).toBe(1);
    });

    it('when the app lookups are refused, that is "denied", not "no app named"', async () => {
      tenant.faults.add({ match: '/servicePrincipals', status: 403 });
      const res = await resolveApp(as('appadmin'), { spans: [U.nestedOnly.displayName, A.healthy.displayName] }, clock);
      expect(res).toMatchObject({ kind: 'denied', failure: { status: 403 } });
    });

    it('a span that is nobody is not made the user', async () => {
      const res = await resolveApp(as('appadmin'), { app: A.scoped.displayName, spans: [A.scoped.displayName, 'Nordlys Kantine'] }, clock);
      expect(res.kind === 'one' && res.snapshot.user).toBeUndefined();
    });

    it('a display name typed as the user is matched exactly, case-insensitively', async () => {
      const res = await resolveApp(as('appadmin'), { app: A.scoped.displayName, user: U.scopedOut.displayName.toUpperCase() }, clock);
      expect(res.kind === 'one' && res.snapshot.user?.user).toMatchObject({ ok: true, value: { id: U.scopedOut.id } });
    });

    it('two people with the same display name are a choice, not a guess', async () => {
      const res = await resolveApp(as('appadmin'), { app: A.scoped.displayName, user: 'Per Olsen' }, clock);
      expect(res.kind).toBe('manyUsers');
      if (res.kind !== 'manyUsers') return;
      expect(res.candidates.map((c) => c.id).sort()).toEqual(U.sameName.map((u) => u.id).sort());
      expect(roundTrips).toBe(1);
    });

    it('two people with the same display name named in the question are a choice too', async () => {
      const res = await resolveApp(as('appadmin'), { app: A.scoped.displayName, spans: [A.scoped.displayName, 'Per Olsen'] }, clock);
      expect(res.kind === 'manyUsers' && res.query).toBe('Per Olsen');
    });

    it('a name with no exact match offers the names that start with it ("did you mean")', async () => {
      const res = await resolveApp(as('appadmin'), { app: A.scoped.displayName, user: 'Anna B' }, clock);
      expect(res.kind === 'manyUsers' && res.candidates.map((c) => c.userPrincipalName)).toEqual([U.nestedOnly.userPrincipalName]);
    });

    it('a name nobody has is "not found", as before', async () => {
      const res = await resolveApp(as('appadmin'), { app: A.scoped.displayName, user: 'Nordlys Kantine' }, clock);
      expect(res.kind === 'one' && res.snapshot.user?.user).toEqual({ ok: true, value: null });
    });
  });

  describe('groups', () => {
    it('"I\'m Groups Administrator but adding people to Salg Oslo fails": the span that is a group is the group; ≤ 2 round trips', async () => {
      const res = await resolveGroup(as('groups'), undefined, clock, ['Groups Administrator', G.synced.displayName]);
      expect(res.kind === 'one' && res.snapshot.group.id).toBe(G.synced.id);
      expect(roundTrips).toBeLessThanOrEqual(2);
    });

    it('a typed group name that is no group falls back to a span that is one', async () => {
      const res = await resolveGroup(as('groups'), 'Administrator', clock, ['Administrator', G.cloudSecurity.displayName]);
      expect(res.kind === 'one' && res.snapshot.group.id).toBe(G.cloudSecurity.id);
    });

    it('two groups with the name in a span are a choice', async () => {
      const res = await resolveGroup(as('groups'), undefined, clock, ['Anna Berg', G.marketingCloud.displayName]);
      expect(res.kind === 'many' && res.candidates.map((c) => c.id).sort()).toEqual([G.marketingCloud.id, G.marketingSynced.id].sort());
    });

    it('when the group lookups are refused, that is "denied", not "no group named"', async () => {
      tenant.faults.add({ match: '/groups', status: 403 });
      const res = await resolveGroup(as('groups'), undefined, clock, [G.synced.displayName]);
      expect(res).toMatchObject({ kind: 'denied', failure: { status: 403 } });
    });

    it('no span is a group: none with an empty query, in one round trip', async () => {
      const res = await resolveGroup(as('groups'), undefined, clock, ['Anna Berg']);
      expect(res).toMatchObject({ kind: 'none', query: '' });
      expect(roundTrips).toBe(1);
    });
  });
});

describe('extraSpans', () => {
  it('drops empty, repeated (any case) and already-typed spans, keeping the admin’s order', () => {
    expect(extraSpans([' Salesforce ', 'anna berg', 'Anna Berg', '', 'Slack'], ['salesforce', undefined])).toEqual(['anna berg', 'Slack']);
  });
});

describe('"did you mean" search (searchUrl)', () => {
  const searchOf = (url: string | undefined) => new URL(url ?? '', 'https://graph.microsoft.com/v1.0').searchParams;

  it('searches the words typed, without the quotes and backslashes $search reserves, with $count', () => {
    const q = searchOf(searchUrl('groups', 'Sales "O\'Brien" \\ Team', 'id,displayName'));
    expect(q.get('$search')).toBe('"displayName:sales o\'brien team"');
    expect(q.get('$count')).toBe('true');
    expect(q.get('$top')).toBe('5');
  });

  it('has nothing to search for in a name of quotes and single letters', () => {
    expect(searchUrl('servicePrincipals', '" \\ a "', 'id')).toBeUndefined();
  });
});
