import type { Diagnosis, Finding } from '../../../src/diagnostics/types';

/** A Groups Administrator asks why the synced group 'Salg "Øst"' can't be edited. */
export const groupDiagnosis: Diagnosis = {
  topic: 'group.cannot_modify',
  subject: { kind: 'group', id: '11111111-1111-1111-1111-111111111111', displayName: 'Salg "Øst"' },
  checkedAt: '2025-03-01T10:00:00Z',
  findings: [
    { id: 'T1.ok', severity: 'ok', title: { key: 'guide.group.sync_errors.health.title' }, evidence: { onPremisesLastSyncDateTime: '2025-03-01T09:40:00Z' }, fix: [] },
    {
      id: 'G1.1.synced',
      severity: 'blocker',
      title: { key: 'guide.group.cannot_modify.source.title' },
      detail: { key: 'guide.group.cannot_modify.source.why' },
      evidence: { onPremisesSyncEnabled: true, onPremisesSecurityIdentifier: 'S-1-5-21-1-2-3-1105', mail: null },
      fix: [{ key: 'guide.group.cannot_modify.source.do' }, { key: 'guide.group.cannot_modify.soa.do' }],
      learnMore: 'https://learn.microsoft.com/entra/identity/hybrid/concept-source-of-authority-overview',
    },
  ],
  unchecked: [{ id: 'G1.3', what: { key: 'guide.group.cannot_modify.soa.title' }, why: { key: 'diag.unchecked.denied', params: { roles: 'Hybrid Identity Administrator', scopes: 'Group-OnPremisesSyncBehavior.ReadWrite.All' } } }],
};

/** A provisioning check with many findings, to test the size guard. */
export function bigDiagnosis(n: number): Diagnosis {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    id: `P3.7.failure.${i}`,
    severity: i === 0 ? 'blocker' : i % 3 ? 'warning' : 'info',
    title: { key: 'guide.provisioning.logs.codes.title' },
    detail: { key: 'guide.provisioning.logs.codes.why' },
    evidence: { userPrincipalName: `bruker${i}.ærlig@contoso.no`, errorCode: 'EntryConflict', activityDateTime: '2025-02-28T23:59:00Z' },
    fix: [{ key: 'guide.provisioning.logs.codes.do' }, { key: 'guide.provisioning.logs.read.do' }],
    learnMore: 'https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs#error-codes',
  }));
  return {
    topic: 'provisioning.no_users',
    subject: { kind: 'app', id: 'sp-1', displayName: 'Slack' },
    checkedAt: '2025-03-01T10:00:00Z',
    findings,
    unchecked: Array.from({ length: 6 }, (_, i) => ({ id: `P3.${i}`, what: { key: 'guide.provisioning.logs.open.title' }, why: { key: 'diag.unchecked.licence', params: { licence: 'Microsoft Entra ID P1 or P2' } } })),
  };
}
