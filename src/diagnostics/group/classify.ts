/** Reading a Graph group: its type (groups-overview table) and where it is managed (docs/decision-trees.md, G0 and G1). */
import type { GraphGroup } from '../snapshot';

export type GroupKind = 'microsoft365' | 'security' | 'mailEnabledSecurity' | 'distribution' | 'other';

export function groupKind(g: Pick<GraphGroup, 'groupTypes' | 'mailEnabled' | 'securityEnabled'>): GroupKind {
  if ((g.groupTypes ?? []).includes('Unified')) return 'microsoft365';
  if (g.mailEnabled === true && g.securityEnabled === true) return 'mailEnabledSecurity';
  if (g.mailEnabled === true) return 'distribution';
  if (g.securityEnabled === true) return 'security';
  return 'other';
}

/** Mail-enabled security groups and distribution groups are read-only in Graph / Entra: Exchange manages them. */
export function isExchangeManaged(kind: GroupKind): boolean {
  return kind === 'mailEnabledSecurity' || kind === 'distribution';
}

export function isDynamic(g: Pick<GraphGroup, 'groupTypes'>): boolean {
  return (g.groupTypes ?? []).includes('DynamicMembership');
}

/**
 * onPremises: synced from AD now (read-only in the cloud).
 * converted: came from AD (sync flag false, or null with an on-prem SID) – now managed in the cloud.
 * cloud: born in the cloud.
 */
export type Authority = 'onPremises' | 'converted' | 'cloud';

export function sourceOfAuthority(g: Pick<GraphGroup, 'onPremisesSyncEnabled' | 'onPremisesSecurityIdentifier'>): Authority {
  if (g.onPremisesSyncEnabled === true) return 'onPremises';
  if (g.onPremisesSyncEnabled === false) return 'converted';
  if (g.onPremisesSecurityIdentifier) return 'converted';
  return 'cloud';
}

/** licenseProcessingState is `{ state }` in current docs and a bare string in older ones: read both. */
export function processingState(v: GraphGroup['licenseProcessingState']): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  return v.state?.trim() || null;
}
