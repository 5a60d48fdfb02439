/**
 * How the question orders the findings (docs/decision-trees.md, "How findings are ranked"). Every check that
 * applies to the object runs whatever topic was recognised; the topic only says which findings answer it.
 *
 * Order: (0) with a focus (a user named in an app), that user's cause, or when they have none, their outcome;
 * (1) problems (blocker/warning) that answer the question, in the order of the topic's list; (2) other blockers;
 * (3) other warnings; (4) 'ok'/'info' findings that answer the question, in list order; (5) the rest, without the
 * context lines (CONTEXT) that don't answer it.
 * Ties keep severity, then the order the checks produced them. So a blocker that answers the question beats an
 * unrelated warning, a real problem beats a reassuring "nothing wrong here", and a misread topic still shows the
 * object's real problem first.
 */
import type { IssueIntent } from '../topics';
import type { Finding, Severity } from './types';

/**
 * Per topic: the finding ids (or id prefixes, matched at a '.') that answer that question, best first.
 * A new topic adds its row here.
 */
export const RANKING: Record<IssueIntent, readonly string[]> = {
  'group.cannot_modify': ['G1.7', 'G1.1.synced', 'G1.2', 'G1.4.paused', 'G1.4', 'G1.5', 'G1.6', 'G1.3', 'T3', 'T4', 'T1', 'G1.7', 'G1.1'],
  'group.delete_licensed': ['G2.1', 'G2.3', 'G1.2', 'G1.5', 'G1.6', 'L1', 'G2.2', 'L4', 'L5', 'G2.4', 'T1'],
  'group.licensing': ['L4', 'L5', 'L1', 'L2', 'G1.4.paused', 'T1'],
  'group.sync_errors': ['G4', 'T3', 'T1', 'T4'],
  'group.sync_howto': ['G1.4.paused', 'G3.notSynced', 'G3.notMailEnabled', 'G3.securityMemberships', 'T1', 'T3', 'G1.4', 'G3'],
  'provisioning.setup': ['P0', 'P1', 'P2.quarantine', 'P3.off', 'P3.initialCycle'],
  'provisioning.config_error': ['P0', 'P2.quarantine', 'P2.lastRunFailed', 'P2.escrowsPruned', 'P2.entryErrors', 'P3.off', 'P2.testConnection', 'P2.scim', 'P2.healthy', 'P1'],
  'provisioning.no_users': [
    'P0',
    'P2.quarantine',
    'P3.off',
    'P3.userNotFound',
    'P3.notAssigned',
    'P3.nestedGroup',
    'P3.scopingFilter',
    'P3.mappingDisabled',
    'P3.mappingNoAdd',
    'P3.notEffectivelyEntitled',
    'P3.userLog',
    'P3.notEvaluatedYet',
    'P3.initialCycle',
    'P3.noAssignments',
    'P2',
    'P5.logError',
    'P3',
    'P5.skipped',
  ],
  'provisioning.wrong_users': [
    'P0',
    'P3.scopingFilter',
    'P4.syncAllLikely',
    'P4.broadGroup',
    'P3.notAssigned',
    'P3.nestedGroup',
    'P3.userLog',
    'P2.quarantine',
    'P3.off',
    'P4',
    'P3.assignments',
  ],
  'provisioning.logs': ['P0', 'P3.userLog', 'P2.quarantine', 'P3.off', 'P5', 'P3.nestedGroup', 'P3.notAssigned', 'P3.notEffectivelyEntitled', 'P3.scopingFilter'],
};

const positionIn = (list: readonly string[], id: string): number => list.findIndex((p) => id === p || id.startsWith(`${p}.`));
const isProblem = (s: Severity): boolean => s === 'blocker' || s === 'warning';

const severityRank: Record<Severity, number> = { blocker: 0, warning: 1, info: 2, ok: 3 };

/** Where `id` sits in the topic's list (exact id, or a prefix ending at a '.'), or -1 when it doesn't answer it. */
export function rankPosition(topic: IssueIntent, id: string): number {
  return positionIn(RANKING[topic], id);
}

function bucket(position: number, severity: Severity): number {
  if (position >= 0) return isProblem(severity) ? 0 : 3;
  if (severity === 'blocker') return 1;
  if (severity === 'warning') return 2;
  return 4;
}

/**
 * The object the admin named inside the object diagnosed (a user in an app): its findings lead whatever the topic.
 * `problems` orders the ones that are blockers or warnings (the cause), `outcomes` the others (e.g. "was provisioned").
 */
export interface Focus {
  problems: readonly string[];
  outcomes: readonly string[];
}

/**
 * Findings that describe the object rather than judge it (how it is assigned, what the logs hold, that a group has
 * no licences). As 'ok'/'info' they are shown only when they answer the question; everything else that was checked
 * stays on the card, so the verdict keeps its evidence without burying the answer.
 */
export const CONTEXT: readonly string[] = [
  'P3.assignments',
  'P4.scopeUnknown',
  'P4.assignedOnlyLikely',
  'P4.assignedGroups',
  'P4.noFilter',
  'P4.filterOr',
  'P4.filterAnd',
  'P5.summary',
  'P5.skipped',
  'P5.noEvents',
  'L2.noLicences',
  'G1.4.dynamic',
];

/**
 * The findings in the order the verdict card shows them for this question (stable), without the context lines that
 * don't answer it. With a focus (a user in an app), that user's cause leads, or when there is none, their outcome.
 */
export function rankFindings<F extends Finding>(topic: IssueIntent, findings: F[], focus?: Focus): F[] {
  const focusOf = (f: F): number => (focus ? positionIn(isProblem(f.severity) ? focus.problems : focus.outcomes, f.id) : -1);
  const focusProblem = findings.some((f) => isProblem(f.severity) && focusOf(f) >= 0);
  return findings
    .map((f, i) => {
      const focused = focusOf(f);
      const pos = rankPosition(topic, f.id);
      if (focused >= 0 && isProblem(f.severity)) return { f, i, b: -2, pos: focused };
      if (focused >= 0 && !focusProblem) return { f, i, b: -1, pos: focused };
      if (focused >= 0) return { f, i, b: 3, pos: pos < 0 ? RANKING[topic].length + focused : pos };
      if (pos < 0 && !isProblem(f.severity) && positionIn(CONTEXT, f.id) >= 0) return undefined;
      return { f, i, b: bucket(pos, f.severity), pos: pos < 0 ? Number.MAX_SAFE_INTEGER : pos };
    })
    .filter((x): x is { f: F; i: number; b: number; pos: number } => x !== undefined)
    .sort((a, b) => a.b - b.b || a.pos - b.pos || severityRank[a.f.severity] - severityRank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
