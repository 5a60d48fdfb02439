/**
 * Group diagnostics (trees G1–G4, licensing checks L1–L5; docs/decision-trees.md) as pure functions:
 * a GroupSnapshot and a Clock in, a Diagnosis out. Nothing here calls Graph or knows about dialogs.
 */
import type { Clock } from '../../clock';
import type { GroupTopic } from '../../topics';
import type { GroupSnapshot } from '../snapshot';
import { heldRoles } from '../roles';
import { rankFindings } from '../ranking';
import { dedupeFindings, type Diagnosis, type Finding } from '../types';
import { sourceOfAuthority } from './classify';
import { howConnectSyncs, tailoredHowto } from './howto';
import { deletePathFinding, licenseErrorFindings, licensesFinding, licenseStateFinding, membersLoseFinding, processingFinding } from './licensing';
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

/** Topics whose question is a change to the group: there, "you can't change it here" is a blocker. */
const CHANGE_TOPICS: readonly GroupTopic[] = ['group.cannot_modify', 'group.delete_licensed'];

/** Findings that only stop a change: information, not a problem, when the admin asked about something else. */
const CHANGE_ONLY = ['G1.1.synced', 'G1.2.exchange', 'G1.4.dynamic', 'G1.5.roleAssignable', 'G1.6.insufficient'];

/**
 * The diagnosis for one group: every check that applies to the group runs whatever the topic; the topic ranks the
 * findings (../ranking.ts). The delete path (G2) runs only when the question is about deleting.
 */
export function diagnoseGroup(topic: GroupTopic, snapshot: GroupSnapshot, clock: Clock, opts: DiagnoseGroupOptions = {}): Diagnosis {
  const g = snapshot.group;
  const change: Change | undefined = opts.change ?? (topic === 'group.delete_licensed' ? 'delete' : undefined);
  const aboutChange = change !== undefined || CHANGE_TOPICS.includes(topic);
  let findings = groupChecks(topic, snapshot, clock, change);
  if (!aboutChange) findings = findings.map((f) => (CHANGE_ONLY.includes(f.id) && f.severity === 'blocker' ? { ...f, severity: 'info' as const } : f));
  return {
    topic,
    subject: { kind: 'group', id: g.id, displayName: groupName(g) },
    findings: rankFindings(topic, dedupeFindings(findings)),
    unchecked: snapshotUnchecked(snapshot),
    checkedAt: snapshot.fetchedAt || clock.now().toISOString(),
  };
}

function tenantFinding(s: GroupSnapshot, clock: Clock): Finding | undefined {
  return s.organization.ok ? tenantSyncFinding(s.organization.value, clock) : undefined;
}

/** Every group check (G1, G3, G4, T1, T3, L1, L4, L5; G2 for a delete), in the order of the trees. */
function groupChecks(topic: GroupTopic, s: GroupSnapshot, clock: Clock, change: Change | undefined): Finding[] {
  const g = s.group;
  const org = s.organization.ok ? s.organization.value : undefined;
  const rights = callerRights(s);
  const authority = sourceOfAuthority(g);
  const deleting = change === 'delete';
  // A dynamic group is a blocker only when the admin is changing members; otherwise its rule is context.
  const dynamicChange = topic === 'group.cannot_modify' || change !== undefined ? change : 'properties';
  // Deleting a synced group: G2.3 says where to delete it, which is all G1.1 would add.
  const out: Finding[] = deleting && authority === 'onPremises' ? [] : [authorityFinding(g, org)];
  if (deleting) out.push(...deleteTree(s));
  out.push(...licenseChecks(s));
  out.push(...[tenantFinding(s, clock)].filter(defined));
  const errors = provisioningErrorFindings(g);
  out.push(...(errors.length > 0 ? errors : g.onPremisesProvisioningErrors !== undefined ? [noProvisioningErrors(g)] : []));
  out.push(...[exchangeFinding(g, change)].filter(defined));
  if (authority !== 'onPremises') {
    out.push(...dynamicFindings(g, dynamicChange));
    out.push(...[roleAssignableFinding(g, rights), rightsFinding(g, rights, change)].filter(defined));
    if (topic === 'group.sync_errors') out.push(notSyncedFinding(g, authority));
  }
  out.push(...topicGuidance(topic, g));
  if (topic === 'group.cannot_modify') {
    const explained = out.some((f) => (f.severity === 'blocker' || f.severity === 'warning') && !f.id.startsWith('T1.'));
    if (!explained) out.push(unexplainedFinding(g));
  }
  return out;
}

/** L1, L2, L4, L5: the group's licences, their processing and its members' licence errors. */
function licenseChecks(s: GroupSnapshot): Finding[] {
  const g = s.group;
  return [
    processingFinding(g),
    ...(s.membersWithLicenseErrors.ok ? licenseErrorFindings(g, s.membersWithLicenseErrors.value, s.subscribedSkus) : []),
    licenseStateFinding(g, s.membersWithLicenseErrors, s.subscribedSkus),
  ].filter(defined);
}

function deleteTree(s: GroupSnapshot): Finding[] {
  const g = s.group;
  return [licensesFinding(g, s.subscribedSkus), membersLoseFinding(g, s.subscribedSkus), deletePathFinding(g)].filter(defined);
}

/** G4: a group that isn't synced can't have Connect sync errors. */
function notSyncedFinding(g: GroupSnapshot['group'], authority: 'cloud' | 'converted'): Finding {
  return finding({
    id: 'G4.notSynced',
    severity: 'info',
    key: authority === 'converted' ? 'group.g4.notSynced.converted' : 'group.g4.notSynced.cloud',
    params: { name: groupName(g) },
    fixSteps: 0,
    evidence: groupEvidence(g, ['onPremisesSyncEnabled', 'onPremisesSecurityIdentifier', 'onPremisesLastSyncDateTime']),
    learnMore: LEARN.soaOverview,
  });
}

/** Advice without evidence (how Connect syncs, where to see Connect's own errors): only for the topic that asks for it. */
function topicGuidance(topic: GroupTopic, g: GroupSnapshot['group']): Finding[] {
  if (topic === 'group.sync_errors') return [connectToolsFinding()];
  if (topic === 'group.sync_howto') return [...tailoredHowto(g), ...howConnectSyncs()];
  return [];
}

export { diagnoseTenant } from './tenantDiagnosis';
