/** P0/P1 (is provisioning set up?) and the job's own state: P2 (errors, quarantine) and P3.1–P3.3 (off, initial cycle). */
import type { SynchronizationJob } from '../snapshot';
import type { Ctx } from './context';
import { explainProvisioningError } from './errors';
import { LEARN } from './links';
import { clip, fmtTime, isNever, make, minutesBetween, p, type ProvisioningAction } from './model';
import { explainQuarantine } from './quarantine';

export type SetupState = 'configured' | 'neverConfigured' | 'noConnector' | 'unknown';

/** P0 / P1: is there a connector and a configured job? */
export function setupState(ctx: Ctx): SetupState {
  const { snap } = ctx;
  if (!ctx.jobs) {
    if (snap.templates.ok && snap.templates.value.length === 0) return 'noConnector';
    return 'unknown';
  }
  if (ctx.jobs.length === 0) {
    return snap.templates.ok && snap.templates.value.length === 0 ? 'noConnector' : 'neverConfigured';
  }
  return ctx.job?.status?.code === 'NotConfigured' ? 'neverConfigured' : 'configured';
}

export function tutorialFinding(ctx: Ctx): void {
  const t = ctx.tutorial;
  const templateId = ctx.job?.templateId ?? (ctx.snap.templates.ok ? ctx.snap.templates.value[0]?.id : undefined);
  ctx.findings.push(
    make({
      id: 'P1.tutorial',
      base: t.known ? 'P1.tutorial.known' : 'P1.tutorial.list',
      severity: 'info',
      params: { app: t.app ?? ctx.appName },
      detail: true,
      fixSteps: 2,
      evidence: { 'servicePrincipal.displayName': ctx.snap.servicePrincipal.displayName, templateId: templateId ?? undefined },
      learnMore: t.url,
    }),
  );
  if (t.inbound) {
    ctx.findings.push(make({ id: 'P1.inbound', severity: 'info', params: { app: t.app ?? ctx.appName }, detail: true, evidence: { templateId: templateId ?? undefined }, learnMore: t.url }));
  }
}

export function cycleTimesFinding(ctx: Ctx): void {
  ctx.findings.push(make({ id: 'P1.cycleTimes', severity: 'info', detail: true, evidence: { 'schedule.interval': ctx.job?.schedule?.interval ?? undefined }, learnMore: LEARN.whenWillFinish }));
}

/** Findings for P0/P1. Returns the state so the topic can decide what else to check. */
export function setupChecks(ctx: Ctx): SetupState {
  const state = setupState(ctx);
  const setupTopic = ctx.topic === 'provisioning.setup';
  const sp = ctx.snap.servicePrincipal;
  if (state === 'noConnector') {
    ctx.findings.push(
      make({
        id: 'P0.noConnector',
        severity: 'blocker',
        params: { app: ctx.appName },
        detail: true,
        fixSteps: 3,
        evidence: {
          'synchronization/templates': 0,
          'synchronization/jobs': ctx.jobs ? ctx.jobs.length : undefined,
          'servicePrincipal.applicationTemplateId': sp.applicationTemplateId ?? null,
          'servicePrincipal.tags': sp.tags?.join(', '),
        },
        learnMore: LEARN.scim,
      }),
    );
    ctx.findings.push(make({ id: 'P1.tutorial', base: 'P1.tutorial.list', severity: 'info', params: { app: ctx.appName }, detail: true, fixSteps: 2, evidence: {}, learnMore: LEARN.tutorialList }));
  } else if (state === 'neverConfigured') {
    ctx.findings.push(
      make({
        id: 'P0.neverConfigured',
        severity: setupTopic ? 'warning' : 'blocker',
        params: { app: ctx.appName },
        detail: true,
        fixSteps: 7,
        evidence: {
          'synchronization/jobs': ctx.jobs?.length ?? undefined,
          'status.code': ctx.job?.status?.code ?? undefined,
          'synchronization/templates[0].id': ctx.snap.templates.ok ? ctx.snap.templates.value[0]?.id ?? null : undefined,
        },
        learnMore: LEARN.configure,
      }),
    );
    tutorialFinding(ctx);
    cycleTimesFinding(ctx);
  } else if (state === 'configured' && setupTopic && ctx.job) {
    const j = ctx.job;
    ctx.findings.push(
      make({
        id: 'P1.configured',
        severity: 'ok',
        params: { app: ctx.appName, code: j.status.code ?? '-', state: j.schedule?.state ?? '-' },
        detail: true,
        evidence: jobEvidence(j),
        learnMore: LEARN.configure,
      }),
    );
    tutorialFinding(ctx);
    cycleTimesFinding(ctx);
  }
  return state;
}

export function jobEvidence(j: SynchronizationJob): Record<string, string | number | boolean | null | undefined> {
  const s = j.status;
  return {
    'synchronizationJob.id': j.id,
    templateId: j.templateId,
    'schedule.state': j.schedule?.state ?? undefined,
    'status.code': s.code,
    'status.steadyStateFirstAchievedTime': s.steadyStateFirstAchievedTime ?? undefined,
    'status.steadyStateLastAchievedTime': s.steadyStateLastAchievedTime ?? undefined,
    'status.lastExecution.state': s.lastExecution?.state ?? undefined,
    'status.lastExecution.timeBegan': s.lastExecution?.timeBegan ?? undefined,
  };
}

