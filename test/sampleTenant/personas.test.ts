import { SAMPLE, createSampleDataset, type SampleTenant } from '../../src/sampleTenant';
import { call, clock, get, start } from './helpers';

let tenant: SampleTenant;
beforeEach(async () => {
  tenant = await start();
});
afterEach(() => tenant.close());

const sp = SAMPLE.apps.scoped;
const urls = {
  me: '/me?$select=id',
  groups: '/groups?$select=id&$top=1',
  org: '/organization?$select=id',
  sps: '/servicePrincipals?$select=id&$top=1',
  skus: '/subscribedSkus',
  licenseErrors: `/groups/${SAMPLE.groups.licensedSynced.id}/membersWithLicenseErrors?$select=id`,
  jobs: `/servicePrincipals/${sp.id}/synchronization/jobs`,
  schema: `/servicePrincipals/${sp.id}/synchronization/jobs/${sp.jobId}/schema`,
  templates: `/servicePrincipals/${sp.id}/synchronization/templates`,
  logs: `/auditLogs/provisioning?$filter=servicePrincipal/id eq '${sp.id}'&$top=5`,
  onPrem: '/directory/onPremisesSynchronization',
};

async function statuses(persona: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(urls)) out[name] = (await get(tenant, persona, url.replace(/ /g, '%20'))).status;
  return out;
}

describe('delegated permissions = consented scopes ∩ the signed-in user’s role', () => {
  it('a helpdesk user without an admin role reads the directory but not licences, provisioning or sync features', async () => {
    expect(await statuses('helpdesk')).toEqual({ me: 200, groups: 200, org: 200, sps: 200, skus: 403, licenseErrors: 403, jobs: 403, schema: 403, templates: 403, logs: 403, onPrem: 403 });
  });

  it('a Groups Administrator reads groups and licences, not provisioning', async () => {
    expect(await statuses('groups')).toEqual({ me: 200, groups: 200, org: 200, sps: 200, skus: 200, licenseErrors: 200, jobs: 403, schema: 403, templates: 403, logs: 403, onPrem: 403 });
  });

  it('an Application Administrator reads provisioning config and logs, not licences', async () => {
    expect(await statuses('appadmin')).toEqual({ me: 200, groups: 200, org: 200, sps: 200, skus: 403, licenseErrors: 403, jobs: 200, schema: 200, templates: 200, logs: 200, onPrem: 403 });
  });

  it('a Global Administrator reads everything, including the tenant sync features', async () => {
    expect(Object.values(await statuses('ga')).every((s) => s === 200)).toBe(true);
    const res = await get(tenant, 'ga', urls.onPrem);
    expect(res.body.value[0].features.blockCloudObjectTakeoverThroughHardMatchEnabled).toBe(true);
  });

  it('403s carry Authorization_RequestDenied; missing or unknown tokens get 401 InvalidAuthenticationToken', async () => {
    const denied = await get(tenant, 'helpdesk', urls.skus);
    expect(denied.body.error).toEqual(expect.objectContaining({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' }));
    const none = await get(tenant, null, urls.me);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('InvalidAuthenticationToken');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const unknown = await get(tenant, 'eyJhbGciOi.bogus', urls.me);
    expect(unknown.status).toBe(401);
    expect(tenant.requests.map((r) => r.persona).slice(-3)).toEqual(['helpdesk', null, null]);
    expect(JSON.stringify(tenant.requests)).not.toContain('eyJhbGciOi');
  });

  it('a tenant without Entra ID P1/P2 answers provisioning logs with 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant', async () => {
    await tenant.close();
    tenant = await start({ dataset: createSampleDataset(clock, { premium: false }) });
    const res = await get(tenant, 'ga', urls.logs.replace(/ /g, '%20'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
  });
});

describe('write actions (provision on demand, restart)', () => {
  const onDemand = (persona: string, app: typeof sp, userId: string) =>
    call(tenant, persona, `/servicePrincipals/${app.id}/synchronization/jobs/${app.jobId}/provisionOnDemand`, {
      method: 'POST',
      body: { parameters: [{ ruleId: app.ruleId, subjects: [{ objectId: userId, objectTypeName: 'User' }] }] },
    });

  it('provisioning Erik on demand to Salesforce is skipped by the scoping filter, and the run appears in the logs', async () => {
    const before = tenant.dataset.provisioningLogs.length;
    const res = await onDemand('appadmin', sp, SAMPLE.users.scopedOut.id);
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(`${tenant.url}/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair`);
    expect(JSON.parse(res.body.key)).toEqual({ result: 'Skipped', details: expect.objectContaining({ errorCode: 'NotInScope' }) });
    const value = JSON.parse(res.body.value);
    const scoping = value.provisioningSteps.find((s: { type: string }) => s.type === 'Scoping');
    expect(scoping.description).toContain("department EQUALS 'Sales'");
    expect(tenant.dataset.provisioningLogs.length).toBe(before + 1);
  });

  it('Sofie is in scope and succeeds; Anna (nested group only) is not effectively entitled', async () => {
    expect(JSON.parse((await onDemand('ga', sp, SAMPLE.users.provisioned.id)).body.key).result).toBe('Success');
    const anna = JSON.parse((await onDemand('ga', sp, SAMPLE.users.nestedOnly.id)).body.key);
    expect(anna).toEqual({ result: 'Skipped', details: expect.objectContaining({ errorCode: 'NotEffectivelyEntitled' }) });
  });

  it('only Global and Application Administrators may write', async () => {
    expect((await onDemand('helpdesk', sp, SAMPLE.users.provisioned.id)).status).toBe(403);
    expect((await onDemand('groups', sp, SAMPLE.users.provisioned.id)).status).toBe(403);
  });

  it('restarting the quarantined ServiceNow job clears the quarantine (visible on the next read)', async () => {
    const app = SAMPLE.apps.quarantinedCredentials;
    const jobUrl = `/servicePrincipals/${app.id}/synchronization/jobs/${app.jobId}`;
    const before = await get(tenant, 'appadmin', jobUrl);
    expect(before.body.status.code).toBe('Quarantine');
    expect(before.body.status.quarantine.reason).toBe('EncounteredQuarantineException');
    const restart = await call(tenant, 'appadmin', `${jobUrl}/restart`, { method: 'POST', body: { criteria: { resetScope: 'Full' } } });
    expect(restart.status).toBe(204);
    expect(restart.body).toBeUndefined();
    const after = await get(tenant, 'appadmin', jobUrl);
    expect(after.body.status.quarantine).toBeNull();
    expect(after.body.status.code).toBe('NotRun');
  });
});
