/**
 * Cards of the watches (issue #10): the set-up confirmation, the list, the alert, and the tenant health report.
 * One template (templates/watch.json): title, text, facts, items with their own buttons, numbered steps, a note,
 * buttons. Texts are translated here; callers pass plain data.
 */
import type { Finding, Text } from '../diagnostics/types';
import { t, type Lang } from '../i18n';
import type { IssueIntent } from '../topics';
import type { Level, Observation, Watch, WatchMessage } from './model';
import { button, type Button } from '../cards/buttons';
import { renderCard, type AdaptiveCard } from '../cards/render';
import { formatDate } from '../cards/verdict';

interface WatchCardData {
  title: string;
  color?: 'Default' | 'Attention' | 'Warning' | 'Good';
  text?: string;
  facts?: { title: string; value: string }[];
  items?: { text: string; actions: Button[] }[];
  stepsLabel?: string;
  steps?: string[];
  note?: string;
  actions?: Button[];
}

function render(data: WatchCardData): AdaptiveCard {
  return renderCard('watch', {
    title: data.title,
    color: data.color ?? 'Default',
    text: data.text ?? '',
    facts: data.facts ?? [],
    items: data.items ?? [],
    stepsLabel: data.stepsLabel ?? '',
    steps: (data.steps ?? []).map((text, i) => ({ text: `${i + 1}. ${text}` })),
    note: data.note ?? '',
    actions: data.actions ?? [],
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A finding's text in the language, dates formatted as the verdict card formats them. */
export function text(lang: Lang, value: Text): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(value.params ?? {})) params[k] = typeof v === 'string' && ISO.test(v) ? formatDate(lang, v) : v;
  return t(lang, value.key, params);
}

/** "directory sync", "provisioning to ServiceNow", "licence errors in Lisens E3 Ansatte". */
export function watchName(lang: Lang, watch: Pick<Watch, 'kind' | 'subject'>): string {
  if (watch.kind === 'provisioning') return t(lang, 'watch.kind.provisioning', { app: watch.subject?.displayName ?? '-' });
  if (watch.kind === 'licence') return watch.subject ? t(lang, 'watch.kind.licenceGroup', { group: watch.subject.displayName }) : t(lang, 'watch.kind.licence');
  return t(lang, 'watch.kind.sync');
}

/** Where "Check now" leads: the live check the admin would run by hand for the same thing. */
export function checkNowData(watch: Pick<Watch, 'kind' | 'subject'>): { topic: IssueIntent; target: Record<string, string>; subjectId?: string } {
  if (watch.kind === 'provisioning' && watch.subject) return { topic: 'provisioning.config_error', target: { app: watch.subject.displayName }, subjectId: watch.subject.id };
  if (watch.kind === 'licence' && watch.subject) return { topic: 'group.delete_licensed', target: { group: watch.subject.displayName }, subjectId: watch.subject.id };
  return { topic: 'group.sync_errors', target: {} };
}

/** What the watch sees, in one sentence. */
export function observationText(lang: Lang, watch: Watch, o: Observation): string {
  if (o.level === 'unknown') return t(lang, 'watch.now.unknown', { why: o.failure ?? '-' });
  const labels = (o.labels ?? []).join(', ');
  if (o.finding && (o.level !== 'ok' || watch.kind === 'sync')) return text(lang, o.finding.title);
  if (o.level === 'ok') return t(lang, `watch.now.ok.${watch.kind}`);
  return t(lang, `watch.now.items.${watch.kind}`, { count: o.items.length, names: labels });
}

function stopButton(lang: Lang, watch: Watch): Button {
  return button(t(lang, 'watch.stop.button'), 'watch.stop', { watch: watch.id });
}

function checkButton(lang: Lang, watch: Watch): Button {
  return button(t(lang, 'watch.check.button'), 'watch.check', checkNowData(watch), 'positive');
}

function intervalText(lang: Lang, seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return t(lang, minutes === 1 ? 'watch.interval.one' : 'watch.interval.other', { minutes });
}

/** The set-up confirmation: what is watched, the thresholds, what it looks like now, Stop. */
export function watchSetCard(lang: Lang, watch: Watch, now: Observation, intervalSeconds: number): AdaptiveCard {
  const params = { app: watch.subject?.displayName ?? '', group: watch.subject?.displayName ?? '' };
  const thresholds = watch.kind === 'licence' && watch.subject ? 'watch.thresholds.licenceGroup' : `watch.thresholds.${watch.kind}`;
  return render({
    title: t(lang, 'watch.set.title', { what: watchName(lang, watch) }),
    color: 'Good',
    text: t(lang, thresholds, params),
    facts: [
      { title: t(lang, 'watch.fact.now'), value: observationText(lang, watch, now) },
      { title: t(lang, 'watch.fact.interval'), value: intervalText(lang, intervalSeconds) },
    ],
    note: t(lang, 'watch.set.note'),
    actions: [stopButton(lang, watch)],
  });
}

/** "What are you watching?": one line per watch, each with its own Stop. */
export function watchListCard(lang: Lang, watches: Watch[]): AdaptiveCard {
  if (watches.length === 0) return render({ title: t(lang, 'watch.list.title'), text: t(lang, 'watch.list.none') });
  return render({
    title: t(lang, 'watch.list.title'),
    text: t(lang, 'watch.list.text', { count: watches.length }),
    items: watches.map((w) => ({
      text: t(lang, 'watch.list.item', { what: watchName(lang, w), who: w.setBy.name ?? '-', when: formatDate(lang, w.createdAt) }),
      actions: [stopButton(lang, w)],
    })),
  });
}

const LEVEL_COLOR: Record<Exclude<Level, 'unknown'>, WatchCardData['color']> = { ok: 'Good', warning: 'Warning', bad: 'Attention' };

function fixSteps(lang: Lang, finding: Finding | undefined): string[] {
  return (finding?.fix ?? []).map((s) => text(lang, s));
}

/** The alert: what changed, since when, the live check's diagnosis and fix, Check now and Stop watching. */
export function watchAlertCard(lang: Lang, watch: Watch, message: Extract<WatchMessage, { kind: 'alert' }>): AdaptiveCard {
  const o = message.observation;
  const level = o.level === 'unknown' ? 'warning' : o.level;
  const finding = o.finding;
  const learn = finding?.learnMore ? `[${t(lang, 'watch.learnMore')}](${finding.learnMore})` : '';
  return render({
    title: t(lang, `watch.alert.title.${watch.kind}`, { app: watch.subject?.displayName ?? '', group: watch.subject?.displayName ?? '' }),
    color: LEVEL_COLOR[level],
    text: [observationText(lang, watch, o), finding?.detail ? text(lang, finding.detail) : ''].filter(Boolean).join('\n\n'),
    facts: [
      {
        title: t(lang, 'watch.fact.changed'),
        value: message.previous === level ? t(lang, 'watch.changedMore', { count: message.added.length }) : t(lang, 'watch.changed', { from: t(lang, `watch.level.${message.previous}`), to: t(lang, `watch.level.${level}`) }),
      },
      { title: t(lang, 'watch.fact.since'), value: formatDate(lang, message.since) },
      ...(watch.kind === 'licence' && message.added.length > 0 ? [{ title: t(lang, 'watch.fact.new'), value: message.added.map((id) => o.labels?.[o.items.indexOf(id)] ?? id).join(', ') }] : []),
      { title: t(lang, 'watch.fact.watch'), value: watchName(lang, watch) },
    ],
    stepsLabel: t(lang, 'watch.fix'),
    steps: fixSteps(lang, finding),
    note: learn,
    actions: [checkButton(lang, watch), stopButton(lang, watch)],
  });
}

/** The short "back to normal" line. */
export function recoveredText(lang: Lang, watch: Watch, since: string): string {
  return t(lang, 'watch.recovered', { what: watchName(lang, watch), since: formatDate(lang, since) });
}

/** One summary instead of an alert per change. */
export function flappingText(lang: Lang, watch: Watch, changes: number, now: Observation): string {
  return t(lang, 'watch.flapping', { what: watchName(lang, watch), count: changes, now: observationText(lang, watch, now) });
}

export interface HealthLine {
  /** i18n key of the line's label (watch.health.line.*). */
  label: string;
  level: Level;
  text: string;
  /** The live check that explains the line. */
  check?: { topic: IssueIntent; target: Record<string, string>; subjectId?: string };
}

const LEVEL_ICON: Record<Level, string> = { ok: '✅', warning: '⚠️', bad: '⛔', unknown: '❔' };

/** "Tenant health": one line per area, each with a button to its diagnosis. */
export function healthCard(lang: Lang, data: { tenant: string; lines: HealthLine[]; checkedAt: string; access: 'delegated' | 'watcher' }): AdaptiveCard {
  return render({
    title: t(lang, 'watch.health.title', { tenant: data.tenant }),
    text: t(lang, `watch.health.access.${data.access}`),
    items: data.lines.map((l) => ({
      text: `${LEVEL_ICON[l.level]} **${t(lang, l.label)}**: ${l.text}`,
      actions: l.check ? [button(t(lang, 'watch.health.open'), 'watch.check', l.check)] : [],
    })),
    note: t(lang, 'watch.health.checkedAt', { at: formatDate(lang, data.checkedAt) }),
  });
}
