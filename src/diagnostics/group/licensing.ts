/** Tree G2 (deleting a licensed group) and the group-based licensing checks L1–L5 (docs/decision-trees.md, G2 and L). */
import type { GraphGroup, LicenseAssignmentState, LicenseErrorMember, Part, SubscribedSku } from '../snapshot';
import type { EvidenceValue, Finding } from '../types';
import { groupKind, isExchangeManaged, processingState, sourceOfAuthority } from './classify';
import { LEARN } from './links';
import { capList, finding, form, groupEvidence, groupName, tx } from './text';

/** skuId → skuPartNumber when the tenant's SKUs could be read; otherwise the skuId itself. */
export function skuLabel(skuId: string, skus: Part<SubscribedSku[]>): string {
  if (!skus.ok) return skuId;
  const hit = skus.value.find((s) => s.skuId.toLowerCase() === skuId.toLowerCase());
  return hit?.skuPartNumber || skuId;
}

/** Evidence key + joined value for the group's licences: by name when SKUs are readable, else by id. */
export function licenseEvidence(g: GraphGroup, skus: Part<SubscribedSku[]>): Record<string, EvidenceValue> {
  const ids = (g.assignedLicenses ?? []).map((l) => l.skuId);
  return skus.ok
    ? { 'assignedLicenses[].skuPartNumber': ids.map((id) => skuLabel(id, skus)).join(', ') }
    : { 'assignedLicenses[].skuId': ids.join(', ') };
}

function processingEvidence(g: GraphGroup): Record<string, EvidenceValue> {
  return g.licenseProcessingState === undefined ? {} : { 'licenseProcessingState.state': processingState(g.licenseProcessingState) };
}

/** G2.1 – licences on the group block its deletion. */
export function licensesFinding(g: GraphGroup, skus: Part<SubscribedSku[]>): Finding {
  const name = groupName(g);
  const licences = g.assignedLicenses ?? [];
  if (licences.length === 0) {
    return finding({ id: 'G2.1.noLicences', severity: 'ok', key: 'group.g2.noLicences', params: { name }, detail: false, evidence: { assignedLicenses: 0 } });
  }
  const names = licences.map((l) => skuLabel(l.skuId, skus)).join(', ');
  const ids = licences.map((l) => l.skuId).join('", "');
  return finding({
    id: 'G2.1.licensed',
    severity: 'blocker',
    key: 'group.g2.licensed',
    params: { name, skus: names, count: licences.length, skuIds: `"${ids}"`, groupId: g.id },
    fixSteps: 4,
    evidence: { ...licenseEvidence(g, skus), ...processingEvidence(g) },
    learnMore: LEARN.licensingDeleteGroup,
  });
}

/** L1 – licence processing not finished (or failed). Silent when complete or unknown. */
export function processingFinding(g: GraphGroup): Finding | undefined {
  const state = processingState(g.licenseProcessingState);
  if (!state || state === 'ProcessingComplete') return undefined;
  const name = groupName(g);
  const failed = state === 'ProcessingFailed';
  return finding({
    id: failed ? 'L1.failed' : 'L1.processing',
    severity: 'warning',
    key: failed ? 'group.l1.failed' : 'group.l1.processing',
    params: { name, state },
    fixSteps: 2,
    evidence: processingEvidence(g),
    learnMore: LEARN.licensingAdvanced,
  });
}

/** G2.2 – what members lose when the group's licences go. */
export function membersLoseFinding(g: GraphGroup, skus: Part<SubscribedSku[]>): Finding | undefined {
  const licences = g.assignedLicenses ?? [];
  if (licences.length === 0) return undefined;
  const names = licences.map((l) => skuLabel(l.skuId, skus)).join(', ');
  return finding({
    id: 'G2.2.membersLose',
    severity: 'warning',
    key: 'group.g2.membersLose',
    params: { name: groupName(g), skus: names },
    fixSteps: 3,
    evidence: licenseEvidence(g, skus),
    learnMore: LEARN.licensingGroupDeleted,
  });
}

export const LICENSE_ERRORS = [
  'CountViolation',
  'MutuallyExclusiveViolation',
  'DependencyViolation',
  'ProhibitedInUsageLocationViolation',
  'UniquenessViolation',
  'Other',
] as const;
export type LicenseError = (typeof LICENSE_ERRORS)[number];

function normalizeError(raw: string | null): LicenseError {
  const hit = LICENSE_ERRORS.find((e) => e.toLowerCase() === (raw ?? '').trim().toLowerCase());
  return hit ?? 'Other';
}

/** A state assigned by this group that is in error. */
function isGroupError(s: LicenseAssignmentState, groupId: string): boolean {
  if ((s.assignedByGroup ?? '').toLowerCase() !== groupId.toLowerCase()) return false;
  const err = (s.error ?? '').trim();
  const state = (s.state ?? '').trim();
  return (err !== '' && err.toLowerCase() !== 'none') || state === 'Error' || state === 'ActiveWithError';
}

interface MemberError {
  member: LicenseErrorMember;
  state: LicenseAssignmentState;
  error: LicenseError;
}

export function memberErrors(g: GraphGroup, members: LicenseErrorMember[]): MemberError[] {
  const out: MemberError[] = [];
  for (const member of members) {
    for (const state of member.licenseAssignmentStates ?? []) {
      if (isGroupError(state, g.id)) out.push({ member, state, error: normalizeError(state.error) });
    }
  }
  return out;
}

const who = (m: LicenseErrorMember): string => m.userPrincipalName || m.displayName || m.id;
const unique = (xs: string[]): string[] => [...new Set(xs)];

