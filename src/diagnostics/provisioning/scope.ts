/**
 * Scoping filters (objectMapping.scope) evaluated against one user, the way the provisioning service does
 * (docs/decision-trees.md, P3; Graph "filter" resource; Learn: define-conditional-rules-for-provisioning-user-accounts):
 *  - clauses in one filter group are AND-ed; groups in one set are OR-ed; non-empty sets must all pass;
 *  - a null or empty attribute makes a clause false (except IS_NULL / IS_NOT_NULL);
 *  - EQUALS / NOT_EQUALS / Includes / REGEX are case-sensitive;
 *  - extensionAttribute1..15 come from onPremisesExtensionAttributes;
 *  - an attribute that is not in the snapshot (not selected/read) is UNEVALUABLE, never "out of scope".
 */
import type { FilterClause, FilterGroup, GraphUser, SynchronizationFilter } from '../snapshot';
import type { EvidenceValue } from '../types';

export type FilterSet = 'groups' | 'inputFilterGroups' | 'categoryFilterGroups';

export interface ClauseRef {
  set: FilterSet;
  /** Name of the filter group, or its 1-based position when unnamed. */
  group: string;
  clause: FilterClause;
}

export interface FailingClause extends ClauseRef {
  /** The user's value as read (arrays joined with ', '). */
  actual: EvidenceValue;
}

export type UnevaluableReason = 'attributeNotRead' | 'unsupportedOperator' | 'multiValued' | 'invalidRegex' | 'notANumber';

export interface UnevaluableClause extends ClauseRef {
  reason: UnevaluableReason;
}

export interface ScopeEvaluation {
  /** True only when the filter certainly lets the user in. */
  inScope: boolean;
  /** 'unknown' when the verdict depends on clauses that couldn't be evaluated. */
  verdict: 'in' | 'out' | 'unknown';
  /** False clauses of the groups that failed (empty when in scope). */
  failingClauses: FailingClause[];
  /** Clauses that couldn't be evaluated and why. */
  unevaluable: UnevaluableClause[];
  /** True when the filter has no clauses at all (everyone passes). */
  empty: boolean;
}

type Tri = true | false | 'unknown';

const SETS: FilterSet[] = ['inputFilterGroups', 'groups', 'categoryFilterGroups'];

/** Sync-schema attribute names that differ from Graph user property names. */
const ALIASES: Record<string, string> = {
  objectid: 'id',
  physicaldeliveryofficename: 'officeLocation',
  mobile: 'mobilePhone',
  facsimiletelephonenumber: 'faxNumber',
  co: 'country',
  c: 'usageLocation',
  l: 'city',
  st: 'state',
  title: 'jobTitle',
  sn: 'surname',
  company: 'companyName',
};

type Lookup = { found: false } | { found: true; value: unknown };

/** The user's value for a source attribute name; { found: false } when the snapshot doesn't carry it. */
export function userAttribute(user: GraphUser, name: string): Lookup {
  const ext = /^extensionAttribute(\d{1,2})$/i.exec(name);
  if (ext) {
    const bag = user.onPremisesExtensionAttributes;
    if (bag === undefined) return { found: false };
    if (bag === null) return { found: true, value: null };
    const key = Object.keys(bag).find((k) => k.toLowerCase() === `extensionattribute${ext[1]}`);
    return key === undefined ? { found: false } : { found: true, value: bag[key] };
  }
  const wanted = (ALIASES[name.toLowerCase()] ?? name).toLowerCase();
  const key = Object.keys(user).find((k) => k.toLowerCase() === wanted);
  if (key === undefined) return { found: false };
  return { found: true, value: user[key] };
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function asText(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

function eq(actual: unknown, expected: string): boolean {
  // Booleans are written True/False in the portal; compare them without case. Strings are case-sensitive.
  if (typeof actual === 'boolean') return asText(actual).toLowerCase() === expected.trim().toLowerCase();
  return asText(actual) === expected;
}

function normalizeOperator(op: string): string {
  return op.replace(/[\s_]/g, '').toUpperCase();
}

function toInteger(v: unknown): number | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^-?\d+$/.test(s) ? Number(s) : undefined;
}

interface ClauseResult {
  value: Tri;
  reason?: UnevaluableReason;
  actual: EvidenceValue;
}

function evidence(v: unknown): EvidenceValue {
  if (v === undefined) return null;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => asText(x)).join(', ');
  return JSON.stringify(v);
}

