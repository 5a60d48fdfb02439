/** Small helpers shared by the group diagnostics: i18n Text values, numbered fix steps, capped lists, evidence. */
import type { EvidenceValue, Finding, Severity, Text } from '../types';
import type { GraphGroup } from '../snapshot';

export type Params = Record<string, string | number>;

export function tx(key: string, params?: Params): Text {
  return params ? { key, params } : { key };
}

/** Numbered fix steps `${base}.1` … `${base}.${n}`, sharing the same params. */
export function steps(base: string, n: number, params?: Params): Text[] {
  return Array.from({ length: n }, (_, i) => tx(`${base}.${i + 1}`, params));
}

/** Plural form used by the en and nb tables (both languages have just one/other). */
export function form(n: number): 'one' | 'other' {
  return n === 1 ? 'one' : 'other';
}

/** At most this many items of a list go into evidence; the rest are counted. */
export const MAX_LISTED = 10;

/** 'a, b, c' – or the first `max` items and '… (+N)' for the rest (language-neutral, evidence is not translated). */
export function capList(values: string[], max = MAX_LISTED): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')}, … (+${values.length - max})`;
}

export function groupName(g: Pick<GraphGroup, 'displayName' | 'id'>): string {
  return g.displayName?.trim() || g.id;
}

/** Evidence with the group's own properties exactly as read; properties the snapshot didn't select are left out. */
export function groupEvidence(g: GraphGroup, keys: (keyof GraphGroup)[]): Record<string, EvidenceValue> {
  const out: Record<string, EvidenceValue> = {};
  for (const k of keys) {
    const v = g[k];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      out[k] = v.every((x) => typeof x === 'string') ? (v as string[]).join(', ') : JSON.stringify(v);
    } else if (v !== null && typeof v === 'object') {
      out[k] = JSON.stringify(v);
    } else {
      out[k] = v as EvidenceValue;
    }
  }
  return out;
}

export interface FindingSpec {
  id: string;
  severity: Severity;
  /** Key stem: title = `${key}.title`, detail = `${key}.detail` (when `detail` isn't false), fix = `${key}.fix.1..n`. */
  key: string;
  params?: Params;
  fixSteps?: number;
  /** Extra fix steps appended after the numbered ones. */
  extraFix?: Text[];
  detail?: boolean;
  evidence?: Record<string, EvidenceValue>;
  learnMore?: string;
}

export function finding(spec: FindingSpec): Finding {
  const f: Finding = {
    id: spec.id,
    severity: spec.severity,
    title: tx(`${spec.key}.title`, spec.params),
    evidence: spec.evidence ?? {},
    fix: [...steps(`${spec.key}.fix`, spec.fixSteps ?? 0, spec.params), ...(spec.extraFix ?? [])],
  };
  if (spec.detail !== false) f.detail = tx(`${spec.key}.detail`, spec.params);
  if (spec.learnMore) f.learnMore = spec.learnMore;
  return f;
}
