/**
 * Findings are data (docs/architecture.md, "How a live check flows"). Diagnostics return them; cards render them.
 * Every user-facing text is an i18n key plus parameters, resolved at render time in the admin's language.
 * This module imports nothing from botbuilder or HTTP.
 */
import type { IssueIntent, ObjectKind } from '../topics';

export type Severity = 'ok' | 'info' | 'warning' | 'blocker';

/** An i18n key with its parameters, e.g. { key: 'group.g1.synced.title', params: { name: 'Sales' } }. */
export interface Text {
  key: string;
  params?: Record<string, string | number>;
}

export type EvidenceValue = string | number | boolean | null;

export interface Finding {
  /** Stable check id from docs/decision-trees.md (e.g. 'G1.1', 'L1', 'T1', 'P2.1') plus an outcome suffix: 'G1.1.synced'. */
  id: string;
  severity: Severity;
  /** The verdict, one sentence. */
  title: Text;
  /** Why it matters / what it means, a short paragraph (optional). */
  detail?: Text;
  /** Graph property → value, exactly as read, e.g. { 'onPremisesSyncEnabled': true }. Keys are not translated. */
  evidence: Record<string, EvidenceValue>;
  /** The fix, as numbered steps. Empty when nothing needs doing. */
  fix: Text[];
  /** Official Microsoft Learn page for this finding. */
  learnMore?: string;
}

/** Something SyncHelper could not check, and why (missing role, scope, licence, 404...). */
export interface Unchecked {
  /** Check id, e.g. 'T1' or 'P3.7'. */
  id: string;
  what: Text;
  why: Text;
}

export interface DiagnosisSubject {
  kind: ObjectKind | 'tenant';
  /** Object id of the group or app; for a user 'user:<object id>' (a refresh tells the kind from it). */
  id?: string;
  displayName: string;
}

/** The result of one live check, rendered as the verdict card. */
export interface Diagnosis {
  topic: IssueIntent;
  subject: DiagnosisSubject;
  /** In answer order: the finding that answers the question first (diagnostics/ranking.ts); the card keeps it. */
  findings: Finding[];
  unchecked: Unchecked[];
  /** ISO time of the snapshot the verdict was computed from. */
  checkedAt: string;
}

const rank: Record<Severity, number> = { blocker: 0, warning: 1, info: 2, ok: 3 };

/** Stable order: most severe first, then the order the checks produced them. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** The same check can be reached from two trees (e.g. G1.2 in a delete, P3.notEffectivelyEntitled); keep its first occurrence. */
export function dedupeFindings<F extends Finding>(findings: F[]): F[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id}|${JSON.stringify(f.evidence)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
