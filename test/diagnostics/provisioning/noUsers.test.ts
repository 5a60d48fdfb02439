import { diagnoseApp } from '../../../src/diagnostics/provisioning';
import { read } from '../../../src/diagnostics/snapshot';
import { clock, job, JOB_ID, quarantinedJob, RULE_ID, snapshot, userAssignment } from './builders';
import { finding, ids, run } from './helpers';
import { scenario } from './scenarios';

describe('P3 – "provisioning is set up but nobody / Anna isn\'t provisioned"', () => {
  test('provisioning was switched off: that is the answer, with schedule.state and status.code as evidence', () => {
    const d = run('no_users: provisioning is off');
    expect(d.findings[0]).toMatchObject({ id: 'P3.off', severity: 'blocker', evidence: { 'schedule.state': 'Disabled', 'status.code': 'Paused' } });
    expect(ids(d)).not.toContain('P3.running');
  });

  test('the initial cycle is still running: estimate from the number of assignments and how long it has run', () => {
    const f = finding(run('no_users: initial cycle still running'), 'P3.initialCycle');
    expect(f.severity).toBe('warning');
    expect(f.evidence['status.steadyStateFirstAchievedTime']).toBe('0001-01-01T00:00:00Z');
    expect(f.detail?.key).toBe('provisioning.P3.initialCycle.detail.estimate');
    expect(f.detail?.params).toMatchObject({ n: 2, min: 1, max: 1, running: 45, started: '2025-03-10T11:15Z' });
  });

  test('the initial cycle estimate scales with assignments (0.01–0.08 minutes per object)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => userAssignment(`u${i}`, `User ${i}`));
    const d = diagnoseApp('provisioning.no_users', { ...scenario('no_users: initial cycle still running').snapshot, assignments: read(many) }, clock);
    expect(finding(d, 'P3.initialCycle').detail?.params).toMatchObject({ n: 1000, min: 10, max: 80 });
  });

  test('nobody is assigned to the app', () => {
    expect(finding(run('no_users: nobody assigned'), 'P3.noAssignments').evidence['appRoleAssignedTo.count']).toBe(0);
  });

  test('healthy job, no user named: running ok, assignments and filter summarised, log errors explained', () => {
    const d = run('no_users: healthy app with a scoping filter, no user named');
    expect(finding(d, 'P3.running').severity).toBe('ok');
    expect(finding(d, 'P3.assignments').title.params).toMatchObject({ users: 1, groups: 1 });
    expect(finding(d, 'P3.scopingFilter.present').evidence['objectMappings[User].scope.groups[0].clauses[0]']).toBe('department EQUALS Sales');
    expect(finding(d, 'P5.logError').title.params).toMatchObject({ code: 'LicenseLimitExceeded', count: 1 });
  });

  test('the user mapping is disabled, or has no Add flow', () => {
    expect(finding(run('no_users: user mapping disabled'), 'P3.mappingDisabled').evidence['objectMappings[User].enabled']).toBe(false);
    expect(finding(run('no_users: user mapping without Add'), 'P3.mappingNoAdd').evidence['objectMappings[User].flowTypes']).toBe('Update, Delete');
  });

  test('Anna is only in a group nested inside the assigned group: nested groups are not supported', () => {
    const d = run('no_users: Anna only in a nested group');
    const f = d.findings[0];
    expect(f.id).toBe('P3.nestedGroup');
    expect(f.severity).toBe('blocker');
    expect(f.title.params).toMatchObject({ user: 'anna@contoso.com', groups: 'Sales' });
    expect(f.evidence['user/transitiveMemberOf contains assigned group']).toBe(true);
    expect(f.evidence['user/memberOf (direct) contains assigned group']).toBe(false);
  });

  test('Anna is not assigned at all (only another group is)', () => {
    const f = finding(run('no_users: Anna not assigned at all'), 'P3.notAssigned');
    expect(f.evidence['servicePrincipal.appRoleAssignmentRequired']).toBe(true);
  });

  test('Anna is assigned directly but fails the scoping filter: the failing clause and her value are the evidence', () => {
    const d = run('no_users: Anna out of the scoping filter');
    expect(finding(d, 'P3.assigned').title.key).toBe('provisioning.P3.assigned.direct.title');
    const f = finding(d, 'P3.scopingFilter');
    expect(f.evidence).toMatchObject({ 'failingClause[0]': 'department EQUALS IT (filter Norway IT)', 'user.department': 'Sales' });
    expect(ids(d)).not.toContain('P3.notEvaluatedYet');
    expect(d.findings.some((x) => x.action?.kind === 'provisionOnDemand')).toBe(false);
  });

  test('the filter uses an attribute the snapshot lacks: "I can\'t tell", not "out"', () => {
    const d = run('no_users: filter uses an attribute that was not read');
    expect(finding(d, 'P3.scopingFilter.unevaluable').title.params).toMatchObject({ user: 'anna@contoso.com' });
    expect(ids(d)).not.toContain('P3.scopingFilter');
  });

  test('Anna was assigned after the last completed cycle: not evaluated yet, offer Provision on demand', () => {
    const d = run('no_users: Anna assigned after the last cycle');
    const f = finding(d, 'P3.notEvaluatedYet');
    expect(f.evidence).toEqual({ 'appRoleAssignedTo.createdDateTime': '2025-03-10T11:45:00Z', 'status.steadyStateLastAchievedTime': '2025-03-10T11:30:00Z' });
    expect(f.action).toEqual({ kind: 'provisionOnDemand', userId: 'u-anna', ruleId: RULE_ID, jobId: JOB_ID });
    expect(finding(d, 'P3.scopingFilter.in').severity).toBe('ok');
  });

  test('Anna failed in the logs with InvalidDomain: explained, failing step shown, retry with Provision on demand', () => {
    const d = run('no_users: Anna failed in the logs');
    const f = finding(d, 'P3.userLog.failure');
    expect(f.detail?.key).toBe('provisioning.error.invalidDomain.explain');
    expect(f.evidence).toMatchObject({ 'provisioningLogs[0].errorInformation.errorCode': 'InvalidDomain', 'provisioningLogs[0].provisioningSteps[export].description': 'Export to Box failed' });
    expect(f.fix[f.fix.length - 1].key).toBe('provisioning.P3.userLog.failure.retry');
    expect(f.action?.kind).toBe('provisionOnDemand');
  });

  test('"not effectively entitled" in the logs → unassign and reassign', () => {
    const d = run('no_users: Anna skipped as not effectively entitled');
    expect(finding(d, 'P3.notEffectivelyEntitled').fix).toHaveLength(3);
    expect(finding(d, 'P3.userLog.skipped').detail?.key).toBe('provisioning.step.scoping');
  });

  test('Anna was provisioned fine', () => {
    expect(finding(run('no_users: Anna provisioned fine'), 'P3.userLog.success').severity).toBe('ok');
  });

  test('no log entries for an assigned, in-scope user → suggest Provision on demand', () => {
    const d = diagnoseApp('provisioning.no_users', snapshot({ focus: { query: 'anna@contoso.com' } }), clock);
    expect(finding(d, 'P3.userLog.none').action).toEqual({ kind: 'provisionOnDemand', userId: 'u-anna', ruleId: RULE_ID, jobId: JOB_ID });
  });

  test('the named user does not exist', () => {
    expect(finding(run('no_users: user not found'), 'P3.userNotFound').title.params).toEqual({ query: 'nobody@contoso.com' });
  });

  test('a tenant without Entra ID P1/P2 cannot read provisioning logs: a licence finding and the licence as the reason', () => {
    const d = run('no_users: free tenant without P1/P2');
    expect(finding(d, 'P5.licence').evidence['GET /auditLogs/provisioning']).toBe('403 Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    expect(d.unchecked.find((u) => u.id === 'P3.7')?.why).toEqual({ key: 'diag.unchecked.licence', params: { licence: 'Microsoft Entra ID P1 or P2' } });
  });

  test('a Global Reader still gets the assignment check (readable) while the job part is explained', () => {
    const d = run('no_users: Global Reader');
    expect(ids(d)).toEqual(expect.arrayContaining(['P0.globalReader', 'P3.assigned']));
  });
});

describe('an app with more than one provisioning job', () => {
  test('the diagnosis is about the job whose schema the snapshot holds, so its scoping filters and rule ids belong together', () => {
    const healthy = job({ id: 'slack.healthy' });
    const quarantined = { ...quarantinedJob('EncounteredQuarantineException', { code: 'HttpResponseError', message: '401 Unauthorized' }), id: 'slack.second' };
    const base = snapshot({ jobs: read([healthy, quarantined]) });
    expect(ids(diagnoseApp('provisioning.no_users', { ...base, schemaJobId: 'slack.second' }, clock))).toContain('P2.quarantine.credentials');
    expect(ids(diagnoseApp('provisioning.no_users', { ...base, schemaJobId: 'slack.healthy' }, clock))).not.toContain('P2.quarantine.credentials');
  });
});