export function evaluateClause(clause: FilterClause, user: GraphUser): ClauseResult {
  const op = normalizeOperator(clause.operatorName ?? '');
  const values = clause.targetOperand?.values ?? [];
  const look = userAttribute(user, clause.sourceOperandName);
  if (!look.found) return { value: 'unknown', reason: 'attributeNotRead', actual: null };
  const v = look.value;
  const actual = evidence(v);
  if (Array.isArray(v)) return { value: 'unknown', reason: 'multiValued', actual };

  switch (op) {
    case 'ISNULL':
      return { value: isEmpty(v), actual };
    case 'ISNOTNULL':
      return { value: !isEmpty(v), actual };
  }
  if (isEmpty(v)) return { value: false, actual };

  switch (op) {
    case 'EQUALS':
      return { value: values.some((x) => eq(v, x)), actual };
    case 'NOTEQUALS':
      return { value: !values.some((x) => eq(v, x)), actual };
    case 'ISTRUE':
      return { value: v === true || (typeof v === 'string' && v.toLowerCase() === 'true'), actual };
    case 'ISFALSE':
      return { value: v === false || (typeof v === 'string' && v.toLowerCase() === 'false'), actual };
    case 'INCLUDES':
      return { value: values.some((x) => asText(v).includes(x)), actual };
    case 'REGEXMATCH':
    case 'NOTREGEXMATCH': {
      let matched = false;
      try {
        matched = values.some((x) => new RegExp(x).test(asText(v)));
      } catch {
        return { value: 'unknown', reason: 'invalidRegex', actual };
      }
      return { value: op === 'REGEXMATCH' ? matched : !matched, actual };
    }
    case 'GREATERTHAN':
    case 'GREATERTHANOREQUALS': {
      const a = toInteger(v);
      const b = toInteger(values[0]);
      if (a === undefined || b === undefined) return { value: 'unknown', reason: 'notANumber', actual };
      return { value: op === 'GREATERTHAN' ? a > b : a >= b, actual };
    }
    default:
      return { value: 'unknown', reason: 'unsupportedOperator', actual };
  }
}

function groupName(g: FilterGroup, i: number): string {
  return g.name?.trim() || String(i + 1);
}

/** Evaluate a scoping filter for one user. */
export function evaluateScope(filter: SynchronizationFilter | null | undefined, user: GraphUser): ScopeEvaluation {
  const failingClauses: FailingClause[] = [];
  const unevaluable: UnevaluableClause[] = [];
  let overall: Tri = true;
  let empty = true;

  for (const set of SETS) {
    const groups = (filter?.[set] ?? []).filter((g) => (g.clauses ?? []).length > 0);
    if (groups.length === 0) continue;
    empty = false;
    let setValue: Tri = false;
    const failedHere: FailingClause[] = [];
    groups.forEach((g, i) => {
      let gv: Tri = true;
      for (const clause of g.clauses) {
        const r = evaluateClause(clause, user);
        const ref = { set, group: groupName(g, i), clause };
        if (r.value === false) {
          gv = false;
          failedHere.push({ ...ref, actual: r.actual });
        } else if (r.value === 'unknown') {
          if (gv === true) gv = 'unknown';
          unevaluable.push({ ...ref, reason: r.reason ?? 'unsupportedOperator' });
        }
      }
      if (gv === true) setValue = true;
      else if (gv === 'unknown' && setValue === false) setValue = 'unknown';
    });
    if (setValue === false) {
      failingClauses.push(...failedHere);
      overall = false;
    } else if (setValue === 'unknown' && overall === true) {
      overall = 'unknown';
    }
  }

  const verdict = overall === true ? 'in' : overall === false ? 'out' : 'unknown';
  return { inScope: verdict === 'in', verdict, failingClauses, unevaluable, empty };
}

/** Count filter groups and clauses (for "OR between groups" / "AND inside a group" hints). */
export function describeFilter(filter: SynchronizationFilter | null | undefined): { groups: number; clauses: number; maxClausesInGroup: number } {
  let groups = 0;
  let clauses = 0;
  let maxClausesInGroup = 0;
  for (const set of SETS) {
    for (const g of filter?.[set] ?? []) {
      const n = (g.clauses ?? []).length;
      if (n === 0) continue;
      groups += 1;
      clauses += n;
      maxClausesInGroup = Math.max(maxClausesInGroup, n);
    }
  }
  return { groups, clauses, maxClausesInGroup };
}

/** A clause in plain form for evidence: "department EQUALS Sales". */
export function clauseText(c: FilterClause): string {
  const vals = c.targetOperand?.values ?? [];
  return `${c.sourceOperandName} ${c.operatorName}${vals.length ? ` ${vals.join(' | ')}` : ''}`;
}
