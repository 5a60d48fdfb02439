/** P3.4–P3.8 for one named user (and the app-wide scope/assignment checks that don't need one). */
import type { AppRoleAssignment, ObjectMapping, ProvisioningObjectSummary, SynchronizationRule, SynchronizationSchema } from '../snapshot';
import type { EvidenceValue } from '../types';
import { byNewest, type Ctx } from './context';
import { explainProvisioningError } from './errors';
import { LEARN } from './links';
import { clip, fmtTime, isNever, make, p, type ProvisioningAction } from './model';
import { clauseText, describeFilter, evaluateScope, type ScopeEvaluation } from './scope';

/** appRoleId of the "Default Access" role. */
export const DEFAULT_ACCESS_ROLE = '00000000-0000-0000-0000-000000000000';

export type AssignmentKind = 'direct' | 'group' | 'nested' | 'none' | 'unknown';

export interface Assignment {
  kind: AssignmentKind;
  /** The assignments that give (or would give, for nested) the user access. */
  via: AppRoleAssignment[];
}

export interface UserMapping {
  rule: SynchronizationRule;
  mapping: ObjectMapping;
}

/** The mapping that provisions users (source object 'User'); an enabled one wins. */
export function userMapping(schema: SynchronizationSchema | undefined): { enabled?: UserMapping; disabled?: UserMapping } {
  const all: UserMapping[] = [];
  for (const rule of schema?.synchronizationRules ?? []) {
    for (const mapping of rule.objectMappings ?? []) {
      if ((mapping.sourceObjectName ?? '').toLowerCase() === 'user') all.push({ rule, mapping });
    }
  }
  return { enabled: all.find((m) => m.mapping.enabled), disabled: all.find((m) => !m.mapping.enabled) };
}

export function schemaValue(ctx: Ctx): SynchronizationSchema | undefined {
  return ctx.snap.schema?.ok ? ctx.snap.schema.value : undefined;
}

/** P3.5: how is the focused user assigned? */
export function classifyAssignment(ctx: Ctx): Assignment {
  const focus = ctx.snap.user;
  const user = ctx.user;
  if (!focus || !user || !ctx.snap.assignments.ok) return { kind: 'unknown', via: [] };
  const assignments = ctx.snap.assignments.value;
  const direct = assignments.filter((a) => a.principalType === 'User' && a.principalId === user.id);
  if (direct.length) return { kind: 'direct', via: direct };
  const groupAssignments = assignments.filter((a) => a.principalType === 'Group');
  if (groupAssignments.length === 0) return { kind: 'none', via: [] };
  const directIds = focus.directGroupIds.ok ? new Set(focus.directGroupIds.value) : undefined;
  const transitiveIds = focus.transitiveGroupIds.ok ? new Set(focus.transitiveGroupIds.value) : undefined;
  if (directIds) {
    const viaDirect = groupAssignments.filter((a) => directIds.has(a.principalId));
    if (viaDirect.length) return { kind: 'group', via: viaDirect };
  }
  if (transitiveIds) {
    const viaNested = groupAssignments.filter((a) => transitiveIds.has(a.principalId) && !directIds?.has(a.principalId));
    if (viaNested.length) return directIds ? { kind: 'nested', via: viaNested } : { kind: 'unknown', via: viaNested };
    if (directIds) return { kind: 'none', via: [] };
  }
  return { kind: 'unknown', via: [] };
}

function assignmentEvidence(list: AppRoleAssignment[]): Record<string, EvidenceValue> {
  const e: Record<string, EvidenceValue> = {};
  list.slice(0, 5).forEach((a, i) => {
    e[`appRoleAssignedTo[${i}].principalType`] = a.principalType;
    e[`appRoleAssignedTo[${i}].principalDisplayName`] = a.principalDisplayName ?? a.principalId;
    e[`appRoleAssignedTo[${i}].appRoleId`] = a.appRoleId === DEFAULT_ACCESS_ROLE ? `${a.appRoleId} (Default Access)` : a.appRoleId;
    if (a.createdDateTime) e[`appRoleAssignedTo[${i}].createdDateTime`] = a.createdDateTime;
  });
  return e;
}

function names(list: AppRoleAssignment[]): string {
  return list.map((a) => a.principalDisplayName ?? a.principalId).join(', ');
}

