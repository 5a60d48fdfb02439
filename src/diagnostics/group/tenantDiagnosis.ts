/**
 * Sync questions that name no group (G3 "how does Connect sync…", G4 "sync errors"): tenant sync freshness (T1),
 * an explanation of any Connect error the admin pasted (§4.5), and where to see what Graph can't show.
 */
import type { Clock } from '../../clock';
import type { TenantSnapshot } from '../snapshot';
import { sortFindings, type Diagnosis, type Finding } from '../types';
import { unchecked } from '../unchecked';
import { explainConnectError } from './connectErrors';
import { howConnectSyncs } from './howto';
import { callerUnchecked, NEEDS } from './requirements';
import { connectToolsFinding, tenantSyncFinding } from './tenant';
import { tx } from './text';

export function diagnoseTenant(
  topic: 'group.sync_errors' | 'group.sync_howto',
  snapshot: TenantSnapshot,
  clock: Clock,
  opts: { errorText?: string } = {},
): Diagnosis {
  const findings: Finding[] = [];
  if (opts.errorText?.trim()) findings.push(...explainConnectError(opts.errorText));
  if (snapshot.organization.ok) findings.push(tenantSyncFinding(snapshot.organization.value, clock));
  findings.push(...(topic === 'group.sync_errors' ? [connectToolsFinding()] : howConnectSyncs()));
  const out = callerUnchecked(snapshot.caller);
  if (!snapshot.organization.ok) out.push(unchecked('T1', tx('group.unchecked.organization'), snapshot.organization, NEEDS.organization));
  const org = snapshot.organization.ok ? snapshot.organization.value : undefined;
  return {
    topic,
    subject: { kind: 'tenant', id: org?.id, displayName: org?.displayName ?? 'Microsoft Entra ID' },
    findings: sortFindings(findings),
    unchecked: out,
    checkedAt: snapshot.fetchedAt || clock.now().toISOString(),
  };
}
