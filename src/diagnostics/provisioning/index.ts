/**
 * Provisioning diagnostics (docs/decision-trees.md, trees P0–P5): pure functions from an AppSnapshot to a Diagnosis.
 * Nothing here calls Graph, botbuilder or HTTP; "now" comes from the injected Clock.
 */
import { systemClock, type Clock } from '../../clock';
import type { AppResolution, AppSnapshot } from '../snapshot';
import { rankFindings, type Focus } from '../ranking';
import { dedupeFindings, type Diagnosis } from '../types';
import { accessChecks, type AccessNeeds } from './access';
import { makeContext, type Ctx } from './context';
import { credentialsGuidance, cycleTimesFinding, jobStateChecks, manualModeNote, setupChecks, tutorialFinding, type SetupState } from './job';
import { LEARN } from './links';
import { logErrorFindings, logsFindings } from './logs';
import { make, steps, type ProvisioningFinding, type ProvisioningTopic } from './model';
import { resolutionDiagnosis } from './resolution';
import { assignmentFindings, assignmentOverview, classifyAssignment, mappingAndScopeFindings, userProgressFindings } from './user';
import { wrongUsersFindings, wrongUsersGuidance } from './wrongUsers';

export type { ProvisioningAction, ProvisioningFinding, ProvisioningTopic } from './model';
export { explainProvisioningError, PROVISIONING_ERROR_CODES, type ProvisioningErrorExplanation } from './errors';
export { explainQuarantine, QUARANTINE_REASONS, type QuarantineExplanation } from './quarantine';
export { evaluateScope, evaluateClause, describeFilter, type ScopeEvaluation, type FailingClause, type UnevaluableClause } from './scope';
export { tutorialFor, KNOWN_TUTORIAL_APPS, type Tutorial } from './tutorials';
export { inferSyncScope, type ScopeInference } from './wrongUsers';
export { mainJob } from './context';
export { LEARN } from './links';

/** A diagnosis whose findings may carry a suggested action. */
export type ProvisioningDiagnosis = Omit<Diagnosis, 'findings'> & { findings: ProvisioningFinding[] };

/** Whatever the topic, the snapshot holds everything any provisioning question needs; each part not read is listed. */
const NEEDS: AccessNeeds = { templates: true, assignments: true, logs: true, schema: true };

/** With a user named, that user's findings lead: the cause first, else the outcome (e.g. "was provisioned"). */
const USER_FOCUS: Focus = {
  problems: ['P3.userNotFound', 'P3.scopingFilter', 'P3.mappingDisabled', 'P3.mappingNoAdd', 'P3.notAssigned', 'P3.nestedGroup', 'P3.notEffectivelyEntitled', 'P3.userLog', 'P3.notEvaluatedYet'],
  outcomes: ['P3.userLog', 'P3.notEvaluatedYet', 'P5.summary', 'P5.noEvents', 'P3.scopingFilter', 'P3.assigned'],
};

/** Advice that reads nothing from the tenant: added only for the topic that asks for it. */
function topicGuidance(ctx: Ctx, state: SetupState): void {
  switch (ctx.topic) {
    case 'provisioning.setup':
      if (state === 'unknown') {
        ctx.findings.push(make({ id: 'P1.steps', severity: 'info', params: { app: ctx.appName }, detail: true, fix: steps('P0.neverConfigured', 7, { app: ctx.appName }), evidence: {}, learnMore: LEARN.configure }));
        tutorialFinding(ctx);
        cycleTimesFinding(ctx);
      }
      break;
    case 'provisioning.config_error':
      if (state === 'configured') {
        if (/scim/i.test(ctx.job?.templateId ?? '')) credentialsGuidance(ctx);
        manualModeNote(ctx);
      } else if (state !== 'noConnector') {
        credentialsGuidance(ctx);
      }
      break;
    case 'provisioning.wrong_users':
      wrongUsersGuidance(ctx);
      break;
    default:
      break;
  }
}

/** Every provisioning check on the app (and the named user), whatever the topic (P0–P5). */
function appChecks(ctx: Ctx): void {
  const state = setupChecks(ctx);
  topicGuidance(ctx, state);
  if (state === 'noConnector' || state === 'neverConfigured') return;
  // The job-level findings: quarantine, off, initial cycle, failed runs, entry errors; "healthy" as the ok outcome.
  const initialSeverity = ctx.topic === 'provisioning.no_users' ? 'warning' : 'info';
  const healthy = ctx.topic === 'provisioning.config_error' ? 'P2.healthy' : 'P3.running';
  jobStateChecks(ctx, { errors: true, initialSeverity, healthy });
  if (!ctx.user) assignmentOverview(ctx);
  const assignment = ctx.user ? classifyAssignment(ctx) : undefined;
  if (ctx.snap.user && ctx.snap.user.user.ok && !ctx.snap.user.user.value) {
    ctx.findings.push(make({ id: 'P3.userNotFound', severity: 'warning', params: { query: ctx.snap.user.query }, detail: true, fixSteps: 2, evidence: { 'GET /users?$filter': null }, learnMore: LEARN.assignUsers }));
  }
  if (assignment) assignmentFindings(ctx, assignment, ctx.topic === 'provisioning.no_users' ? 'blocker' : 'warning');
  const scope = mappingAndScopeFindings(ctx);
  if (assignment) userProgressFindings(ctx, assignment, scope);
  wrongUsersFindings(ctx);
  logsFindings(ctx);
  if (!ctx.user && ctx.snap.logs.ok) logErrorFindings(ctx, [...ctx.snap.logs.value], 3);
}

/** Diagnose one enterprise app (and the user named) for the admin's question: every check runs, the topic ranks. */
export function diagnoseApp(topic: ProvisioningTopic, snapshot: AppSnapshot, clock: Clock): ProvisioningDiagnosis {
  const ctx = makeContext(topic, snapshot, clock);
  accessChecks(ctx, NEEDS);
  appChecks(ctx);
  const sp = snapshot.servicePrincipal;
  return {
    topic,
    subject: { kind: 'app', id: sp.id, displayName: ctx.appName },
    findings: rankFindings(topic, dedupeFindings(ctx.findings), snapshot.user ? USER_FOCUS : undefined),
    unchecked: ctx.unchecked,
    checkedAt: snapshot.fetchedAt,
  };
}


/**
 * Diagnosis for a resolution that isn't a single app: 'none', 'registrationOnly', 'denied'.
 * 'many' → undefined (the dialog shows a choice). 'one' → diagnoseApp on its snapshot.
 */
export function diagnoseResolution(resolution: AppResolution, topic: ProvisioningTopic = 'provisioning.setup', clock: Clock = systemClock): ProvisioningDiagnosis | undefined {
  if (resolution.kind === 'one') return diagnoseApp(topic, resolution.snapshot, clock);
  return resolutionDiagnosis(resolution, topic, clock) as ProvisioningDiagnosis | undefined;
}
