/**
 * "Tenant health" / "helsesjekk": one card over the whole tenant, in 2 Graph round trips. The reads are
 * graph/tenantHealth.ts (shared with the live check's tenant-wide answers); this file words them as lines.
 */
import type { Clock } from '../clock';
import { tenantSyncFinding } from '../diagnostics/group';
import { isQuarantined } from '../diagnostics/provisioning/job';
import type { Part } from '../diagnostics/snapshot';
import { HEALTH_MAX_APPS, type HealthSnapshot, type Named } from '../graph/tenantHealth';
import { literal, t, type Lang } from '../i18n';
import { text, type HealthLine } from './cards';
import type { Level } from './model';

export { fetchHealth, HEALTH_MAX_APPS, SYNC_ERROR_GROUPS_URL, APPS_URL, type HealthSnapshot } from '../graph/tenantHealth';

const NAMES_SHOWN = 5;

const names = (xs: Named[]) => xs.slice(0, NAMES_SHOWN).map((x) => x.displayName ?? x.id).join(', ') + (xs.length > NAMES_SHOWN ? ', …' : '');

function unread(lang: Lang, label: string, part: Extract<Part<unknown>, { ok: false }>): HealthLine {
  return { label, level: 'unknown', text: t(lang, 'watch.health.unread', { why: `${part.status} ${part.code}` }) };
}

/** The report's lines, worst news first within each area; each line names the live check that explains it. */
export function healthLines(lang: Lang, s: HealthSnapshot, clock: Clock): HealthLine[] {
  const lines: HealthLine[] = [];
  const syncCheck = { topic: 'group.sync_errors' as const, target: {} };
  if (s.organization.ok) {
    const f = tenantSyncFinding(s.organization.value, clock);
    const level: Level = f.severity === 'blocker' ? 'bad' : f.severity === 'warning' ? 'warning' : 'ok';
    lines.push({ label: 'watch.health.line.sync', level, text: text(lang, f.title), check: syncCheck });
  } else lines.push(unread(lang, 'watch.health.line.sync', s.organization));

  if (s.syncErrorGroups.ok) {
    const all = s.syncErrorGroups.value;
    const firstGroup = s.syncErrorGroups.value[0];
    lines.push({
      label: 'watch.health.line.syncErrors',
      level: all.length > 0 ? 'warning' : 'ok',
      text: all.length > 0 ? t(lang, 'watch.health.syncErrors.some', { count: all.length, names: names(all) }) : t(lang, 'watch.health.syncErrors.none'),
      check: firstGroup ? { topic: 'group.sync_errors', target: { group: firstGroup.displayName ?? firstGroup.id }, subjectId: firstGroup.id } : syncCheck,
    });
  } else lines.push(unread(lang, 'watch.health.line.syncErrors', s.syncErrorGroups));

  if (s.licenseGroups.ok) {
    const groups = s.licenseGroups.value;
    if (groups.length === 0) lines.push({ label: 'watch.health.line.licences', level: 'ok', text: t(lang, 'watch.health.licences.none') });
    for (const g of groups.slice(0, NAMES_SHOWN)) {
      lines.push({ label: 'watch.health.line.licences', level: 'warning', text: literal(g.displayName ?? g.id), check: { topic: 'group.delete_licensed', target: { group: g.displayName ?? g.id }, subjectId: g.id } });
    }
  } else lines.push(unread(lang, 'watch.health.line.licences', s.licenseGroups));

  if (s.apps.ok) {
    const bad = s.jobs.flatMap(({ app, jobs }) => {
      const job = jobs.find((j) => j.status?.code && j.status.code !== 'NotConfigured') ?? jobs[0];
      if (isQuarantined(job)) return [{ app, level: 'bad' as Level, state: t(lang, 'watch.health.apps.quarantine') }];
      if (job.status?.lastExecution?.state === 'Failed' || (job.status?.countSuccessiveCompleteFailures ?? 0) > 0) return [{ app, level: 'warning' as Level, state: t(lang, 'watch.health.apps.failed') }];
      return [];
    });
    if (bad.length === 0) lines.push({ label: 'watch.health.line.apps', level: 'ok', text: t(lang, 'watch.health.apps.none', { count: s.jobs.length }) });
    for (const b of bad.sort((a, z) => (a.level === z.level ? 0 : a.level === 'bad' ? -1 : 1))) {
      lines.push({
        label: 'watch.health.line.apps',
        level: b.level,
        text: t(lang, 'watch.health.apps.some', { name: b.app.displayName ?? b.app.id, state: b.state }),
        check: { topic: 'provisioning.config_error', target: { app: b.app.displayName ?? b.app.id }, subjectId: b.app.id },
      });
    }
    if (s.apps.value.length > HEALTH_MAX_APPS) {
      lines.push({ label: 'watch.health.line.apps', level: 'unknown', text: t(lang, 'watch.health.apps.more', { count: HEALTH_MAX_APPS, total: s.apps.value.length }) });
    }
  } else lines.push(unread(lang, 'watch.health.line.apps', s.apps));
  return lines;
}
