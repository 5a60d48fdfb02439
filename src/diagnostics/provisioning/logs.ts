/** P5: what the provisioning logs say, for the app or one user. */
import type { ProvisioningObjectSummary } from '../snapshot';
import type { EvidenceValue } from '../types';
import { byNewest, type Ctx } from './context';
import { explainProvisioningError } from './errors';
import { LEARN } from './links';
import { clip, make, type ProvisioningAction } from './model';
import { eventEvidence, keyStep, mentionsNotEntitled, userEvents } from './user';

/** How many events the summary shows. */
export const MAX_EVENTS = 8;

export function eventsInFocus(ctx: Ctx): ProvisioningObjectSummary[] {
  if (!ctx.snap.logs.ok) return [];
  if (ctx.user) return userEvents(ctx);
  return [...ctx.snap.logs.value].sort(byNewest);
}

function compact(e: ProvisioningObjectSummary): string {
  const info = e.provisioningStatusInfo;
  const parts = [e.activityDateTime, e.provisioningAction ?? '-', info?.status ?? '-', e.sourceIdentity?.displayName ?? e.sourceIdentity?.id ?? '-'];
  if (info?.errorInformation?.errorCode) parts.push(info.errorInformation.errorCode);
  return parts.join(' · ');
}

/** One finding per distinct error code among failures (most frequent first). */
export function logErrorFindings(ctx: Ctx, events: ProvisioningObjectSummary[], max: number): void {
  const byCode = new Map<string, ProvisioningObjectSummary[]>();
  for (const e of events) {
    if (e.provisioningStatusInfo?.status !== 'failure') continue;
    const code = e.provisioningStatusInfo.errorInformation?.errorCode ?? '-';
    byCode.set(code, [...(byCode.get(code) ?? []), e]);
  }
  const ranked = [...byCode.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, max);
  for (const [code, list] of ranked) {
    const latest = list[0];
    const ex = explainProvisioningError(code);
    const step = keyStep(latest);
    const users = [...new Set(list.map((e) => e.sourceIdentity?.displayName ?? e.sourceIdentity?.id ?? '-'))];
    const action: ProvisioningAction | undefined = ex.restartHelps && ctx.job ? { kind: 'restartJob', jobId: ctx.job.id } : undefined;
    ctx.findings.push(
      make({
        id: 'P5.logError',
        base: `P5.logError.${step?.type ?? 'other'}`,
        severity: ex.autoRetry ? 'info' : 'warning',
        params: { app: ctx.appName, code, count: list.length, users: users.slice(0, 3).join(', ') + (users.length > 3 ? ` (+${users.length - 3})` : ''), step: step?.name ?? '-' },
        detail: ex.explain,
        fix: ex.fix,
        evidence: { ...eventEvidence(latest), 'events with this errorCode': list.length },
        learnMore: LEARN.logErrorCodes,
        action,
      }),
    );
  }
}

export function logsFindings(ctx: Ctx): void {
  if (!ctx.snap.logs.ok) return;
  const events = eventsInFocus(ctx);
  const subject = ctx.user ? ctx.userLabel : ctx.appName;
  if (events.length === 0) {
    ctx.findings.push(make({ id: 'P5.noEvents', base: ctx.user ? 'P5.noEvents.user' : 'P5.noEvents.app', severity: 'info', params: { app: ctx.appName, user: ctx.userLabel }, detail: true, fixSteps: 2, evidence: { 'auditLogs/provisioning.count': 0 }, learnMore: LEARN.analyzeLogs }));
    return;
  }
  const count = (s: string) => events.filter((e) => e.provisioningStatusInfo?.status === s).length;
  const evidence: Record<string, EvidenceValue> = {
    'provisioningStatusInfo.status=success': count('success'),
    'provisioningStatusInfo.status=failure': count('failure'),
    'provisioningStatusInfo.status=skipped': count('skipped'),
    'provisioningStatusInfo.status=warning': count('warning'),
  };
  events.slice(0, MAX_EVENTS).forEach((e, i) => {
    evidence[`provisioningLogs[${i}]`] = compact(e);
  });
  ctx.findings.push(
    make({
      id: 'P5.summary',
      severity: 'info',
      params: { subject, total: events.length, failures: count('failure'), skipped: count('skipped'), success: count('success') },
      detail: true,
      evidence,
      learnMore: LEARN.conceptLogs,
    }),
  );

  logErrorFindings(ctx, events, 5);

  const skipped = events.filter((e) => e.provisioningStatusInfo?.status === 'skipped');
  if (skipped.length) {
    const latest = skipped[0];
    const step = keyStep(latest);
    const users = new Set(skipped.map((e) => e.sourceIdentity?.id ?? e.id)).size;
    ctx.findings.push(
      make({
        id: 'P5.skipped',
        severity: 'info',
        params: { app: ctx.appName, count: skipped.length, users, reason: clip(latest.provisioningStatusInfo?.errorInformation?.reason ?? step?.description ?? '-', 200) ?? '-' },
        detail: { key: `provisioning.step.${step?.type ?? 'other'}`, params: { step: step?.name ?? '-', app: ctx.appName } },
        fixSteps: 2,
        evidence: eventEvidence(latest),
        learnMore: LEARN.analyzeLogs,
      }),
    );
  }
  const notEntitled = events.find(mentionsNotEntitled);
  if (notEntitled && !ctx.findings.some((f) => f.id === 'P3.notEffectivelyEntitled')) {
    ctx.findings.push(
      make({
        id: 'P3.notEffectivelyEntitled',
        severity: 'warning',
        params: { user: notEntitled.sourceIdentity?.displayName ?? '-', app: ctx.appName },
        detail: true,
        fixSteps: 3,
        evidence: eventEvidence(notEntitled),
        learnMore: LEARN.noUsers,
      }),
    );
  }
}
