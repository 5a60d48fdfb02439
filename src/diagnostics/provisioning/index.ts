/**
 * Provisioning diagnostics (domain.md §6, trees P0–P5): pure functions from an AppSnapshot to a Diagnosis.
 * Nothing here calls Graph, botbuilder or HTTP; "now" comes from the injected Clock.
 */
import { systemClock, type Clock } from '../../clock';
import type { AppResolution, AppSnapshot } from '../snapshot';
import { sortFindings, type Diagnosis } from '../types';
import { accessChecks, type AccessNeeds } from './access';
import { makeContext, type Ctx } from './context';
import { credentialsGuidance, cycleTimesFinding, jobStateChecks, manualModeNote, setupChecks, tutorialFinding } from './job';
import { LEARN } from './links';
import { logErrorFindings, logsFindings } from './logs';
import { make, steps, type ProvisioningFinding, type ProvisioningTopic } from './model';
import { resolutionDiagnosis } from './resolution';
import { assignmentFindings, assignmentOverview, classifyAssignment, mappingAndScopeFindings, userEvents, userProgressFindings } from './user';
import { wrongUsersFindings } from './wrongUsers';

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

const NEEDS: Record<ProvisioningTopic, (s: AppSnapshot) => AccessNeeds> = {
  'provisioning.setup': () => ({ templates: true, assignments: false, logs: false, schema: false }),
  'provisioning.config_error': () => ({ templates: true, assignments: false, logs: false, schema: false }),
  'provisioning.no_users': () => ({ templates: true, assignments: true, logs: true, schema: true }),
  'provisioning.wrong_users': () => ({ templates: true, assignments: true, logs: true, schema: true }),
  'provisioning.logs': (s) => ({ templates: false, assignments: !!s.user, logs: true, schema: false }),
};

function setupTopic(ctx: Ctx): void {
  const state = setupChecks(ctx);
  if (state === 'configured') jobStateChecks(ctx, { errors: true, initialSeverity: 'info', healthy: null });
  if (state === 'unknown') {
    ctx.findings.push(make({ id: 'P1.steps', severity: 'info', params: { app: ctx.appName }, detail: true, fix: steps('P0.neverConfigured', 7, { app: ctx.appName }), evidence: {}, learnMore: LEARN.configure }));
    tutorialFinding(ctx);
    cycleTimesFinding(ctx);
  }
}

function configErrorTopic(ctx: Ctx): void {
  const state = setupChecks(ctx);
  if (state === 'noConnector') return;
  if (state === 'configured') {
    jobStateChecks(ctx, { errors: true, initialSeverity: 'info', healthy: 'P2.healthy' });
    if (/scim/i.test(ctx.job?.templateId ?? '')) credentialsGuidance(ctx);
    manualModeNote(ctx);
  } else {
    credentialsGuidance(ctx);
  }
}

function userChecks(ctx: Ctx, severityIfMissing: 'blocker' | 'warning'): void {
  if (ctx.snap.user && ctx.snap.user.user.ok && !ctx.snap.user.user.value) {
    ctx.findings.push(make({ id: 'P3.userNotFound', severity: 'warning', params: { query: ctx.snap.user.query }, detail: true, fixSteps: 2, evidence: { 'GET /users?$filter': null }, learnMore: LEARN.assignUsers }));
  }
  const assignment = ctx.user ? classifyAssignment(ctx) : undefined;
  if (assignment) assignmentFindings(ctx, assignment, severityIfMissing);
  const scope = mappingAndScopeFindings(ctx);
  if (assignment) userProgressFindings(ctx, assignment, scope);
}

function noUsersTopic(ctx: Ctx): void {
  const state = setupChecks(ctx);
  if (state === 'noConnector' || state === 'neverConfigured') return;
  jobStateChecks(ctx, { errors: true, initialSeverity: 'warning', healthy: 'P3.running' });
  if (!ctx.user) assignmentOverview(ctx);
  userChecks(ctx, 'blocker');
  if (!ctx.user && ctx.snap.logs.ok) logErrorFindings(ctx, [...ctx.snap.logs.value], 3);
}

function wrongUsersTopic(ctx: Ctx): void {
  const state = setupChecks(ctx);
  if (state === 'noConnector' || state === 'neverConfigured') return;
  jobStateChecks(ctx, { errors: false, initialSeverity: 'info', healthy: null });
  wrongUsersFindings(ctx);
  if (ctx.user) userChecks(ctx, 'warning');
}

function logsTopic(ctx: Ctx): void {
  const state = setupChecks(ctx);
  if (state === 'noConnector') return;
  logsFindings(ctx);
  if (ctx.user) {
    // Known issue that explains missing log rows: the user is only in a nested group.
    const a = classifyAssignment(ctx);
    if (a.kind === 'nested') assignmentFindings(ctx, a, 'warning');
    if (a.kind === 'none' && userEvents(ctx).length === 0) assignmentFindings(ctx, a, 'warning');
  }
}

/** Diagnose one enterprise app for the admin's question. */
export function diagnoseApp(topic: ProvisioningTopic, snapshot: AppSnapshot, clock: Clock): ProvisioningDiagnosis {
  const ctx = makeContext(topic, snapshot, clock);
  accessChecks(ctx, NEEDS[topic](snapshot));
  switch (topic) {
    case 'provisioning.setup':
      setupTopic(ctx);
      break;
    case 'provisioning.config_error':
      configErrorTopic(ctx);
      break;
    case 'provisioning.no_users':
      noUsersTopic(ctx);
      break;
    case 'provisioning.wrong_users':
      wrongUsersTopic(ctx);
      break;
    case 'provisioning.logs':
      logsTopic(ctx);
      break;
  }
  const sp = snapshot.servicePrincipal;
  return {
    topic,
    subject: { kind: 'app', id: sp.id, displayName: ctx.appName },
    findings: sortFindings(ctx.findings) as ProvisioningFinding[],
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
