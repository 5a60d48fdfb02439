/** Shared types and small helpers of the provisioning diagnostics. */
import type { ProvisioningTopic } from '../../topics';
import type { EvidenceValue, Finding, Severity, Text } from '../types';

export type { ProvisioningTopic };

/** An action the dialog may offer as a button (after confirmation and write consent). Diagnostics only suggest. */
export type ProvisioningAction =
  | { kind: 'provisionOnDemand'; userId: string; ruleId: string; jobId: string }
  | { kind: 'restartJob'; jobId: string };

export type ProvisioningFinding = Finding & { action?: ProvisioningAction };

/** Graph's "never" for steady-state times. */
export const NEVER_PREFIX = '0001-01-01';

export function isNever(iso: string | null | undefined): boolean {
  return !iso || iso.startsWith(NEVER_PREFIX);
}

/** A time for text parameters, kept as ISO 8601 to the minute (2025-03-04T09:15Z): the card formats it for the admin. */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso || isNever(iso)) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16)}Z`;
}

export function minutesBetween(fromIso: string | null | undefined, to: Date): number | undefined {
  if (!fromIso || isNever(fromIso)) return undefined;
  const t = new Date(fromIso).getTime();
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.round((to.getTime() - t) / 60000));
}

export function p(key: string, params?: Record<string, string | number>): Text {
  return params ? { key: `provisioning.${key}`, params } : { key: `provisioning.${key}` };
}

/** Numbered fix steps provisioning.<base>.fix.1..n, all with the same params. */
export function steps(base: string, n: number, params?: Record<string, string | number>): Text[] {
  return Array.from({ length: n }, (_, i) => p(`${base}.fix.${i + 1}`, params));
}

export interface FindingSpec {
  id: string;
  severity: Severity;
  /** Text key base under provisioning.; defaults to the id. Title = <base>.title, detail = <base>.detail. */
  base?: string;
  params?: Record<string, string | number>;
  detail?: boolean | Text;
  fixSteps?: number;
  fix?: Text[];
  evidence?: Record<string, EvidenceValue | undefined>;
  learnMore?: string;
  action?: ProvisioningAction;
}

/** Drop undefined evidence (a property that wasn't read isn't evidence). */
export function cleanEvidence(e: Record<string, EvidenceValue | undefined> | undefined): Record<string, EvidenceValue> {
  const out: Record<string, EvidenceValue> = {};
  for (const [k, v] of Object.entries(e ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

export function make(spec: FindingSpec): ProvisioningFinding {
  const base = spec.base ?? spec.id;
  const params = spec.params ?? {};
  const f: ProvisioningFinding = {
    id: spec.id,
    severity: spec.severity,
    title: p(`${base}.title`, params),
    evidence: cleanEvidence(spec.evidence),
    fix: [...(spec.fixSteps ? steps(base, spec.fixSteps, params) : []), ...(spec.fix ?? [])],
  };
  if (spec.detail === true) f.detail = p(`${base}.detail`, params);
  else if (spec.detail) f.detail = spec.detail;
  if (spec.learnMore) f.learnMore = spec.learnMore;
  if (spec.action) f.action = spec.action;
  return f;
}

/** Cut long free text (Graph messages) for evidence. */
export function clip(s: string | null | undefined, max = 300): string | null {
  if (s === null || s === undefined) return null;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