/** Findings for the user's assignment. */
export function assignmentFindings(ctx: Ctx, a: Assignment, severityIfMissing: 'blocker' | 'warning'): void {
  const required = ctx.snap.servicePrincipal.appRoleAssignmentRequired ?? null;
  const params = { user: ctx.userLabel, app: ctx.appName, groups: names(a.via) || '-' };
  const base = { 'servicePrincipal.appRoleAssignmentRequired': required, 'user.id': ctx.user?.id };
  switch (a.kind) {
    case 'direct':
    case 'group':
      ctx.findings.push(make({ id: 'P3.assigned', base: `P3.assigned.${a.kind}`, severity: 'ok', params, evidence: { ...base, ...assignmentEvidence(a.via) }, learnMore: LEARN.assignUsers }));
      return;
    case 'nested':
      ctx.findings.push(
        make({
          id: 'P3.nestedGroup',
          severity: severityIfMissing,
          params,
          detail: true,
          fixSteps: 3,
          evidence: {
            ...base,
            ...assignmentEvidence(a.via),
            'user/memberOf (direct) contains assigned group': false,
            'user/transitiveMemberOf contains assigned group': true,
          },
          learnMore: LEARN.knownIssues,
        }),
      );
      return;
    case 'none':
      ctx.findings.push(
        make({
          id: 'P3.notAssigned',
          severity: severityIfMissing,
          params,
          detail: true,
          fixSteps: 3,
          evidence: { ...base, 'appRoleAssignedTo.count': ctx.snap.assignments.ok ? ctx.snap.assignments.value.length : undefined },
          learnMore: LEARN.assignUsers,
        }),
      );
      return;
    default:
      return;
  }
}

/** P3.5 without a named user: is anybody assigned? */
export function assignmentOverview(ctx: Ctx): void {
  if (!ctx.snap.assignments.ok) return;
  const list = ctx.snap.assignments.value;
  const users = list.filter((a) => a.principalType === 'User').length;
  const groups = list.filter((a) => a.principalType === 'Group').length;
  const evidence = {
    'appRoleAssignedTo.count': list.length,
    'appRoleAssignedTo[principalType=User]': users,
    'appRoleAssignedTo[principalType=Group]': groups,
    'servicePrincipal.appRoleAssignmentRequired': ctx.snap.servicePrincipal.appRoleAssignmentRequired ?? null,
  };
  if (list.length === 0) {
    ctx.findings.push(make({ id: 'P3.noAssignments', severity: 'warning', params: { app: ctx.appName }, detail: true, fixSteps: 3, evidence, learnMore: LEARN.assignUsers }));
  } else {
    ctx.findings.push(make({ id: 'P3.assignments', severity: 'info', params: { app: ctx.appName, users, groups }, detail: true, evidence: { ...evidence, ...assignmentEvidence(list) }, learnMore: LEARN.assignUsers }));
  }
}

export type ScopeVerdict = ScopeEvaluation['verdict'] | 'noFilter' | 'notChecked';

