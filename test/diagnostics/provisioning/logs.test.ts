import { JOB_ID } from './builders';
import { finding, ids, run } from './helpers';

describe('P5 – "show me the provisioning logs"', () => {
  test('failures are grouped by error code (most frequent first) with the failing step in plain words and the remedy', () => {
    const d = run('logs: failures, skips and a stale anchor');
    const errors = d.findings.filter((f) => f.id === 'P5.logError');
    expect(errors.map((f) => f.title.params?.code)).toEqual(['MandatoryFieldsMissing', 'InvalidAnchor', 'TotallyNewCode']);
    expect(errors[0]).toMatchObject({ title: { key: 'provisioning.P5.logError.export.title', params: { count: 2 } }, detail: { key: 'provisioning.error.missingValues.explain' } });
    expect(errors[1].title.key).toBe('provisioning.P5.logError.matching.title');
    expect(errors[1].action).toEqual({ kind: 'restartJob', jobId: JOB_ID });
    expect(errors[2].detail?.key).toBe('provisioning.error.unknown.explain');
    expect(errors[0].learnMore).toBe('https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs#error-codes');
  });

  test('the summary counts statuses and lists at most 8 of the newest events', () => {
    const f = finding(run('logs: failures, skips and a stale anchor'), 'P5.summary');
    expect(f.title.params).toMatchObject({ subject: 'Box', total: 6, failures: 4, skipped: 1, success: 1 });
    expect(f.evidence['provisioningLogs[0]']).toBe('2025-03-10T11:29:00Z · create · failure · Anna Berg · InvalidAnchor');
    expect(Object.keys(f.evidence).filter((k) => k.startsWith('provisioningLogs[')).length).toBeLessThanOrEqual(8);
  });

  test('skipped events are explained with the step that skipped them', () => {
    const f = finding(run('logs: failures, skips and a stale anchor'), 'P5.skipped');
    expect(f.detail?.key).toBe('provisioning.step.scoping');
    expect(f.title.params).toMatchObject({ count: 1, reason: 'Out of scope' });
  });

  test('empty logs', () => {
    // Every app check runs; nothing is wrong with the job, so the empty log answers the question.
    expect(ids(run('logs: empty logs'))[0]).toBe('P5.noEvents');
  });

  test('Anna has no log rows and is only in a nested group: the known issue explains it', () => {
    const d = run('logs: Anna has no entries and is nested');
    // Anna's own findings lead: the cause (nested group), then her outcome (no log rows).
    expect(ids(d).slice(0, 2)).toEqual(['P3.nestedGroup', 'P3.userLog.none']);
    expect(ids(d)).toContain('P5.noEvents');
    expect(finding(d, 'P5.noEvents').title.key).toBe('provisioning.P5.noEvents.user.title');
  });

  test('a free tenant: licence finding as a warning', () => {
    expect(run('logs: free tenant').findings[0]).toMatchObject({ id: 'P5.licence', severity: 'warning' });
  });

  test('a caller without any log-reading role: which roles and scopes are needed', () => {
    const d = run('logs: caller without any log role');
    const why = d.unchecked.find((u) => u.id === 'P3.7')!.why;
    expect(why.key).toBe('diag.unchecked.denied');
    expect(why.params?.scopes).toBe('ProvisioningLog.Read.All, AuditLog.Read.All, Directory.Read.All');
    expect(String(why.params?.roles)).toContain('Reports Reader');
  });
});
