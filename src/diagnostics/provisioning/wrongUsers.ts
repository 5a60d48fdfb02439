/** P4: the wrong set of users is provisioned (too many / too few). */
import { alternation, fromAllLanguages } from '../../i18n/lexicon';
import type { Lexicon } from '../../i18n/lexiconTypes';
import type { AppRoleAssignment, ProvisioningObjectSummary } from '../snapshot';
import type { EvidenceValue } from '../types';
import type { Ctx } from './context';
import { LEARN } from './links';
import { make, type ProvisioningAction } from './model';
import { describeFilter } from './scope';
import { schemaValue, userMapping } from './user';

export interface ScopeInference {
  kind: 'syncAllLikely' | 'assignedOnlyLikely' | 'unknown';
  /** Distinct users in the logs. */
  users: number;
  /** Distinct users that are directly assigned. */
  assignedUsers: number;
  /** Distinct users that are certainly not assigned (no groups are assigned, not assigned directly). */
  unassignedUsers: number;
  /** ...of which were skipped. */
  unassignedSkipped: number;
  /** ...of which were created/updated anyway. */
  unassignedProvisioned: number;
  /** Events whose scoping step mentions "sync all". */
  syncAllMentions: number;
}

const SYNC_ALL_TEXT = /sync\s*all|syncall|all users and groups/i;

function mentionsSyncAll(e: ProvisioningObjectSummary): boolean {
  return (e.provisioningSteps ?? []).some((s) => SYNC_ALL_TEXT.test(`${s.description ?? ''} ${Object.entries(s.details ?? {}).map(([k, v]) => `${k} ${v}`).join(' ')}`));
}

/**
 * P4.1: "Sync all users and groups" vs "Sync only assigned" can't be read through Graph (it's a write-only
 * secret). Infer it from the logs: events for users who aren't assigned mean the service looks at everyone.
 */
export function inferSyncScope(logs: ProvisioningObjectSummary[], assignments: AppRoleAssignment[]): ScopeInference {
  const direct = new Set(assignments.filter((a) => a.principalType === 'User').map((a) => a.principalId));
  const groupsAssigned = assignments.some((a) => a.principalType === 'Group');
  const users = new Map<string, { skipped: boolean; provisioned: boolean }>();
  let syncAllMentions = 0;
  for (const e of logs) {
    if (mentionsSyncAll(e)) syncAllMentions += 1;
    const id = e.sourceIdentity?.id;
    const type = (e.sourceIdentity?.identityType ?? 'User').toLowerCase();
    if (!id || type !== 'user') continue;
    const u = users.get(id) ?? { skipped: false, provisioned: false };
    const status = e.provisioningStatusInfo?.status;
    if (status === 'skipped') u.skipped = true;
    if ((status === 'success' || status === 'warning') && ['create', 'update'].includes((e.provisioningAction ?? '').toLowerCase())) u.provisioned = true;
    users.set(id, u);
  }
  let assignedUsers = 0;
  let unassignedUsers = 0;
  let unassignedSkipped = 0;
  let unassignedProvisioned = 0;
  for (const [id, u] of users) {
    if (direct.has(id)) assignedUsers += 1;
    else if (!groupsAssigned) {
      unassignedUsers += 1;
      if (u.skipped) unassignedSkipped += 1;
      if (u.provisioned) unassignedProvisioned += 1;
    }
  }
  let kind: ScopeInference['kind'] = 'unknown';
  if (syncAllMentions > 0 || unassignedSkipped >= 3 || unassignedProvisioned >= 1) kind = 'syncAllLikely';
  else if (users.size >= 3 && assignedUsers === users.size) kind = 'assignedOnlyLikely';
  return { kind, users: users.size, assignedUsers, unassignedUsers, unassignedSkipped, unassignedProvisioned, syncAllMentions };
}

/** Group names that usually mean "everyone". A hint only: the admin confirms. */
/** A group name that means everyone, in any language of the lexicons ("All users", "alle ansatte", "Everyone"). */
const words = (pick: (l: Lexicon['broadGroupNames']) => string[]) => alternation(fromAllLanguages((l) => pick(l.broadGroupNames)));
const BROAD = new RegExp(`(^|\\b)${words((b) => b.all)}[\\s_-]*${words((b) => b.people)}\\b|\\b${words((b) => b.alone)}\\b`, 'i');

function restart(ctx: Ctx): ProvisioningAction | undefined {
  return ctx.job ? { kind: 'restartJob', jobId: ctx.job.id } : undefined;
}

