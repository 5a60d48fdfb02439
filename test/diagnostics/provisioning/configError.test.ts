import { QUARANTINE_REASONS } from '../../../src/diagnostics/provisioning';
import { JOB_ID } from './builders';
import { finding, ids, run } from './helpers';

describe('P2 – "I get an error while configuring provisioning" and quarantine', () => {
  test('an admin saved wrong credentials for Salesforce: quarantine with EncounteredQuarantineException, explained as credentials', () => {
    const d = run('config_error: quarantine EncounteredQuarantineException');
    const f = d.findings[0];
    expect(f.id).toBe('P2.quarantine.credentials');
    expect(f.severity).toBe('blocker');
    expect(f.evidence).toMatchObject({
      'status.code': 'Quarantine',
      'status.quarantine.reason': 'EncounteredQuarantineException',
      'status.quarantine.currentBegan': '2025-03-08T06:00:00Z',
      'status.quarantine.nextAttempt': '2025-03-11T06:00:00Z',
      'status.quarantine.seriesCount': 4,
      'status.quarantine.error.code': 'SalesforceInvalidCredentials',
      'status.countSuccessiveCompleteFailures': 4,
    });
    expect(f.title.params).toMatchObject({ since: '2025-03-08T06:00Z', reason: 'EncounteredQuarantineException' });
    expect(f.fix.map((x) => x.key)).toContain('provisioning.quarantine.fix.credentials.3');
    expect(f.action).toEqual({ kind: 'restartJob', jobId: JOB_ID });
    expect(f.learnMore).toBe('https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-quarantine-status');
  });

  test.each(QUARANTINE_REASONS.map((r) => [r]))('quarantine reason %s gets its own explanation and a timeline', (reason) => {
    const d = run(`config_error: quarantine ${reason}`);
    const q = d.findings[0];
    expect(q.id).toMatch(/^P2\.quarantine\./);
    expect(q.detail?.key).toMatch(/^provisioning\.quarantine\.reason\./);
    expect(q.fix.length).toBeGreaterThan(1);
    const timeline = finding(d, 'P2.quarantine.timeline');
    // Series began 2025-03-03 06:00, now 2025-03-10 12:00 → 7 days in, 21 left before the job is switched off.
    expect(timeline.title.params).toMatchObject({ days: 7, daysLeft: 21, next: '2025-03-11T06:00Z' });
  });

  test('TooManyDeletes links to accidental deletions; a Microsoft-side quarantine suggests no restart', () => {
    expect(run('config_error: quarantine TooManyDeletes').findings[0]).toMatchObject({ id: 'P2.quarantine.tooManyDeletes', learnMore: expect.stringContaining('accidental-deletions') });
    expect(run('config_error: quarantine QuarantinedOnDemand').findings[0].action).toBeUndefined();
  });

  test('the last run failed twice with a server error (no quarantine): the error is explained and counted', () => {
    const f = finding(run('config_error: last run failed with a server error'), 'P2.lastRunFailed');
    expect(f.title.params).toMatchObject({ code: 'InternalServerError', failures: 2 });
    expect(f.detail?.key).toBe('provisioning.error.appServerError.explain');
    expect(f.evidence['status.lastExecution.error.message']).toBe('The remote server returned 500');
  });

  test('entry-level errors and pruned escrows are both reported, the latter with a restart suggestion', () => {
    const d = run('config_error: entry-level errors and pruned escrows');
    expect(finding(d, 'P2.entryErrors').title.params).toMatchObject({ count: 37 });
    expect(finding(d, 'P2.escrowsPruned').action).toEqual({ kind: 'restartJob', jobId: JOB_ID });
    expect(ids(d)).not.toContain('P2.healthy');
  });

  test('a healthy job: the saved configuration works', () => {
    const d = run('config_error: healthy job');
    expect(d.findings.find((f) => f.severity !== 'info')).toMatchObject({ id: 'P2.healthy', severity: 'ok' });
    expect(ids(d)).toContain('P2.manualMode');
  });

  test('no job yet on a custom SCIM app: SyncHelper cannot test credentials, so Test Connection and SCIM endpoint checks', () => {
    const d = run('config_error: never configured custom SCIM app');
    expect(ids(d)).toEqual(expect.arrayContaining(['P0.neverConfigured', 'P2.testConnection', 'P2.scim']));
    expect(finding(d, 'P2.scim').learnMore).toBe('https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups');
  });
});