/** P3.6: user mapping enabled, Add flow, scoping filter (for the named user when there is one). */
export function mappingAndScopeFindings(ctx: Ctx): { verdict: ScopeVerdict; ruleId?: string } {
  const schema = schemaValue(ctx);
  if (!schema) return { verdict: 'notChecked' };
  const { enabled, disabled } = userMapping(schema);
  if (!enabled) {
    if (disabled) {
      ctx.findings.push(
        make({
          id: 'P3.mappingDisabled',
          severity: 'blocker',
          params: { app: ctx.appName, mapping: disabled.mapping.name ?? `${disabled.mapping.sourceObjectName} → ${disabled.mapping.targetObjectName}` },
          detail: true,
          fixSteps: 2,
          evidence: { 'objectMappings[User].enabled': false, 'objectMappings[User].name': disabled.mapping.name ?? null, 'synchronizationRules.id': disabled.rule.id },
          learnMore: LEARN.configure,
        }),
      );
    }
    return { verdict: 'notChecked' };
  }
  const { rule, mapping } = enabled;
  const flows = mapping.flowTypes;
  if (flows && !/\badd\b/i.test(flows)) {
    ctx.findings.push(
      make({
        id: 'P3.mappingNoAdd',
        severity: 'blocker',
        params: { app: ctx.appName, flows },
        detail: true,
        fixSteps: 2,
        evidence: { 'objectMappings[User].flowTypes': flows, 'objectMappings[User].name': mapping.name ?? null },
        learnMore: LEARN.configure,
      }),
    );
  }
  const shape = describeFilter(mapping.scope);
  if (shape.clauses === 0) return { verdict: 'noFilter', ruleId: rule.id };
  const filterEvidence: Record<string, EvidenceValue> = {};
  for (const set of ['inputFilterGroups', 'groups', 'categoryFilterGroups'] as const) {
    (mapping.scope?.[set] ?? []).forEach((g, gi) =>
      g.clauses.forEach((c, ci) => {
        filterEvidence[`objectMappings[User].scope.${set}[${gi}].clauses[${ci}]`] = clauseText(c);
      }),
    );
  }
  if (!ctx.user) {
    // With no user named, the filter itself is the answer to "why only these users?": it says who gets in.
    const filter = (['inputFilterGroups', 'groups', 'categoryFilterGroups'] as const)
      .flatMap((set) => mapping.scope?.[set] ?? [])
      .filter((g) => g.clauses.length > 0)
      .map((g) => g.clauses.map(clauseText).join(' AND '))
      .join(' OR ');
    ctx.findings.push(make({ id: 'P3.scopingFilter.present', severity: 'warning', params: { app: ctx.appName, groups: shape.groups, clauses: shape.clauses, filter }, detail: true, evidence: filterEvidence, learnMore: LEARN.scopingFilters }));
    return { verdict: 'unknown', ruleId: rule.id };
  }
  const ev = evaluateScope(mapping.scope, ctx.user);
  const params = { user: ctx.userLabel, app: ctx.appName };
  if (ev.verdict === 'out') {
    const evidence: Record<string, EvidenceValue> = {};
    ev.failingClauses.slice(0, 8).forEach((f, i) => {
      evidence[`failingClause[${i}]`] = `${clauseText(f.clause)} (filter ${f.group})`;
      evidence[`user.${f.clause.sourceOperandName}`] = f.actual;
    });
    ctx.findings.push(make({ id: 'P3.scopingFilter', severity: 'blocker', params, detail: true, fixSteps: 3, evidence, learnMore: LEARN.scopingFilters }));
  } else if (ev.verdict === 'unknown') {
    const attrs = [...new Set(ev.unevaluable.map((u) => u.clause.sourceOperandName))].join(', ');
    const evidence: Record<string, EvidenceValue> = { ...filterEvidence };
    ev.unevaluable.slice(0, 8).forEach((u, i) => {
      evidence[`unevaluable[${i}]`] = `${clauseText(u.clause)}: ${u.reason}`;
    });
    ctx.findings.push(make({ id: 'P3.scopingFilter.unevaluable', severity: 'info', params: { ...params, attributes: attrs }, detail: true, fixSteps: 1, evidence, learnMore: LEARN.scopingFilters }));
  } else {
    ctx.findings.push(make({ id: 'P3.scopingFilter.in', severity: 'ok', params, evidence: filterEvidence, learnMore: LEARN.scopingFilters }));
  }
  return { verdict: ev.verdict, ruleId: rule.id };
}

export function userEvents(ctx: Ctx): ProvisioningObjectSummary[] {
  if (!ctx.snap.logs.ok || !ctx.user) return [];
  const id = ctx.user.id;
  return ctx.snap.logs.value.filter((e) => e.sourceIdentity?.id === id).sort(byNewest);
}

/** The failing (or skipping) step of an event, for plain words. */
export function keyStep(e: ProvisioningObjectSummary): { type: string; name: string; description: string } | undefined {
  const status = e.provisioningStatusInfo?.status;
  const stepList = e.provisioningSteps ?? [];
  const s = stepList.find((x) => x.status === 'failure') ?? (status === 'skipped' ? stepList.find((x) => x.status === 'skipped') : undefined) ?? (status === 'skipped' ? stepList.find((x) => x.provisioningStepType === 'scoping') : undefined);
  if (!s) return undefined;
  return { type: stepType(s.provisioningStepType), name: s.name ?? '-', description: clip(s.description, 300) ?? '-' };
}

const STEP_TYPES = ['import', 'scoping', 'matching', 'processing', 'referenceResolution', 'export'];
export function stepType(t: string | null | undefined): string {
  const hit = STEP_TYPES.find((x) => x.toLowerCase() === (t ?? '').toLowerCase());
  return hit ?? 'other';
}

export function eventEvidence(e: ProvisioningObjectSummary, prefix = 'provisioningLogs[0]'): Record<string, EvidenceValue | undefined> {
  const info = e.provisioningStatusInfo?.errorInformation;
  const step = keyStep(e);
  return {
    [`${prefix}.activityDateTime`]: e.activityDateTime,
    [`${prefix}.sourceIdentity.displayName`]: e.sourceIdentity?.displayName ?? undefined,
    [`${prefix}.provisioningAction`]: e.provisioningAction ?? undefined,
    [`${prefix}.provisioningStatusInfo.status`]: e.provisioningStatusInfo?.status ?? null,
    [`${prefix}.errorInformation.errorCode`]: info?.errorCode ?? undefined,
    [`${prefix}.errorInformation.reason`]: clip(info?.reason) ?? undefined,
    [`${prefix}.errorInformation.recommendedAction`]: clip(info?.recommendedAction) ?? undefined,
    [`${prefix}.provisioningSteps[${step ? step.type : '-'}].description`]: step ? step.description : undefined,
  };
}

