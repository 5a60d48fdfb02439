/**
 * Group diagnostics (trees G1–G4, licensing checks L1–L5; domain.md §3–§5) as pure functions:
 * a GroupSnapshot and a Clock in, a Diagnosis out. Nothing here calls Graph or knows about dialogs.
 */
import type { Clock } from '../../clock';
import type { GroupTopic } from '../../topics';
import type { GroupSnapshot } from '../snapshot';
import { heldRoles } from '../roles';
import { sortFindings, type Diagnosis, type Finding } from '../types';
import { sourceOfAuthority } from './classify';
import { howConnectSyncs, tailoredHowto } from './howto';
import { deletePathFinding, licenceErrorFindings, licencesFinding, membersLoseFinding, processingFinding } from './licensing';
import { LEARN } from './links';
import {
  authorityFinding,
  dynamicFindings,
  exchangeFinding,
  rightsFinding,
  roleAssignableFinding,
  unexplainedFinding,
  type CallerRights,
  type Change,
} from './modify';
import { snapshotUnchecked } from './requirements';
import { connectToolsFinding, noProvisioningErrors, provisioningErrorFindings, tenantSyncFinding } from './tenant';
import { finding, groupEvidence, groupName } from './text';

export type { GroupTopic };
export interface DiagnoseGroupOptions {
  /** What the admin tried to change, when the dialog knows it. */
  change?: Change;
}

export type { Change, CallerRights } from './modify';
export { howConnectSyncs } from './howto';
export { explainConnectError } from './connectErrors';
export { diagnoseResolutionProblem } from './resolution';
export { groupKind, sourceOfAuthority, processingState, isExchangeManaged, isDynamic } from './classify';
export type { GroupKind, Authority } from './classify';
export { freshness, ageInWords, ageKey, tenantSyncFinding, CHECK_BANDS, WATCH_BANDS, type FreshnessBands, type SyncFreshness } from './tenant';
export { rolesThatCan } from './modify';

export function callerRights(s: GroupSnapshot): CallerRights {
  const roles = s.caller.roles;
  return {
    held: heldRoles(roles),
    roleNames: roles.ok ? roles.value.map((r) => r.displayName) : undefined,
    owns: s.ownedGroupIds.ok ? s.ownedGroupIds.value.some((id) => id.toLowerCase() === s.group.id.toLowerCase()) : undefined,
  };
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** The diagnosis for one group; the topic decides which checks lead, other blockers that explain the complaint follow. */
export function diagnoseGroup(topic: GroupTopic, snapshot: GroupSnapshot, clock: Clock, opts: DiagnoseGroupOptions = {}): Diagnosis {
  const g = snapshot.group;
  const change: Change | undefined = opts.change ?? (topic === 'group.delete_licensed' ? 'delete' : undefined);
  let findings: Finding[];
  switch (topic) {
    case 'group.cannot_modify':
      findings = modifyChecks(snapshot, clock, change);
      break;
    case 'group.delete_licensed':
      findings = deleteChecks(snapshot, clock);
      break;
    case 'group.sync_errors':
      findings = syncErrorChecks(snapshot, clock);
      break;
    case 'group.sync_howto':
      findings = howtoChecks(snapshot, clock);
      break;
  }
  return {
    topic,
    subject: { kind: 'group', id: g.id, displayName: groupName(g) },
    findings: sortFindings(dedupe(findings)),
    unchecked: snapshotUnchecked(snapshot),
    checkedAt: snapshot.fetchedAt || clock.now().toISOString(),
  };
}

function tenantFinding(s: GroupSnapshot, clock: Clock): Finding | undefined {
  return s.organization.ok ? tenantSyncFinding(s.organization.value, clock) : undefined;
}

/** G1 (+ G1.1a tenant sync, G1.1b object errors; G2 when the change is a delete). */
function modifyChecks(s: GroupSnapshot, clock: Clock, change: Change | undefined): Finding[] {
  const g = s.group;
  const org = s.organization.ok ? s.organization.value : undefined;
  const rights = callerRights(s);
  const authority = sourceOfAuthority(g);
  const out: Finding[] = [authorityFinding(g, org)];
  if (authority !== 'cloud') out.push(...[tenantFinding(s, clock)].filter(defined));
  out.push(...provisioningErrorFindings(g));
  out.push(...[exchangeFinding(g, change)].filter(defined));
  if (authority !== 'onPremises') {
    out.push(...dynamicFindings(g, change));
    out.push(...[roleAssignableFinding(g, rights), rightsFinding(g, rights, change)].filter(defined));
  }
  if (change === 'delete') out.push(...deleteTree(s));
  const explained = out.some((f) => (f.severity === 'blocker' || f.severity === 'warning') && !f.id.startsWith('T1.'));
  if (!explained) out.push(unexplainedFinding(g));
  return out;
}

function deleteTree(s: GroupSnapshot): Finding[] {
  const g = s.group;
  return [
    licencesFinding(g, s.subscribedSkus),
    processingFinding(g),
    membersLoseFinding(g, s.subscribedSkus),
    ...(s.membersWithLicenseErrors.ok ? licenceErrorFindings(g, s.membersWithLicenseErrors.value, s.subscribedSkus) : []),
    deletePathFinding(g),
  ].filter(defined);
}

/** G2 (+ L1–L5), and the G1 blockers that also stop a delete. */
function deleteChecks(s: GroupSnapshot, clock: Clock): Finding[] {
  const g = s.group;
  const rights = callerRights(s);
  const authority = sourceOfAuthority(g);
  const out = deleteTree(s);
  out.push(...[exchangeFinding(g, 'delete')].filter(defined));
  if (authority === 'onPremises') {
    out.push(...[tenantFinding(s, clock)].filter(defined));
  } else {
    out.push(...[roleAssignableFinding(g, rights), rightsFinding(g, rights, 'delete')].filter(defined));
  }
  return out;
}

/** G4: T1 tenant freshness, T3 object errors, T4 where the rest of the errors are. */
function syncErrorChecks(s: GroupSnapshot, clock: Clock): Finding[] {
  const g = s.group;
  const out: Finding[] = [tenantFinding(s, clock)].filter(defined);
  const errors = provisioningErrorFindings(g);
  const authority = sourceOfAuthority(g);
  if (authority !== 'onPremises') {
    out.push(
      finding({
        id: 'G4.notSynced',
        severity: 'info',
        key: authority === 'converted' ? 'group.g4.notSynced.converted' : 'group.g4.notSynced.cloud',
        params: { name: groupName(g) },
        fixSteps: 0,
        evidence: groupEvidence(g, ['onPremisesSyncEnabled', 'onPremisesSecurityIdentifier', 'onPremisesLastSyncDateTime']),
        learnMore: LEARN.soaOverview,
      }),
    );
  }
  out.push(...(errors.length > 0 ? errors : g.onPremisesProvisioningErrors !== undefined ? [noProvisioningErrors(g)] : []));
  out.push(connectToolsFinding());
  return out;
}

/** G3: tailored guidance first, the tenant's sync state, then the general card. */
function howtoChecks(s: GroupSnapshot, clock: Clock): Finding[] {
  const g = s.group;
  return [...tailoredHowto(g), ...[tenantFinding(s, clock)].filter(defined), ...provisioningErrorFindings(g), ...howConnectSyncs()];
}

/** The same check can be reached from two trees (e.g. G1.2 in a delete); keep its first occurrence. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id}|${JSON.stringify(f.evidence)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
export { diagnoseTenant } from './tenantDiagnosis';
