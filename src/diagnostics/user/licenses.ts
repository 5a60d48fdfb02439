/**
 * A user's licences (L6): one finding per product in licenseAssignmentStates — where it comes from (directly, or
 * which group), its state and error, and the fix; plus "nothing from <group>" when the admin named a group.
 */
import type { LicenseAssignmentState, Part, SubscribedSku, UserSnapshot } from '../snapshot';
import type { EvidenceValue, Finding, Severity } from '../types';
import { LICENSE_ERRORS, skuLabel, type LicenseError } from '../group/licensing';
import { LEARN } from '../group/links';
import { finding, steps, tx } from '../group/text';
import { USER_LEARN } from './links';
import { userName } from './sync';

type Source = 'group' | 'direct';

/** How many fix steps each error's advice has (user.l6.<error>.fix.1..n). */
const FIX_STEPS: Record<LicenseError, number> = {
  CountViolation: 3,
  MutuallyExclusiveViolation: 3,
  DependencyViolation: 3,
  ProhibitedInUsageLocationViolation: 3,
  UniquenessViolation: 2,
  Other: 2,
};

function errorOf(s: LicenseAssignmentState): LicenseError | undefined {
  const raw = (s.error ?? '').trim();
  if (raw === '' || raw.toLowerCase() === 'none') return s.state === 'Error' || s.state === 'ActiveWithError' ? 'Other' : undefined;
  return LICENSE_ERRORS.find((e) => e.toLowerCase() === raw.toLowerCase()) ?? 'Other';
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function groupLabel(snapshot: UserSnapshot, id: string): string {
  const part = snapshot.licenseGroups[id.toLowerCase()];
  if (part?.ok) return part.value.displayName?.trim() || id;
  if (snapshot.focusGroup && snapshot.focusGroup.id.toLowerCase() === id.toLowerCase()) return snapshot.focusGroup.displayName ?? id;
  return id;
}

function countEvidence(skuId: string | null, skus: Part<SubscribedSku[]>): Record<string, EvidenceValue> {
  if (!skuId || !skus.ok) return {};
  const sku = skus.value.find((s) => s.skuId.toLowerCase() === skuId.toLowerCase());
  if (!sku) return {};
  return {
    ...(sku.prepaidUnits ? { [`subscribedSkus[${sku.skuPartNumber}].prepaidUnits.enabled`]: sku.prepaidUnits.enabled } : {}),
    ...(sku.consumedUnits !== undefined ? { [`subscribedSkus[${sku.skuPartNumber}].consumedUnits`]: sku.consumedUnits } : {}),
  };
}

/** One finding for one licence state. */
function stateFinding(snapshot: UserSnapshot, s: LicenseAssignmentState, others: string[]): Finding {
  const u = snapshot.user;
  const source: Source = s.assignedByGroup ? 'group' : 'direct';
  const skus = s.skuId ? skuLabel(s.skuId, snapshot.subscribedSkus) : '-';
  const group = s.assignedByGroup ? groupLabel(snapshot, s.assignedByGroup) : '';
  const location = u.usageLocation ?? '';
  const params = { user: userName(u), skus, group, location: location || '-', otherSkus: others.join(', ') || '-', error: s.error ?? s.state ?? '-' };
  const evidence: Record<string, EvidenceValue> = {
    [snapshot.subscribedSkus.ok ? 'licenseAssignmentStates[].skuId → skuPartNumber' : 'licenseAssignmentStates[].skuId']: skus,
    'licenseAssignmentStates[].assignedByGroup': s.assignedByGroup ? `${group}${group === s.assignedByGroup ? '' : ` (${s.assignedByGroup})`}` : null,
    'licenseAssignmentStates[].state': s.state,
    'licenseAssignmentStates[].error': s.error,
    'licenseAssignmentStates[].lastUpdatedDateTime': s.lastUpdatedDateTime ?? null,
  };
  const error = errorOf(s);
  if (!error) {
    const disabled = s.state === 'Disabled';
    return finding({
      id: disabled ? 'L6.disabled' : 'L6.active',
      severity: disabled ? 'info' : 'ok',
      key: `user.l6.${disabled ? 'disabled' : 'active'}.${source}`,
      params,
      detail: false,
      evidence,
      learnMore: disabled ? LEARN.licensingResolve : undefined,
    });
  }
  const key = lowerFirst(error);
  const variant = error === 'ProhibitedInUsageLocationViolation' && !location ? `${key}.noLocation` : key;
  if (error === 'ProhibitedInUsageLocationViolation') evidence.usageLocation = u.usageLocation ?? null;
  if (error === 'CountViolation') Object.assign(evidence, countEvidence(s.skuId, snapshot.subscribedSkus));
  const severity: Severity = s.state === 'ActiveWithError' ? 'warning' : 'blocker';
  return {
    id: `L6.${key}`,
    severity,
    title: tx(`user.l6.${variant}.title.${source}`, params),
    detail: tx(`user.l6.${variant}.detail`, params),
    evidence,
    fix: steps(`user.l6.${variant}.fix`, FIX_STEPS[error], params),
    learnMore: LEARN.licensingResolve,
  };
}

/** L6 – every product the user has or should have, and where it comes from. */
export function licenseFindings(snapshot: UserSnapshot): Finding[] {
  const u = snapshot.user;
  const states = u.licenseAssignmentStates ?? [];
  const out: Finding[] = [];
  if (states.length === 0 && u.licenseAssignmentStates !== undefined) {
    out.push(finding({ id: 'L6.none', severity: 'info', key: 'user.l6.none', params: { user: userName(u) }, detail: false, evidence: { 'user.assignedLicenses': 0 } }));
  }
  for (const s of states) {
    // For "conflicts with a product the user already has": the other products that are active.
    const others = states
      .filter((o) => o !== s && o.skuId && o.skuId !== s.skuId && !errorOf(o) && o.state !== 'Disabled')
      .map((o) => skuLabel(o.skuId as string, snapshot.subscribedSkus));
    out.push(stateFinding(snapshot, s, [...new Set(others)]));
  }
  const focus = snapshot.focusGroup;
  if (focus && !states.some((s) => (s.assignedByGroup ?? '').toLowerCase() === focus.id.toLowerCase())) {
    out.push(
      finding({
        id: 'L6.notFromGroup',
        severity: 'warning',
        key: 'user.l6.notFromGroup',
        params: { user: userName(u), group: focus.displayName ?? focus.id },
        fixSteps: 3,
        evidence: { 'licenseAssignmentStates[].assignedByGroup': states.map((s) => s.assignedByGroup ?? 'direct').join(', ') || '' },
        learnMore: USER_LEARN.licensingAssign,
      }),
    );
  }
  return out;
}
