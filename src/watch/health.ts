/**
 * "Tenant health" / "helsesjekk": one card over the whole tenant, in 2 Graph round trips:
 *  RT1  $batch: organization (sync freshness), groups with members in licence errors, groups with directory sync
 *       errors (onPremisesProvisioningErrors; Graph can filter groups on it, not users — the vendored Learn rules
 *       refuse `any()` there, so users' sync errors stay with Connect Health), the tenant's enterprise apps.
 *  RT2  $batch: the provisioning jobs of up to HEALTH_MAX_APPS of those apps (chunks of 20).
 * Works with the admin's delegated token or the watcher's own access (nothing under /me).
 */
import type { Clock } from '../clock';
import { tenantSyncFinding } from '../diagnostics/group';
import { isQuarantined } from '../diagnostics/provisioning/job';
import type { Organization, Part, SynchronizationJob } from '../diagnostics/snapshot';
import type { GraphApi } from '../graph';
import { jobsUrl } from '../graph/appSnapshot';
import { isSuccess } from '../graph/errors';
import { ORGANIZATION_URL, organizationPart } from '../graph/groupSnapshot';
import { query } from '../graph/odata';
import { partOf, sub, valueOf } from '../graph/parts';
import { literal, t, type Lang } from '../i18n';
import { text, type HealthLine } from './cards';
import type { Level } from './model';
import { LICENCE_ERROR_GROUPS_URL } from './observe';

/** Jobs are read for at most this many enterprise apps (two $batch chunks). */
export const HEALTH_MAX_APPS = 40;
const NAMES_SHOWN = 5;

export const SYNC_ERROR_GROUPS_URL = `/groups${query({ $filter: "onPremisesProvisioningErrors/any(e:e/category eq 'PropertyConflict')", $select: 'id,displayName', $top: 999 })}`;
export const APPS_URL = `/servicePrincipals${query({ $filter: "tags/any(t:t eq 'WindowsAzureActiveDirectoryIntegratedApp')", $select: 'id,displayName', $top: 999 })}`;

interface Named {
  id: string;
  displayName?: string | null;
}

export interface HealthSnapshot {
  fetchedAt: string;
  organization: Part<Organization>;
  licenceGroups: Part<Named[]>;
  syncErrorGroups: Part<Named[]>;
  apps: Part<Named[]>;
  /** Apps whose jobs were read, with their jobs (apps without a provisioning job are left out). */
  jobs: { app: Named; jobs: SynchronizationJob[] }[];
}

export async function fetchHealth(api: GraphApi, clock: Clock): Promise<HealthSnapshot> {
  const urls = { licGroups: LICENCE_ERROR_GROUPS_URL, errGroups: SYNC_ERROR_GROUPS_URL, apps: APPS_URL };
  const r1 = await api.batch([{ id: 'org', method: 'GET', url: ORGANIZATION_URL }, ...Object.entries(urls).map(([id, url]) => ({ id, method: 'GET', url }))]);
  const list = (id: keyof typeof urls) => partOf(sub(r1, id), 'GET', urls[id], (b) => valueOf<Named>(b));
  const apps = list('apps');
  const checked = apps.ok ? apps.value.slice(0, HEALTH_MAX_APPS) : [];
  const r2 = checked.length > 0 ? await api.batch(checked.map((a, i) => ({ id: `jobs${i}`, method: 'GET', url: jobsUrl(a.id) }))) : new Map();
  const jobs = checked
    .map((app, i) => {
      const res = r2.get(`jobs${i}`);
      return { app, jobs: res && isSuccess(res.status) ? valueOf<SynchronizationJob>(res.body) : [] };
    })
    .filter((a) => a.jobs.length > 0);
  return {
    fetchedAt: clock.now().toISOString(),
    organization: organizationPart(sub(r1, 'org')),
    licenceGroups: list('licGroups'),
    syncErrorGroups: list('errGroups'),
    apps,
    jobs,
  };
}

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

  if (s.licenceGroups.ok) {
    const groups = s.licenceGroups.value;
    if (groups.length === 0) lines.push({ label: 'watch.health.line.licences', level: 'ok', text: t(lang, 'watch.health.licences.none') });
    for (const g of groups.slice(0, NAMES_SHOWN)) {
      lines.push({ label: 'watch.health.line.licences', level: 'warning', text: literal(g.displayName ?? g.id), check: { topic: 'group.delete_licensed', target: { group: g.displayName ?? g.id }, subjectId: g.id } });
    }
  } else lines.push(unread(lang, 'watch.health.line.licences', s.licenceGroups));

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
