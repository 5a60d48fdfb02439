/**
 * The Graph layer against the sample tenant, per persona: the same production client, $batch and retry code,
 * only the base URL points at loopback. Round trips are counted in the tenant's own request log.
 */
import { fixedClock } from '../../src/clock';
import { createGraphClient, type GraphApi } from '../../src/graph/client';
import { fetchGroupById, resolveGroup } from '../../src/graph/groupSnapshot';
import { resolveApp } from '../../src/graph/appSnapshot';
import { provisionOnDemand } from '../../src/graph/actions';
import { ROLE } from '../../src/diagnostics/roles';
import { SAMPLE, startSampleTenant, type PersonaName, type SampleTenant } from '../../src/sampleTenant';
import { recordingSleep } from './helpers/loopback';

const clock = fixedClock('2025-03-04T10:00:00Z');

describe('Graph layer against the sample tenant', () => {
  let tenant: SampleTenant;
  beforeEach(async () => {
    tenant = await startSampleTenant({ clock });
  });
  afterEach(async () => tenant.close());

  const as = (persona: PersonaName, extra: Partial<Parameters<typeof createGraphClient>[0]> = {}): GraphApi =>
    createGraphClient({ accessToken: persona, baseUrl: tenant.url, sleep: async () => undefined, ...extra });

  describe('groups', () => {
    it('a Global Administrator checks the licensed synced group: licence errors included, 2 round trips', async () => {
      const res = await resolveGroup(as('ga'), SAMPLE.groups.licensedSynced.displayName, clock);
      expect(res.kind).toBe('one');
      if (res.kind !== 'one') return;
      const s = res.snapshot;
      expect(s.group.id).toBe(SAMPLE.groups.licensedSynced.id);
      expect(s.group.onPremisesSyncEnabled).toBe(true);
      expect(s.group.assignedLicenses?.map((l) => l.skuId)).toContain(SAMPLE.skus.enterprisePack.skuId);
      expect(s.caller.roles).toMatchObject({ ok: true, value: [expect.objectContaining({ roleTemplateId: ROLE.globalAdministrator })] });
      expect(s.organization).toMatchObject({ ok: true, value: { onPremisesSyncEnabled: true } });
      expect(s.subscribedSkus.ok).toBe(true);
      expect(s.membersWithLicenseErrors.ok && s.membersWithLicenseErrors.value.map((m) => m.id).sort()).toEqual(
        [SAMPLE.users.countViolation.id, SAMPLE.users.mutuallyExclusive.id, SAMPLE.users.usageLocation.id].sort(),
      );
      expect(tenant.requests).toHaveLength(2);
      expect(tenant.requests[0].subRequests?.length).toBeGreaterThanOrEqual(6);
    });

    it("a Groups Administrator finds \"Sales O'Brien\" and \"Økonomi Bærum\" by name within 2 round trips each", async () => {
      const api = as('groups');
      for (const ref of [SAMPLE.groups.apostrophe, SAMPLE.groups.norwegian]) {
        const before = tenant.requests.length;
        const res = await resolveGroup(api, ref.displayName, clock);
        expect(res).toMatchObject({ kind: 'one', snapshot: { group: { id: ref.id, displayName: ref.displayName } } });
        expect(tenant.requests.length - before).toBeLessThanOrEqual(2);
      }
      expect(tenant.requests.every((r) => r.status === 200)).toBe(true);
    });

    it('"Marketing" is two groups: a choice, then the chosen one by id — 2 round trips in all', async () => {
      const api = as('groups');
      const res = await resolveGroup(api, 'marketing', clock);
      expect(res.kind).toBe('many');
      if (res.kind !== 'many') return;
      expect(res.candidates.map((c) => c.id).sort()).toEqual([SAMPLE.groups.marketingCloud.id, SAMPLE.groups.marketingSynced.id].sort());
      const chosen = await fetchGroupById(api, SAMPLE.groups.marketingSynced.id, clock);
      expect(chosen).toMatchObject({ kind: 'one', snapshot: { group: { id: SAMPLE.groups.marketingSynced.id, onPremisesSyncEnabled: true } } });
      expect(tenant.requests).toHaveLength(2);
    });

    it('an object id and a mail address resolve too; an unknown name is "none"', async () => {
      const api = as('groups');
      expect(await resolveGroup(api, SAMPLE.groups.synced.id, clock)).toMatchObject({ kind: 'one', snapshot: { group: { id: SAMPLE.groups.synced.id } } });
      expect(tenant.requests).toHaveLength(1);
      expect(await resolveGroup(api, 'marketing@contoso.no', clock)).toMatchObject({ kind: 'one', snapshot: { group: { id: SAMPLE.groups.marketingCloud.id } } });
      expect(await resolveGroup(api, 'Finnes Ikke Gruppen', clock)).toMatchObject({ kind: 'none' });
    });

    it('the helpdesk user (no admin role) sees the group but not the licences; owning "Helpdesk Oslo" shows', async () => {
      const api = as('helpdesk');
      const licensed = await resolveGroup(api, SAMPLE.groups.licensedSynced.displayName, clock);
      expect(licensed.kind).toBe('one');
      if (licensed.kind !== 'one') return;
      expect(licensed.snapshot.caller.roles).toEqual({ ok: true, value: [] });
      expect(licensed.snapshot.subscribedSkus).toMatchObject({ ok: false, status: 403, request: 'GET /subscribedSkus' });
      expect(licensed.snapshot.membersWithLicenseErrors).toMatchObject({ ok: false, status: 403 });
      const owned = await resolveGroup(api, SAMPLE.groups.ownedByHelpdesk.displayName, clock);
      expect(owned.kind === 'one' && owned.snapshot.ownedGroupIds).toEqual({ ok: true, value: [SAMPLE.groups.ownedByHelpdesk.id] });
    });

    it('a throttled licence list is retried after its Retry-After, and only it', async () => {
      tenant.faults.add({ match: '/subscribedSkus', status: 429, retryAfterSeconds: 3, times: 1 });
      const { sleep, waits } = recordingSleep();
      const res = await resolveGroup(as('ga', { sleep }), SAMPLE.groups.cloudSecurity.displayName, clock);
      expect(res.kind === 'one' && res.snapshot.subscribedSkus.ok).toBe(true);
      expect(waits).toEqual([3000]);
      const retried = tenant.requests[1].subRequests!;
      expect(retried.map((s) => s.url)).toEqual([expect.stringContaining('/subscribedSkus')]);
    });

    it('a tenant that answers too slowly gives a timeout, not a hang', async () => {
      tenant.faults.add({ match: '/groups', delayMs: 1000 });
      const res = await resolveGroup(as('ga', { timeoutMs: 100 }), 'IT Drift', clock);
      expect(res).toMatchObject({ kind: 'denied', failure: { status: 0, code: 'timeout' } });
    });
  });

  describe('apps', () => {
    it('an Application Administrator asks about Erik in Salesforce: job, schema, assignments and his logs in 3 round trips', async () => {
      const res = await resolveApp(as('appadmin'), { app: 'Salesforce', user: SAMPLE.users.scopedOut.userPrincipalName }, clock);
      expect(res.kind).toBe('one');
      if (res.kind !== 'one') return;
      const s = res.snapshot;
      expect(s.servicePrincipal.id).toBe(SAMPLE.apps.scoped.id);
      expect(s.jobs).toMatchObject({ ok: true, value: [expect.objectContaining({ id: SAMPLE.apps.scoped.jobId })] });
      expect(s.templates.ok).toBe(true);
      expect(s.assignments.ok && s.assignments.value.some((a) => a.principalId === SAMPLE.groups.salesforceUsers.id)).toBe(true);
      expect(s.schema?.ok && s.schema.value.synchronizationRules.map((r) => r.id)).toContain(SAMPLE.apps.scoped.ruleId);
      expect(s.user?.user).toMatchObject({ ok: true, value: { id: SAMPLE.users.scopedOut.id, department: 'Marketing' } });
      expect(s.user?.transitiveGroupIds.ok).toBe(true);
      expect(s.logs.ok).toBe(true);
      if (s.logs.ok) {
        expect(s.logs.value.length).toBeGreaterThan(0);
        expect(s.logs.value.every((l) => l.sourceIdentity?.id === SAMPLE.users.scopedOut.id)).toBe(true);
      }
      expect(tenant.requests).toHaveLength(3);
      expect(tenant.requests.every((r) => r.status === 200)).toBe(true);
    });

    it('by appId, an app with a template but no job (Box) stops after 2 round trips', async () => {
      const res = await resolveApp(as('appadmin'), { app: SAMPLE.apps.neverConfigured.appId }, clock);
      expect(res.kind).toBe('one');
      if (res.kind !== 'one') return;
      expect(res.snapshot.servicePrincipal.id).toBe(SAMPLE.apps.neverConfigured.id);
      expect(res.snapshot.jobs).toEqual({ ok: true, value: [] });
      expect(res.snapshot.templates.ok && res.snapshot.templates.value.length).toBeGreaterThan(0);
      expect(res.snapshot.schema).toBeUndefined();
      expect(tenant.requests).toHaveLength(2);
    });

    it('an app registration without an enterprise app, two "Atlassian Cloud" apps, and an unknown app', async () => {
      const api = as('appadmin');
      expect(await resolveApp(api, { app: SAMPLE.apps.registrationOnly.displayName }, clock)).toMatchObject({
        kind: 'registrationOnly',
        application: { appId: SAMPLE.apps.registrationOnly.appId },
      });
      const many = await resolveApp(api, { app: 'Atlassian Cloud' }, clock);
      expect(many.kind === 'many' && many.candidates.map((c) => c.id).sort()).toEqual(SAMPLE.apps.duplicateName.map((a) => a.id).sort());
      expect(await resolveApp(api, { app: "Ola's Timeføring" }, clock)).toMatchObject({ kind: 'none' });
      // One round trip each, and one more for the unknown app: a search for close names (none).
      expect(tenant.requests).toHaveLength(4);
      expect(tenant.requests[3]).toMatchObject({ method: 'GET', path: '/v1.0/servicePrincipals', status: 200 });
    });

    it('a Groups Administrator cannot read provisioning: jobs and logs are Failed 403, assignments still readable', async () => {
      const res = await resolveApp(as('groups'), { app: 'Slack' }, clock);
      expect(res.kind).toBe('one');
      if (res.kind !== 'one') return;
      expect(res.snapshot.jobs).toMatchObject({ ok: false, status: 403 });
      expect(res.snapshot.logs).toMatchObject({ ok: false, status: 403, request: 'GET /auditLogs/provisioning' });
      expect(res.snapshot.assignments.ok).toBe(true);
      expect(res.snapshot.schema).toBeUndefined();
      expect(tenant.requests).toHaveLength(2);
    });

    it('provision on demand works for the Application Administrator and is refused for the helpdesk user', async () => {
      const app = SAMPLE.apps.scoped;
      const ok = await provisionOnDemand(as('appadmin'), app.id, app.jobId!, app.ruleId!, SAMPLE.users.provisioned.id);
      expect(ok.ok).toBe(true);
      if (ok.ok) expect(ok.value.value).toBeTruthy();
      const refused = await provisionOnDemand(as('helpdesk'), app.id, app.jobId!, app.ruleId!, SAMPLE.users.provisioned.id);
      expect(refused).toMatchObject({ ok: false, status: 403 });
    });
  });
});