function restart(ctx: Ctx): ProvisioningAction | undefined {
  return ctx.job ? { kind: 'restartJob', jobId: ctx.job.id } : undefined;
}

export function isQuarantined(j: SynchronizationJob | undefined): boolean {
  return !!j && (j.status.code === 'Quarantine' || !!j.status.quarantine?.reason);
}

export function isOff(j: SynchronizationJob | undefined): boolean {
  if (!j) return false;
  const st = j.schedule?.state;
  return st === 'Disabled' || st === 'Paused' || j.status.code === 'Paused';
}

export function initialCycleRunning(j: SynchronizationJob | undefined): boolean {
  if (!j || j.status.code === 'NotConfigured') return false;
  return j.status.code === 'NotRun' || isNever(j.status.steadyStateFirstAchievedTime);
}

function quarantineFindings(ctx: Ctx, j: SynchronizationJob): void {
  const q = j.status.quarantine ?? null;
  const s = j.status;
  const since = q?.seriesBegan ?? q?.currentBegan ?? null;
  const daysIn = since ? Math.floor((minutesBetween(since, ctx.now) ?? 0) / 1440) : undefined;
  const ex = explainQuarantine(q?.reason ?? 'Unknown', { app: ctx.appName, message: clip(q?.error?.message ?? s.lastExecution?.error?.message ?? '-', 200) ?? '-' });
  const restartAction = ex.restartAfterFix ? restart(ctx) : undefined;
  ctx.findings.push(
    make({
      id: ex.findingId,
      base: 'P2.quarantine',
      severity: 'blocker',
      params: { app: ctx.appName, since: fmtTime(q?.currentBegan ?? since), reason: q?.reason ?? '-' },
      detail: ex.detail,
      fix: ex.fix,
      evidence: {
        'status.code': s.code,
        'status.quarantine.reason': q?.reason ?? null,
        'status.quarantine.currentBegan': q?.currentBegan ?? undefined,
        'status.quarantine.nextAttempt': q?.nextAttempt ?? undefined,
        'status.quarantine.seriesBegan': q?.seriesBegan ?? undefined,
        'status.quarantine.seriesCount': q?.seriesCount ?? undefined,
        'status.quarantine.error.code': q?.error?.code ?? undefined,
        'status.quarantine.error.message': clip(q?.error?.message) ?? undefined,
        'status.lastExecution.error.code': s.lastExecution?.error?.code ?? undefined,
        'status.lastExecution.error.message': clip(s.lastExecution?.error?.message) ?? undefined,
        'status.escrowsPruned': s.escrowsPruned ?? undefined,
        'status.countSuccessiveCompleteFailures': s.countSuccessiveCompleteFailures ?? undefined,
        'status.troubleshootingUrl': s.troubleshootingUrl ?? undefined,
      },
      learnMore: ex.findingId === 'P2.quarantine.tooManyDeletes' ? LEARN.accidentalDeletions : LEARN.quarantine,
      action: restartAction,
    }),
  );
  const daysLeft = daysIn === undefined ? '?' : Math.max(0, 28 - daysIn);
  ctx.findings.push(
    make({
      id: 'P2.quarantine.timeline',
      severity: 'info',
      params: { next: fmtTime(q?.nextAttempt), days: daysIn ?? '?', daysLeft },
      detail: true,
      evidence: { 'status.quarantine.nextAttempt': q?.nextAttempt ?? null, 'status.quarantine.seriesBegan': q?.seriesBegan ?? undefined, 'status.quarantine.seriesCount': q?.seriesCount ?? undefined },
      learnMore: LEARN.quarantine,
    }),
  );
}

export interface JobStateOptions {
  /** Report "last run failed / entry errors / pruned escrows" (P2). */
  errors: boolean;
  /** Severity of the initial-cycle finding. */
  initialSeverity: 'warning' | 'info';
  /** Add an ok finding when the job is healthy. */
  healthy: 'P3.running' | 'P2.healthy' | null;
}