export const NOT_ENTITLED = /effectively\s+entitled/i;

export function mentionsNotEntitled(e: ProvisioningObjectSummary): boolean {
  const info = e.provisioningStatusInfo?.errorInformation;
  const text = [info?.reason, info?.additionalDetails, ...(e.provisioningSteps ?? []).map((s) => `${s.description ?? ''} ${Object.values(s.details ?? {}).join(' ')}`)].join(' ');
  return NOT_ENTITLED.test(text);
}

/** P3.4 + P3.7 + P3.9: has the service evaluated the user yet, and what do the logs say? */
export function userProgressFindings(ctx: Ctx, a: Assignment, scope: { verdict: ScopeVerdict; ruleId?: string }): void {
  const user = ctx.user;
  const job = ctx.job;
  if (!user) return;
  const eligible = (a.kind === 'direct' || a.kind === 'group') && scope.verdict !== 'out';
  const pod: ProvisioningAction | undefined =
    eligible && job && scope.ruleId ? { kind: 'provisionOnDemand', userId: user.id, ruleId: scope.ruleId, jobId: job.id } : undefined;
  const params = { user: ctx.userLabel, app: ctx.appName };

  // P3.4: assigned after the last completed cycle → not evaluated yet.
  const last = job?.status.steadyStateLastAchievedTime;
  const assignedAt = a.via.map((x) => x.createdDateTime).filter((x): x is string => !!x).sort().pop();
  let notYet = false;
  if (eligible && job && assignedAt && !isNever(last) && last && assignedAt > last) {
    notYet = true;
    ctx.findings.push(
      make({
        id: 'P3.notEvaluatedYet',
        severity: 'warning',
        params: { ...params, assigned: fmtTime(assignedAt), last: fmtTime(last) },
        detail: true,
        fixSteps: 2,
        evidence: { 'appRoleAssignedTo.createdDateTime': assignedAt, 'status.steadyStateLastAchievedTime': last },
        learnMore: LEARN.provisionOnDemand,
        action: pod,
      }),
    );
  }

  if (!ctx.snap.logs.ok) return;
  const events = userEvents(ctx);
  const latest = events[0];
  if (!latest) {
    ctx.findings.push(make({ id: 'P3.userLog.none', severity: 'info', params, detail: true, fixSteps: 1, evidence: { 'auditLogs/provisioning[sourceIdentity.id eq user].count': 0 }, learnMore: LEARN.analyzeLogs, action: notYet ? undefined : pod }));
    return;
  }
  const status = latest.provisioningStatusInfo?.status ?? 'unknown';
  const info = latest.provisioningStatusInfo?.errorInformation;
  const step = keyStep(latest);
  const lp = { ...params, time: fmtTime(latest.activityDateTime), action: latest.provisioningAction ?? '-', code: info?.errorCode ?? '-', step: step?.description ?? '-' };
  if (mentionsNotEntitled(latest)) {
    ctx.findings.push(make({ id: 'P3.notEffectivelyEntitled', severity: 'warning', params: lp, detail: true, fixSteps: 3, evidence: eventEvidence(latest), learnMore: LEARN.noUsers }));
  }
  if (status === 'failure') {
    const ex = explainProvisioningError(info?.errorCode);
    ctx.findings.push(
      make({
        id: 'P3.userLog.failure',
        severity: 'warning',
        params: lp,
        detail: ex.explain,
        fix: [...ex.fix, p('P3.userLog.failure.retry', lp)],
        evidence: eventEvidence(latest),
        learnMore: LEARN.logErrorCodes,
        action: pod,
      }),
    );
  } else if (status === 'skipped') {
    ctx.findings.push(
      make({
        id: 'P3.userLog.skipped',
        severity: 'warning',
        params: lp,
        detail: p(`step.${step?.type ?? 'other'}`, { step: step?.name ?? '-', app: ctx.appName }),
        fix: info?.errorCode ? explainProvisioningError(info.errorCode).fix : [p('P3.userLog.skipped.fix.1', lp)],
        evidence: eventEvidence(latest),
        learnMore: LEARN.analyzeLogs,
      }),
    );
  } else if (status === 'success' || status === 'warning') {
    ctx.findings.push(make({ id: 'P3.userLog.success', severity: 'ok', params: lp, detail: true, fixSteps: 1, evidence: eventEvidence(latest), learnMore: LEARN.analyzeLogs }));
  }
}
