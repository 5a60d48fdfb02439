import { SAMPLE, type SampleTenant } from '../../src/sampleTenant';
import { ROLE } from '../../src/diagnostics/roles';
import { EVENTUAL, get, q, start } from './helpers';

let tenant: SampleTenant;
beforeAll(async () => {
  tenant = await start();
});
afterAll(() => tenant.close());

const GROUP_SELECT =
  'id,displayName,description,mail,mailNickname,mailEnabled,securityEnabled,groupTypes,membershipRule,membershipRuleProcessingState,isAssignableToRole,onPremisesSyncEnabled,onPremisesLastSyncDateTime,onPremisesProvisioningErrors,onPremisesSamAccountName,onPremisesSecurityIdentifier,proxyAddresses,assignedLicenses,licenseProcessingState,createdDateTime,resourceProvisioningOptions';

describe('an admin signs in and SyncHelper asks Graph who they are', () => {
  it('GET /me with $select returns exactly the selected properties and an entity @odata.context on the server base', async () => {
    const res = await get(tenant, 'ga', '/me' + q({ $select: 'id,displayName,userPrincipalName' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json;odata\.metadata=minimal/);
    expect(res.body).toEqual({
      '@odata.context': `${tenant.url}/v1.0/$metadata#users(id,displayName,userPrincipalName)/$entity`,
      id: SAMPLE.personas.ga.id,
      displayName: SAMPLE.personas.ga.displayName,
      userPrincipalName: SAMPLE.personas.ga.userPrincipalName,
    });
  });

  it('GET /me without $select returns only the default user properties (no department, no licence states)', async () => {
    const res = await get(tenant, 'helpdesk', '/me');
    expect(Object.keys(res.body).sort()).toEqual(
      ['@odata.context', 'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'].sort(),
    );
  });

  it('the Groups Administrator persona holds that role (transitiveMemberOf cast to directoryRole)', async () => {
    const res = await get(tenant, 'groups', '/me/transitiveMemberOf/microsoft.graph.directoryRole' + q({ $select: 'id,displayName,roleTemplateId', $count: 'true' }), EVENTUAL);
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(`${tenant.url}/v1.0/$metadata#directoryRoles(id,displayName,roleTemplateId)`);
    expect(res.body.value.map((r: { roleTemplateId: string }) => r.roleTemplateId)).toEqual([ROLE.groupsAdministrator]);
  });

  it('the helpdesk user has no admin role but owns "Helpdesk Oslo"', async () => {
    const roles = await get(tenant, 'helpdesk', '/me/transitiveMemberOf/microsoft.graph.directoryRole' + q({ $select: 'id,displayName,roleTemplateId', $count: 'true' }), EVENTUAL);
    expect(roles.body.value).toEqual([]);
    const owned = await get(tenant, 'helpdesk', '/me/ownedObjects/microsoft.graph.group' + q({ $select: 'id', $top: 999 }));
    expect(owned.body.value).toEqual([{ id: SAMPLE.groups.ownedByHelpdesk.id }]);
  });
});

describe('a Groups Administrator asks why a group cannot be edited', () => {
  it('the synced group carries its on-premises markers and licences only when selected', async () => {
    const res = await get(tenant, 'groups', `/groups/${SAMPLE.groups.licensedSynced.id}` + q({ $select: GROUP_SELECT }));
    expect(res.status).toBe(200);
    expect(res.body.onPremisesSyncEnabled).toBe(true);
    expect(res.body.onPremisesSecurityIdentifier).toMatch(/^S-1-5-21-/);
    expect(res.body.assignedLicenses.map((l: { skuId: string }) => l.skuId)).toEqual([SAMPLE.skus.enterprisePack.skuId, SAMPLE.skus.ems.skuId]);
    expect(res.body.licenseProcessingState).toEqual({ state: 'ProcessingComplete' });
    expect(Object.keys(res.body)).toHaveLength(GROUP_SELECT.split(',').length + 1);

    const plain = await get(tenant, 'groups', `/groups/${SAMPLE.groups.licensedSynced.id}`);
    expect(plain.body).not.toHaveProperty('assignedLicenses');
    expect(plain.body).not.toHaveProperty('licenseProcessingState');
    expect(plain.body).toHaveProperty('onPremisesProvisioningErrors');
    expect(plain.body['@odata.context']).toBe(`${tenant.url}/v1.0/$metadata#groups/$entity`);
  });

  it('the SOA-converted group has onPremisesSyncEnabled null but keeps its SID', async () => {
    const res = await get(tenant, 'ga', `/groups/${SAMPLE.groups.soaConverted.id}` + q({ $select: 'onPremisesSyncEnabled,onPremisesSecurityIdentifier' }));
    expect(res.body.onPremisesSyncEnabled).toBeNull();
    expect(res.body.onPremisesSecurityIdentifier).toMatch(/^S-1-5-21-/);
  });

  it('the synced mail-enabled group reports a PropertyConflict on ProxyAddress', async () => {
    const res = await get(tenant, 'ga', `/groups/${SAMPLE.groups.provisioningErrors.id}` + q({ $select: 'onPremisesProvisioningErrors' }));
    expect(res.body.onPremisesProvisioningErrors).toEqual([expect.objectContaining({ category: 'PropertyConflict', propertyCausingError: 'ProxyAddress' })]);
  });

  it('an unknown group id is a 404 Request_ResourceNotFound with the Graph error body', async () => {
    const missing = '0b1e6c1c-5b59-4b68-9c5c-7c2b9b6f0a11';
    const res = await get(tenant, 'ga', `/groups/${missing}`, { 'client-request-id': 'abc-123' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        code: 'Request_ResourceNotFound',
        message: expect.stringContaining(missing),
        innerError: { date: expect.stringMatching(/^2025-03-14T09:30:00/), 'request-id': expect.any(String), 'client-request-id': 'abc-123' },
      },
    });
    expect(res.headers.get('client-request-id')).toBe('abc-123');
  });

  it('a non-GUID group id is a 400 Request_BadRequest "Invalid object identifier"', async () => {
    const res = await get(tenant, 'ga', '/groups/Marketing');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('Request_BadRequest');
    expect(res.body.error.message).toBe("Invalid object identifier 'Marketing'.");
  });

  it('a typo in $select is rejected like Graph does', async () => {
    const res = await get(tenant, 'ga', `/groups/${SAMPLE.groups.synced.id}` + q({ $select: 'id,onPremisesSyncEnable' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'onPremisesSyncEnable'");
  });

  it('membersWithLicenseErrors lists the three members whose group licence failed, with their states', async () => {
    const res = await get(
      tenant,
      'groups',
      `/groups/${SAMPLE.groups.licensedSynced.id}/membersWithLicenseErrors/microsoft.graph.user` + q({ $select: 'id,displayName,userPrincipalName,usageLocation,licenseAssignmentStates' }),
    );
    expect(res.status).toBe(200);
    const errors = res.body.value.map((m: { id: string; licenseAssignmentStates: { assignedByGroup: string; error: string; state: string }[] }) => [
      m.id,
      m.licenseAssignmentStates.find((s) => s.assignedByGroup === SAMPLE.groups.licensedSynced.id && s.state === 'Error')?.error,
    ]);
    expect(errors).toEqual([
      [SAMPLE.users.countViolation.id, 'CountViolation'],
      [SAMPLE.users.mutuallyExclusive.id, 'MutuallyExclusiveViolation'],
      [SAMPLE.users.usageLocation.id, 'ProhibitedInUsageLocationViolation'],
    ]);
    const uncast = await get(tenant, 'groups', `/groups/${SAMPLE.groups.licensedSynced.id}/membersWithLicenseErrors` + q({ $select: 'id' }));
    expect(uncast.body.value[0]).toEqual({ '@odata.type': '#microsoft.graph.user', id: SAMPLE.users.countViolation.id });
  });

  it('the tenant reports a fresh directory sync and the E3 SKU is fully consumed', async () => {
    const org = await get(tenant, 'groups', '/organization' + q({ $select: 'id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime' }));
    expect(org.body.value).toEqual([{ id: SAMPLE.tenant.id, displayName: 'Contoso Nordic AS', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-03-14T09:10:00Z' }]);
    const skus = await get(tenant, 'groups', '/subscribedSkus' + q({ $select: 'skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits' }));
    const e3 = skus.body.value.find((s: { skuPartNumber: string }) => s.skuPartNumber === 'ENTERPRISEPACK');
    expect(e3.consumedUnits).toBe(e3.prepaidUnits.enabled);
  });
});

describe('an Application Administrator looks at an enterprise app', () => {
  const SP_SELECT = 'id,appId,displayName,appRoleAssignmentRequired,appRoles,tags,preferredSingleSignOnMode,applicationTemplateId,servicePrincipalType';

  it('finds Salesforce by key syntax servicePrincipals(appId=…) and by id', async () => {
    const byAppId = await get(tenant, 'appadmin', `/servicePrincipals(appId='${SAMPLE.apps.scoped.appId}')` + q({ $select: SP_SELECT }));
    expect(byAppId.status).toBe(200);
    expect(byAppId.body.id).toBe(SAMPLE.apps.scoped.id);
    const byId = await get(tenant, 'appadmin', `/servicePrincipals/${SAMPLE.apps.scoped.id}` + q({ $select: 'id,displayName' }));
    expect(byId.body).toEqual({ '@odata.context': `${tenant.url}/v1.0/$metadata#servicePrincipals(id,displayName)/$entity`, id: SAMPLE.apps.scoped.id, displayName: 'Salesforce' });
  });

  it('reads the job, its scoping filter and the assignments', async () => {
    const sp = SAMPLE.apps.scoped;
    const jobs = await get(tenant, 'appadmin', `/servicePrincipals/${sp.id}/synchronization/jobs`);
    expect(jobs.body['@odata.context']).toBe(`${tenant.url}/v1.0/$metadata#servicePrincipals('${sp.id}')/synchronization/jobs`);
    expect(jobs.body.value).toEqual([expect.objectContaining({ id: sp.jobId, templateId: 'salesforce', status: expect.objectContaining({ code: 'Active' }) })]);
    const schema = await get(tenant, 'appadmin', `/servicePrincipals/${sp.id}/synchronization/jobs/${sp.jobId}/schema`);
    const mapping = schema.body.synchronizationRules[0].objectMappings.find((m: { sourceObjectName: string }) => m.sourceObjectName === 'User');
    expect(mapping.scope.groups[0].clauses).toEqual([{ operatorName: 'EQUALS', sourceOperandName: 'department', targetOperand: { values: ['Sales'] } }]);
    const assigned = await get(tenant, 'appadmin', `/servicePrincipals/${sp.id}/appRoleAssignedTo` + q({ $select: 'id,principalId,principalType,principalDisplayName,appRoleId,createdDateTime', $top: 999 }));
    expect(assigned.body.value).toEqual([expect.objectContaining({ principalId: SAMPLE.groups.salesforceUsers.id, principalType: 'Group' })]);
  });

  it('the nested-only user is in the assigned group transitively but not directly', async () => {
    const u = SAMPLE.users.nestedOnly;
    const direct = await get(tenant, 'appadmin', `/users/${u.userPrincipalName}/memberOf/microsoft.graph.group` + q({ $select: 'id', $top: 999, $count: 'true' }), EVENTUAL);
    const transitive = await get(tenant, 'appadmin', `/users/${u.id}/transitiveMemberOf/microsoft.graph.group` + q({ $select: 'id', $top: 999, $count: 'true' }), EVENTUAL);
    const ids = (r: { body: { value: { id: string }[] } }) => r.body.value.map((x) => x.id);
    expect(ids(direct)).not.toContain(SAMPLE.groups.salesforceUsers.id);
    expect(ids(transitive)).toContain(SAMPLE.groups.salesforceUsers.id);
  });

  it('reads user attributes used by scoping filters, including extension attributes', async () => {
    const u = SAMPLE.users.scopedOut;
    const res = await get(tenant, 'appadmin', `/users/${u.id}` + q({ $select: 'id,department,jobTitle,companyName,country,city,usageLocation,employeeId,employeeType,accountEnabled,userType,onPremisesExtensionAttributes' }));
    expect(res.body.department).toBe('Marketing');
    expect(res.body.onPremisesExtensionAttributes).toHaveProperty('extensionAttribute15');
    const ext = Object.keys(tenant.dataset.users[0]).find((k) => k.startsWith('extension_'))!;
    const withExt = await get(tenant, 'appadmin', `/users/${u.id}` + q({ $select: `id,${ext}` }));
    expect(withExt.body[ext]).toBe('M200');
  });

  it('a never-configured app has templates and no jobs; an app without connector has neither; a registration has no service principal', async () => {
    const never = SAMPLE.apps.neverConfigured;
    expect((await get(tenant, 'appadmin', `/servicePrincipals/${never.id}/synchronization/jobs`)).body.value).toEqual([]);
    expect((await get(tenant, 'appadmin', `/servicePrincipals/${never.id}/synchronization/templates`)).body.value).toEqual([
      expect.objectContaining({ id: 'BoxOutDelta', factoryTag: 'BoxOutDelta' }),
    ]);
    const none = SAMPLE.apps.noConnector;
    expect((await get(tenant, 'appadmin', `/servicePrincipals/${none.id}/synchronization/templates`)).body.value).toEqual([]);
    const reg = SAMPLE.apps.registrationOnly;
    const sps = await get(tenant, 'appadmin', '/servicePrincipals' + q({ $filter: `displayName eq '${reg.displayName}'`, $select: 'id', $top: 10 }));
    expect(sps.body.value).toEqual([]);
    const apps = await get(tenant, 'appadmin', '/applications' + q({ $filter: `displayName eq '${reg.displayName}'`, $select: 'id,appId,displayName', $top: 5 }));
    expect(apps.body.value).toEqual([{ id: reg.id, appId: reg.appId, displayName: reg.displayName }]);
  });

  it('an unknown path segment is a 400 BadRequest like Graph', async () => {
    const res = await get(tenant, 'ga', '/grups');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Resource not found for the segment 'grups'.");
  });
});
