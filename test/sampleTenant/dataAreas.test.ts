/**
 * The dataset is built by area (src/sampleTenant/data/*). These scenarios are what a newcomer relies on: every
 * notable object an area names is really in the tenant, and an object added through an area's builder is served
 * like the rest.
 */
import { SAMPLE, createSampleDataset } from '../../src/sampleTenant';
import { buildContext } from '../../src/sampleTenant/data/context';
import { addGroup } from '../../src/sampleTenant/data/groups';
import { groupRef, userRef } from '../../src/sampleTenant/data/ids';
import { addUser } from '../../src/sampleTenant/data/users';
import { clock, get, start } from './helpers';

describe('every notable object an area names is in the dataset the areas build', () => {
  const ds = createSampleDataset(clock);
  const ids = (list: Record<string, unknown>[]) => new Set(list.map((x) => x.id));

  it('users and personas are users; the personas are who signs in', () => {
    const users = ids(ds.users);
    const refs = [...Object.values(SAMPLE.personas), ...Object.values(SAMPLE.users).flat()];
    expect(refs.filter((r) => !users.has(r.id)).map((r) => r.displayName)).toEqual([]);
    expect(ds.personas).toEqual({ ga: SAMPLE.personas.ga.id, groups: SAMPLE.personas.groups.id, appadmin: SAMPLE.personas.appadmin.id, helpdesk: SAMPLE.personas.helpdesk.id });
  });

  it('groups, subscriptions and apps are where Graph lists them', () => {
    const groups = ids(ds.groups);
    expect(Object.values(SAMPLE.groups).filter((r) => !groups.has(r.id))).toEqual([]);
    const skus = new Set(ds.subscribedSkus.map((s) => s.skuId));
    expect(Object.values(SAMPLE.skus).filter((s) => !skus.has(s.skuId))).toEqual([]);
    const servicePrincipals = ids(ds.servicePrincipals);
    const { registrationOnly, ...withServicePrincipal } = SAMPLE.apps;
    expect(Object.values(withServicePrincipal).flat().filter((a) => !servicePrincipals.has(a.id))).toEqual([]);
    expect(servicePrincipals.has(registrationOnly.id)).toBe(false);
    expect(ds.applications.some((a) => a.id === registrationOnly.id)).toBe(true);
  });

  it('licensing sets licences on the users and groups the other areas made', () => {
    const licensed = ds.groups.find((g) => g.id === SAMPLE.groups.licensedSynced.id)!;
    expect(licensed.licenseProcessingState).toEqual({ state: 'ProcessingComplete' });
    expect((licensed.assignedLicenses as { skuId: string }[]).map((l) => l.skuId)).toEqual([SAMPLE.skus.enterprisePack.skuId, SAMPLE.skus.ems.skuId]);
    const jonas = ds.users.find((u) => u.id === SAMPLE.users.countViolation.id)!;
    expect(jonas.licenseAssignmentStates).toEqual(expect.arrayContaining([expect.objectContaining({ skuId: SAMPLE.skus.enterprisePack.skuId, error: 'CountViolation' })]));
  });
});

describe('an object added through its area’s builder is served like the rest', () => {
  it('a new user in a new group shows up in /users and in her memberships; the dynamic group, built before her, does not hold her', async () => {
    const ds = createSampleDataset(clock);
    const ctx = buildContext(clock, {});
    const nina = userRef('nina', 'Nina Nyhus', 'nina.nyhus');
    addUser(ds, ctx, nina, { department: 'HR', jobTitle: 'HR-konsulent' });
    const team = groupRef('hr-team', 'HR Teamet');
    addGroup(ds, ctx, team, { description: 'HR (kun sky)' });
    ds.members[team.id] = [nina.id];
    const tenant = await start({ dataset: ds });
    try {
      const user = await get(tenant, 'helpdesk', `/users/${nina.userPrincipalName}?$select=id,displayName,department`);
      expect(user.status).toBe(200);
      expect(user.body).toMatchObject({ id: nina.id, displayName: 'Nina Nyhus', department: 'HR' });
      const memberOf = await get(tenant, 'ga', `/users/${nina.id}/memberOf?$select=displayName`);
      expect(memberOf.body.value).toEqual([{ '@odata.type': '#microsoft.graph.group', displayName: 'HR Teamet' }]);
      const dynamic = await get(tenant, 'ga', `/groups/${SAMPLE.groups.dynamicOn.id}/members?$select=id&$top=999`);
      expect(dynamic.body.value.map((m: { id: string }) => m.id)).not.toContain(nina.id);
    } finally {
      await tenant.close();
    }
  });
});
