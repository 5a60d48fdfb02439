/**
 * The user snapshot against the sample tenant over HTTP: a user named by display name, UPN, mail or object id is
 * found with every property the user diagnosis reads, the groups that assign their licences are named, and the
 * object holding a conflicting sign-in name or address is found — in at most 2 round trips, with requests Graph
 * accepts (the sample tenant refuses what Graph refuses; this suite's traffic goes to the conformance check).
 */
import { fixedClock } from '../../src/clock';
import { createGraphClient, type GraphApi } from '../../src/graph';
import { proxyHolderUrl, resolveUserSubject, upnHolderUrl } from '../../src/graph/userSnapshot';
import { SAMPLE, startSampleTenant, type SampleTenant } from '../../src/sampleTenant';
import type { UserSnapshot } from '../../src/diagnostics/snapshot';
import { NOW } from '../helpers/adminChat';
import { currentTestFile, recordTraffic } from '../helpers/graphTraffic';

const I = SAMPLE.userIssues;
const clock = fixedClock(NOW);

describe('resolveUserSubject against the sample tenant', () => {
  let tenant: SampleTenant;
  let ga: GraphApi;
  beforeAll(async () => {
    tenant = await startSampleTenant({ clock, onExchange: recordTraffic(currentTestFile()) });
    ga = createGraphClient({ accessToken: 'ga', baseUrl: tenant.url });
  });
  afterAll(() => tenant.close());

  async function one(spans: string[], group?: string): Promise<{ snapshot: UserSnapshot; roundTrips: number }> {
    const before = tenant.requests.length;
    const res = await resolveUserSubject(ga, { spans, group }, clock);
    if (res.kind !== 'one') throw new Error(`expected one user, got ${res.kind}`);
    return { snapshot: res.snapshot, roundTrips: tenant.requests.length - before };
  }

  it.each([
    ['display name', I.placeholderUpn.displayName],
    ['placeholder UPN', I.placeholderUpn.userPrincipalName],
    ['object id', I.placeholderUpn.id],
  ])('finds Kari Nordmann by %s, with her sync error and the cloud account holding her UPN, in 2 round trips', async (_how, span) => {
    const { snapshot, roundTrips } = await one([span]);
    expect(snapshot.user.id).toBe(I.placeholderUpn.id);
    expect(snapshot.user.onPremisesProvisioningErrors?.[0]).toMatchObject({ propertyCausingError: 'UserPrincipalName', value: I.upnHolder.userPrincipalName });
    expect(snapshot.conflicts).toHaveLength(1);
    expect(snapshot.conflicts[0].holders).toEqual({ ok: true, value: [expect.objectContaining({ id: I.upnHolder.id, kind: 'user', displayName: I.upnHolder.displayName })] });
    expect(roundTrips).toBe(2);
  });

  it('finds the account that holds Ola’s proxy address, looked up on users and groups', async () => {
    const { snapshot } = await one([I.proxyConflict.userPrincipalName]);
    expect(snapshot.conflicts[0].holders).toEqual({ ok: true, value: [expect.objectContaining({ id: I.proxyHolder.id, displayName: 'Salg Support' })] });
    expect(snapshot.user.serviceProvisioningErrors?.[0]).toMatchObject({ isResolved: false, serviceInstance: expect.stringMatching(/^exchange\//) });
    const rt2 = tenant.requests[tenant.requests.length - 1];
    const proxyParts = (rt2.subRequests ?? []).filter((p) => p.url.includes('proxyAddresses'));
    expect(proxyParts.map((p) => [p.url.split('?')[0], p.status])).toEqual([
      ['/users', 200],
      ['/groups', 200],
    ]);
  });

  it('names the group a licence comes from, and the group the admin named with the user', async () => {
    const { snapshot } = await one([I.noUsageLocation.displayName], SAMPLE.groups.licensedProcessing.displayName);
    expect(snapshot.licenseGroups[SAMPLE.groups.licensedProcessing.id.toLowerCase()]).toEqual({ ok: true, value: { id: SAMPLE.groups.licensedProcessing.id, displayName: 'Lisens Power BI Pro' } });
    expect(snapshot.focusGroup).toEqual({ id: SAMPLE.groups.licensedProcessing.id, displayName: 'Lisens Power BI Pro' });
    expect(snapshot.user.usageLocation).toBeNull();
  });

  it('a healthy user with nothing to look up costs one round trip', async () => {
    const before = tenant.requests.length;
    const res = await resolveUserSubject(ga, { spans: [I.stuckInitialDomain.displayName] }, clock);
    expect(res.kind).toBe('one');
    expect(tenant.requests.length - before).toBe(1);
  });

  it('two people with the same name are a choice; a group and no person hands over the group', async () => {
    const many = await resolveUserSubject(ga, { spans: ['Per Olsen'] }, clock);
    expect(many).toMatchObject({ kind: 'many', query: 'Per Olsen' });
    const group = await resolveUserSubject(ga, { spans: [SAMPLE.groups.synced.displayName] }, clock);
    expect(group).toEqual({ kind: 'none', groupId: SAMPLE.groups.synced.id });
    const nobody = await resolveUserSubject(ga, { spans: ['Ingen Slik Person'] }, clock);
    expect(nobody).toEqual({ kind: 'none' });
  });

  it('a group wins over a person when the question is about the group', async () => {
    const res = await resolveUserSubject(ga, { spans: [SAMPLE.users.nestedOnly.displayName, SAMPLE.groups.synced.displayName], preferGroup: true }, clock);
    expect(res).toEqual({ kind: 'none', groupId: SAMPLE.groups.synced.id });
  });

  it('the holder lookups are plain v1.0 filters (users by UPN; proxyAddresses with $count for the advanced query)', () => {
    expect(decodeURIComponent(upnHolderUrl("o'neil@contoso.no"))).toBe("/users?$filter=userPrincipalName eq 'o''neil@contoso.no'&$select=id,displayName,userPrincipalName&$top=5");
    expect(decodeURIComponent(proxyHolderUrl('groups', 'smtp:salg@contoso.no'))).toContain("proxyAddresses/any(p:p eq 'smtp:salg@contoso.no')");
    expect(decodeURIComponent(proxyHolderUrl('groups', 'smtp:salg@contoso.no'))).toContain('$count=true');
  });
});