export function wrongUsersFindings(ctx: Ctx): void {
  const { snap } = ctx;
  const app = ctx.appName;

  // P4.1 Sync all vs assigned only.
  if (snap.logs.ok && snap.assignments.ok) {
    const inf = inferSyncScope(snap.logs.value, snap.assignments.value);
    const evidence: Record<string, EvidenceValue> = {
      'auditLogs/provisioning.distinctUsers': inf.users,
      'distinctUsers.directlyAssigned': inf.assignedUsers,
      'distinctUsers.notAssigned': inf.unassignedUsers,
      'distinctUsers.notAssigned.skipped': inf.unassignedSkipped,
      'distinctUsers.notAssigned.createdOrUpdated': inf.unassignedProvisioned,
      'provisioningSteps mentioning Sync all': inf.syncAllMentions,
      'appRoleAssignedTo[principalType=Group]': snap.assignments.value.filter((a) => a.principalType === 'Group').length,
    };
    const params = { app, users: inf.users, unassigned: inf.unassignedUsers };
    if (inf.kind === 'syncAllLikely') {
      ctx.findings.push(make({ id: 'P4.syncAllLikely', severity: 'warning', params, detail: true, fixSteps: 4, evidence, learnMore: LEARN.configure, action: restart(ctx) }));
    } else if (inf.kind === 'assignedOnlyLikely') {
      ctx.findings.push(make({ id: 'P4.assignedOnlyLikely', severity: 'info', params, detail: true, fixSteps: 1, evidence, learnMore: LEARN.configure }));
    } else {
      ctx.findings.push(make({ id: 'P4.scopeUnknown', severity: 'info', params, detail: true, fixSteps: 1, evidence, learnMore: LEARN.configure }));
    }
  } else {
    ctx.findings.push(make({ id: 'P4.scopeUnknown', severity: 'info', params: { app, users: '?', unassigned: '?' }, detail: true, fixSteps: 1, evidence: {}, learnMore: LEARN.configure }));
  }

  // P4.2 who is assigned; broad groups.
  if (snap.assignments.ok) {
    const groups = snap.assignments.value.filter((a) => a.principalType === 'Group');
    const broad = groups.filter((g) => BROAD.test(g.principalDisplayName ?? ''));
    if (broad.length) {
      const evidence: Record<string, EvidenceValue> = {};
      broad.slice(0, 5).forEach((g, i) => {
        evidence[`appRoleAssignedTo[${i}].principalDisplayName`] = g.principalDisplayName ?? g.principalId;
        evidence[`appRoleAssignedTo[${i}].principalType`] = g.principalType;
      });
      ctx.findings.push(
        make({ id: 'P4.broadGroup', severity: 'warning', params: { app, groups: broad.map((g) => g.principalDisplayName ?? g.principalId).join(', ') }, detail: true, fixSteps: 3, evidence, learnMore: LEARN.assignUsers }),
      );
    }
    if (groups.length) {
      const evidence: Record<string, EvidenceValue> = { 'appRoleAssignedTo[principalType=Group]': groups.length };
      groups.slice(0, 8).forEach((g, i) => {
        evidence[`group[${i}].principalDisplayName`] = g.principalDisplayName ?? g.principalId;
      });
      ctx.findings.push(make({ id: 'P4.assignedGroups', severity: 'info', params: { app, count: groups.length }, detail: true, fixSteps: 2, evidence, learnMore: LEARN.assignUsers }));
    }
  }

  // P4.2/P4.3 scoping filter shape.
  const schema = schemaValue(ctx);
  if (schema) {
    const m = userMapping(schema).enabled;
    const shape = describeFilter(m?.mapping.scope);
    const evidence = { 'objectMappings[User].scope.groups': shape.groups, 'objectMappings[User].scope.clauses': shape.clauses };
    if (m && shape.clauses === 0) ctx.findings.push(make({ id: 'P4.noFilter', severity: 'info', params: { app }, detail: true, evidence, learnMore: LEARN.scopingFilters }));
    if (shape.groups >= 2) ctx.findings.push(make({ id: 'P4.filterOr', severity: 'info', params: { app, groups: shape.groups }, detail: true, fixSteps: 1, evidence, learnMore: LEARN.scopingFilters }));
    if (shape.maxClausesInGroup >= 2) ctx.findings.push(make({ id: 'P4.filterAnd', severity: 'info', params: { app, clauses: shape.maxClausesInGroup }, detail: true, fixSteps: 1, evidence, learnMore: LEARN.scopingFilters }));
  }

}

/** P4.3–P4.8 general knowledge (known issues): advice that reads nothing, for the "wrong users" question only. */
export function wrongUsersGuidance(ctx: Ctx): void {
  const app = ctx.appName;
  ctx.findings.push(make({ id: 'P4.tooFew', severity: 'info', detail: true, fixSteps: 4, evidence: {}, learnMore: LEARN.noUsers }));
  ctx.findings.push(make({ id: 'P4.restartAfterScopeChange', severity: 'info', params: { app }, detail: true, fixSteps: 2, evidence: {}, learnMore: LEARN.knownIssues, action: restart(ctx) }));
  ctx.findings.push(make({ id: 'P4.outOfScope', severity: 'info', detail: true, fixSteps: 2, evidence: {}, learnMore: LEARN.skipOutOfScopeDeletions }));
  ctx.findings.push(make({ id: 'P4.targetChanges', severity: 'info', params: { app }, detail: true, evidence: {}, learnMore: LEARN.knownIssues }));
}
