/** T1 tenant sync freshness, T3 per-object provisioning errors, T4 pointer to Connect-side tools (docs/decision-trees.md, G4). */
import type { Clock } from '../../clock';
import type { GraphGroup, Organization } from '../snapshot';
import type { Finding, Severity } from '../types';
import { LEARN } from './links';
import { finding, form, groupName, tx } from './text';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SyncFreshness = 'fresh' | 'late' | 'stale' | 'critical';

/** Upper bounds (ms) of the fresh, late and stale bands; anything older is critical. */
export interface FreshnessBands {
  fresh: number;
  late: number;
  stale: number;
}

/** §4.4 thresholds the live check uses: ≤ 60 min fresh, > 60 min late, > 24 h stale, > 7 days critical. */
export const CHECK_BANDS: FreshnessBands = { fresh: HOUR, late: DAY, stale: 7 * DAY };

/**
 * A watch speaks up later than the check (issue #10): late after 3 h (a few missed 30-minute cycles, not one slow
 * one), stale after 24 h and critical after 7 days as in the check.
 */
export const WATCH_BANDS: FreshnessBands = { fresh: 3 * HOUR, late: DAY, stale: 7 * DAY };

export function freshness(ageMs: number, bands: FreshnessBands = CHECK_BANDS): SyncFreshness {
  if (ageMs <= bands.fresh) return 'fresh';
  if (ageMs <= bands.late) return 'late';
  if (ageMs <= bands.stale) return 'stale';
  return 'critical';
}

export type AgeUnit = 'minute' | 'hour' | 'day';

/** An age as a count and a unit that reads naturally: minutes under 2 hours, hours under 2 days, else days. */
export function ageInWords(ageMs: number): { count: number; unit: AgeUnit } {
  const ms = Math.max(0, ageMs);
  if (ms < 2 * HOUR) return { count: Math.floor(ms / MINUTE), unit: 'minute' };
  if (ms < 2 * DAY) return { count: Math.floor(ms / HOUR), unit: 'hour' };
  return { count: Math.floor(ms / DAY), unit: 'day' };
}

/** i18n key of "{count} <unit> ago" in the right plural form: group.age.<unit>.<one|other>. */
export function ageKey(ageMs: number): { key: string; count: number } {
  const { count, unit } = ageInWords(ageMs);
  return { key: `group.age.${unit}.${form(count)}`, count };
}

const FRESHNESS_SEVERITY: Record<SyncFreshness, Severity> = {
  fresh: 'ok',
  late: 'warning',
  stale: 'blocker',
  critical: 'blocker',
};

/** T1 – how fresh the tenant's directory sync is. */
export function tenantSyncFinding(org: Organization, clock: Clock, bands: FreshnessBands = CHECK_BANDS): Finding {
  const evidence = {
    onPremisesSyncEnabled: org.onPremisesSyncEnabled,
    onPremisesLastSyncDateTime: org.onPremisesLastSyncDateTime,
  };
  if (org.onPremisesSyncEnabled === null || org.onPremisesSyncEnabled === undefined) {
    return finding({ id: 'T1.never', severity: 'info', key: 'group.t1.never', fixSteps: 0, evidence, learnMore: LEARN.syncUserAndContacts });
  }
  if (org.onPremisesSyncEnabled === false) {
    return finding({ id: 'T1.off', severity: 'info', key: 'group.t1.off', fixSteps: 2, evidence, learnMore: LEARN.cannotManageObjects });
  }
  const last = org.onPremisesLastSyncDateTime ? Date.parse(org.onPremisesLastSyncDateTime) : NaN;
  if (Number.isNaN(last)) {
    return finding({ id: 'T1.never', severity: 'warning', key: 'group.t1.noCycle', fixSteps: 3, evidence, learnMore: LEARN.scheduler });
  }
  const ageMs = clock.now().getTime() - last;
  const state = freshness(ageMs, bands);
  const age = ageKey(ageMs);
  return {
    id: `T1.${state}`,
    severity: FRESHNESS_SEVERITY[state],
    title: tx(age.key, { count: age.count }),
    detail: tx(`group.t1.${state}.detail`),
    evidence,
    fix: state === 'fresh' ? [] : fixFor(state),
    learnMore: LEARN.scheduler,
  };
}

function fixFor(state: Exclude<SyncFreshness, 'fresh'>): Finding['fix'] {
  const n = { late: 3, stale: 4, critical: 4 }[state];
  return Array.from({ length: n }, (_, i) => tx(`group.t1.${state}.fix.${i + 1}`));
}

/** T3 – per-object sync errors Graph exposes on the group (duplicate attribute resiliency). */
export function provisioningErrorFindings(g: GraphGroup): Finding[] {
  const name = groupName(g);
  return (g.onPremisesProvisioningErrors ?? []).map((e) => {
    const evidence = {
      'onPremisesProvisioningErrors[].category': e.category,
      'onPremisesProvisioningErrors[].propertyCausingError': e.propertyCausingError,
      'onPremisesProvisioningErrors[].value': e.value,
      'onPremisesProvisioningErrors[].occurredDateTime': e.occurredDateTime,
    };
    const params = { name, value: e.value ?? '-', property: e.propertyCausingError ?? '-' };
    if ((e.category ?? '').toLowerCase() !== 'propertyconflict') {
      return finding({ id: 'T3.other', severity: 'warning', key: 'group.t3.other', params: { ...params, category: e.category ?? '-' }, fixSteps: 2, evidence, learnMore: LEARN.syncErrors });
    }
    const prop = (e.propertyCausingError ?? '').toLowerCase();
    const variant = prop === 'userprincipalname' ? 'upn' : prop === 'proxyaddress' || prop === 'proxyaddresses' ? 'proxy' : 'property';
    return finding({
      id: 'T3.propertyConflict',
      severity: 'warning',
      key: `group.t3.conflict.${variant}`,
      params,
      fixSteps: 4,
      evidence,
      learnMore: LEARN.duplicateAttributeResiliency,
    });
  });
}

/** T3 with nothing found on the object. */
export function noProvisioningErrors(g: GraphGroup): Finding {
  return finding({
    id: 'T3.none',
    severity: 'ok',
    key: 'group.t3.none',
    params: { name: groupName(g) },
    detail: false,
    evidence: { onPremisesProvisioningErrors: (g.onPremisesProvisioningErrors ?? []).length },
  });
}

/** T4 – the errors Graph can't see live in Connect Health and the Synchronization Service Manager. */
export function connectToolsFinding(): Finding {
  return finding({ id: 'T4.connectTools', severity: 'info', key: 'group.t4.tools', fixSteps: 4, learnMore: LEARN.connectHealthSync });
}