/** L4 (who has errors from this group) and L5 (one finding per error code, with its remedy). */
export function licenseErrorFindings(g: GraphGroup, members: LicenseErrorMember[], skus: Part<SubscribedSku[]>): Finding[] {
  const errors = memberErrors(g, members);
  if (errors.length === 0) return [];
  const name = groupName(g);
  const people = unique(errors.map((e) => who(e.member)));
  const out: Finding[] = [
    {
      id: 'L4.memberErrors',
      severity: 'warning',
      title: tx(`group.l4.title.${form(people.length)}`, { name, count: people.length }),
      detail: tx('group.l4.detail', { name }),
      evidence: {
        'membersWithLicenseErrors[].userPrincipalName': capList(people),
        'membersWithLicenseErrors@count': people.length,
      },
      fix: [tx('group.l4.fix.1'), tx('group.l4.fix.2')],
      learnMore: LEARN.licensingResolve,
    },
  ];
  for (const code of LICENSE_ERRORS) {
    const these = errors.filter((e) => e.error === code);
    if (these.length === 0) continue;
    const users = unique(these.map((e) => who(e.member)));
    const skuNames = unique(these.map((e) => (e.state.skuId ? skuLabel(e.state.skuId, skus) : '-')));
    const evidence: Record<string, EvidenceValue> = {
      'licenseAssignmentStates[].error': unique(these.map((e) => e.state.error ?? 'null')).join(', '),
      'licenseAssignmentStates[].state': unique(these.map((e) => e.state.state ?? 'null')).join(', '),
      [skus.ok ? 'licenseAssignmentStates[].skuId → skuPartNumber' : 'licenseAssignmentStates[].skuId']: skuNames.join(', '),
      userPrincipalName: capList(users),
    };
    if (code === 'ProhibitedInUsageLocationViolation') {
      evidence.usageLocation = capList(unique(these.map((e) => `${who(e.member)}: ${e.member.usageLocation ?? 'null'}`)));
    }
    if (code === 'CountViolation' && skus.ok) {
      for (const id of unique(these.map((e) => e.state.skuId ?? ''))) {
        const sku = skus.value.find((s) => s.skuId.toLowerCase() === id.toLowerCase());
        if (!sku) continue;
        if (sku.prepaidUnits) evidence[`subscribedSkus[${sku.skuPartNumber}].prepaidUnits.enabled`] = sku.prepaidUnits.enabled;
        if (sku.consumedUnits !== undefined) evidence[`subscribedSkus[${sku.skuPartNumber}].consumedUnits`] = sku.consumedUnits;
      }
    }
    const key = code.charAt(0).toLowerCase() + code.slice(1);
    out.push({
      id: `L5.${key}`,
      severity: 'warning',
      title: tx(`group.l5.${key}.title.${form(users.length)}`, { name, count: users.length, skus: skuNames.join(', ') }),
      detail: tx(`group.l5.${key}.detail`, { skus: skuNames.join(', ') }),
      evidence,
      fix: [1, 2, 3].map((i) => tx(`group.l5.${key}.fix.${i}`, { skus: skuNames.join(', ') })),
      learnMore: LEARN.licensingResolve,
    });
  }
  return out;
}

/**
 * L2 – what the group assigns when nothing is wrong with it: no licences at all (info), or its products and that no
 * member has an error from it (ok). Silent when there are errors (L4/L5 say it) or the members couldn't be read.
 */
export function licenseStateFinding(g: GraphGroup, members: Part<LicenseErrorMember[]>, skus: Part<SubscribedSku[]>): Finding | undefined {
  const name = groupName(g);
  const licences = g.assignedLicenses ?? [];
  if (licences.length === 0) {
    return finding({ id: 'L2.noLicences', severity: 'info', key: 'group.l2.noLicences', params: { name }, detail: false, evidence: { assignedLicenses: 0 }, learnMore: LEARN.licensingResolve });
  }
  if (!members.ok || memberErrors(g, members.value).length > 0) return undefined;
  const names = licences.map((l) => skuLabel(l.skuId, skus)).join(', ');
  return finding({
    id: 'L2.noErrors',
    severity: 'ok',
    key: 'group.l2.noErrors',
    params: { name, skus: names },
    detail: false,
    evidence: { ...licenseEvidence(g, skus), ...processingEvidence(g), 'membersWithLicenseErrors@count': 0 },
    learnMore: LEARN.licensingResolve,
  });
}

/** G2.3 (synced: delete on-prem) or G2.4 (cloud: who can delete, soft- or hard-delete). */
export function deletePathFinding(g: GraphGroup): Finding | undefined {
  const name = groupName(g);
  const licensed = (g.assignedLicenses ?? []).length > 0;
  if (sourceOfAuthority(g) === 'onPremises') {
    return finding({
      id: 'G2.3.syncedDelete',
      severity: 'blocker',
      key: licensed ? 'group.g2.syncedDelete.licensed' : 'group.g2.syncedDelete',
      params: { name },
      fixSteps: 4,
      evidence: groupEvidence(g, ['onPremisesSyncEnabled', 'onPremisesSamAccountName', 'onPremisesLastSyncDateTime']),
      learnMore: LEARN.cannotManageObjects,
    });
  }
  const kind = groupKind(g);
  if (isExchangeManaged(kind)) return undefined; // G1.2 says: delete it in Exchange
  const soft = kind === 'microsoft365';
  return finding({
    id: 'G2.4.cloudDelete',
    severity: 'info',
    key: soft ? 'group.g2.cloudDelete.m365' : 'group.g2.cloudDelete.security',
    params: { name },
    fixSteps: 3,
    evidence: groupEvidence(g, ['groupTypes', 'mailEnabled', 'securityEnabled', 'onPremisesSyncEnabled']),
    learnMore: LEARN.groupDelete,
  });
}