/** P2 + P3.1–P3.3 on the main job. Returns true when the job is blocked (off or quarantined). */
export function jobStateChecks(ctx: Ctx, opts: JobStateOptions): boolean {
  const j = ctx.job;
  if (!j || j.status.code === 'NotConfigured') return false;
  const s = j.status;
  let blocked = false;

  if (isQuarantined(j)) {
    quarantineFindings(ctx, j);
    blocked = true;
  }
  if (isOff(j)) {
    ctx.findings.push(
      make({
        id: 'P3.off',
        severity: 'blocker',
        params: { app: ctx.appName, state: j.schedule?.state ?? '-', code: s.code ?? '-' },
        detail: true,
        fixSteps: 3,
        evidence: { 'schedule.state': j.schedule?.state ?? undefined, 'status.code': s.code, 'status.lastExecution.timeEnded': s.lastExecution?.timeEnded ?? undefined },
        learnMore: LEARN.configure,
      }),
    );
    blocked = true;
  }
  if (!blocked && initialCycleRunning(j)) {
    const n = ctx.snap.assignments.ok ? ctx.snap.assignments.value.length : undefined;
    const running = minutesBetween(s.lastExecution?.timeBegan, ctx.now);
    const params: Record<string, string | number> = {
      app: ctx.appName,
      started: fmtTime(s.lastExecution?.timeBegan),
      running: running ?? '?',
    };
    if (n !== undefined) {
      params.n = n;
      params.min = Math.max(1, Math.ceil(0.01 * n));
      params.max = Math.max(1, Math.ceil(0.08 * n));
    }
    ctx.findings.push(
      make({
        id: 'P3.initialCycle',
        severity: opts.initialSeverity,
        params,
        detail: p(n !== undefined ? 'P3.initialCycle.detail.estimate' : 'P3.initialCycle.detail.noEstimate', params),
        fixSteps: 3,
        evidence: {
          'status.code': s.code,
          'status.steadyStateFirstAchievedTime': s.steadyStateFirstAchievedTime ?? null,
          'status.lastExecution.timeBegan': s.lastExecution?.timeBegan ?? undefined,
          'status.lastExecution.countEntitled': s.lastExecution?.countEntitled ?? undefined,
          'appRoleAssignedTo.count': n,
        },
        learnMore: LEARN.whenWillFinish,
      }),
    );
  }

  let errors = false;
  if (opts.errors && !isQuarantined(j)) {
    const last = s.lastExecution;
    const failures = s.countSuccessiveCompleteFailures ?? 0;
    if (last?.state === 'Failed' || failures > 0) {
      errors = true;
      const code = last?.error?.code ?? '-';
      const ex = explainProvisioningError(code);
      ctx.findings.push(
        make({
          id: 'P2.lastRunFailed',
          severity: 'warning',
          params: { app: ctx.appName, code, failures },
          detail: ex.explain,
          fix: ex.fix,
          evidence: {
            'status.lastExecution.state': last?.state ?? undefined,
            'status.lastExecution.timeBegan': last?.timeBegan ?? undefined,
            'status.lastExecution.error.code': last?.error?.code ?? undefined,
            'status.lastExecution.error.message': clip(last?.error?.message) ?? undefined,
            'status.countSuccessiveCompleteFailures': s.countSuccessiveCompleteFailures ?? undefined,
          },
          learnMore: LEARN.configProblem,
          action: ex.restartHelps ? restart(ctx) : undefined,
        }),
      );
    }
    if (last?.state === 'EntryLevelErrors') {
      errors = true;
      ctx.findings.push(
        make({
          id: 'P2.entryErrors',
          severity: 'warning',
          params: { app: ctx.appName, count: last.countEscrowed ?? '?' },
          detail: true,
          fixSteps: 3,
          evidence: { 'status.lastExecution.state': last.state, 'status.lastExecution.countEscrowed': last.countEscrowed ?? undefined, 'status.lastExecution.timeEnded': last.timeEnded ?? undefined },
          learnMore: LEARN.analyzeLogs,
        }),
      );
    }
    if (s.escrowsPruned) {
      errors = true;
      ctx.findings.push(
        make({
          id: 'P2.escrowsPruned',
          severity: 'warning',
          params: { app: ctx.appName },
          detail: true,
          fixSteps: 3,
          evidence: { 'status.escrowsPruned': true, 'status.code': s.code },
          learnMore: LEARN.quarantine,
          action: restart(ctx),
        }),
      );
    }
  }

  if (!blocked && !errors && !initialCycleRunning(j) && opts.healthy) {
    ctx.findings.push(
      make({
        id: opts.healthy,
        severity: 'ok',
        params: { app: ctx.appName, last: fmtTime(s.steadyStateLastAchievedTime), state: s.lastExecution?.state ?? '-' },
        detail: opts.healthy === 'P3.running' && !ctx.user,
        evidence: jobEvidence(j),
        learnMore: LEARN.whenWillFinish,
      }),
    );
  }
  return blocked;
}

/** P2 guidance when there is no job (or it never connected): SyncHelper can't test credentials; Test Connection; SCIM checks. */
export function credentialsGuidance(ctx: Ctx): void {
  ctx.findings.push(make({ id: 'P2.testConnection', severity: 'info', params: { app: ctx.appName }, detail: true, fixSteps: 4, evidence: {}, learnMore: LEARN.configProblem }));
  const templateId = ctx.job?.templateId ?? (ctx.snap.templates.ok ? ctx.snap.templates.value[0]?.id : undefined) ?? '';
  if (/scim/i.test(templateId) || !ctx.tutorial.known) {
    ctx.findings.push(make({ id: 'P2.scim', severity: 'info', params: { app: ctx.appName }, detail: true, fixSteps: 4, evidence: { templateId: templateId || undefined }, learnMore: LEARN.scim }));
  }
}

export function manualModeNote(ctx: Ctx): void {
  ctx.findings.push(make({ id: 'P2.manualMode', severity: 'info', detail: true, evidence: {}, learnMore: LEARN.knownIssues }));
}
