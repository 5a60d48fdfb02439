/**
 * The verdict card: renders a Diagnosis (findings are data; texts are i18n keys resolved here).
 * Layout: the answering finding first (severity icon + colour), its evidence as a FactSet, its fix as numbered
 * steps with the Learn link; then the other findings; then "What I couldn't check and why"; then buttons.
 */
import type { Diagnosis, Finding, Severity, Text, EvidenceValue } from '../diagnostics/types';
import { sortFindings } from '../diagnostics/types';
import { t, bcp47, literal, markdown, type Lang, type Param } from '../i18n';
import { renderCard, cardByteSize, CARD_BYTE_BUDGET, type AdaptiveCard } from './render';
import * as ACData from 'adaptivecards-templating';
import * as fs from 'fs';
import { resourcePath } from '../paths';
import { button, type Button } from './buttons';
import type { Verb } from './verbs';

export interface VerdictTarget {
  group?: string;
  app?: string;
  user?: string;
  errorText?: string;
}

export interface VerdictOptions {
  target: VerdictTarget;
  /** Show "Check again" (Action.Execute verdict.refresh, refreshes the card in place). */
  refreshable: boolean;
  /** Extra buttons (e.g. "Provision this user on demand"), shown before Share/Start over. */
  actions?: { label: string; verb: Verb; data?: Record<string, unknown> }[];
}

const ICON: Record<Severity, string> = { blocker: '⛔', warning: '⚠️', info: 'ℹ️', ok: '✅' };
const COLOR: Record<Severity, string> = { blocker: 'Attention', warning: 'Warning', info: 'Accent', ok: 'Good' };
const STYLE: Record<Severity, string> = { blocker: 'attention', warning: 'warning', info: 'accent', ok: 'good' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (d.getUTCFullYear() <= 1) return iso; // 0001-01-01: "never" marker, keep it recognisable
  return new Intl.DateTimeFormat(bcp47(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d) + ' UTC';
}

function tx(lang: Lang, text: Text): string {
  const params: Record<string, Param> = {};
  // Dates are formatted by the bot ("1. mars 2025, 10:00 UTC" must not be read as a numbered list); the rest is literal.
  for (const [k, v] of Object.entries(text.params ?? {})) params[k] = typeof v === 'string' && ISO_DATE.test(v) ? markdown(formatDate(lang, v)) : v;
  return t(lang, text.key, params);
}

function evidenceValue(value: EvidenceValue): string {
  if (value === null) return 'null';
  return String(value);
}

/** Evidence comes from the tenant (names, error texts, pasted text): shown literally in the FactSet. */
function evidenceRows(f: Finding) {
  return Object.entries(f.evidence).map(([name, value]) => ({ name: literal(name), value: literal(evidenceValue(value)) }));
}

function fixRows(lang: Lang, f: Finding) {
  return f.fix.map((step, i) => ({ text: `${i + 1}. ${tx(lang, step)}` }));
}

function subjectLine(lang: Lang, d: Diagnosis): string {
  const kind = t(lang, `cards.verdict.subject.${d.subject.kind}`);
  return t(lang, 'cards.verdict.subjectLine', { topic: markdown(t(lang, `guide.${d.topic}.title`)), kind: markdown(kind), name: d.subject.displayName });
}

let verdictTemplate: object | undefined;
function expand(data: object): AdaptiveCard {
  verdictTemplate ??= JSON.parse(fs.readFileSync(resourcePath('src', 'cards', 'templates', 'verdict.json'), 'utf8')) as object;
  return new ACData.Template(verdictTemplate).expand({ $root: data }) as AdaptiveCard;
}

export function findingElementId(index: number, findingId: string): string {
  return `finding-${index}-${findingId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

export function renderVerdictCard(diagnosis: Diagnosis, lang: Lang, opts: VerdictOptions): AdaptiveCard {
  const findings = sortFindings(diagnosis.findings);
  const head = findings[0];
  const payload = { topic: diagnosis.topic, target: opts.target, subjectId: diagnosis.subject.id ?? null, subjectKind: diagnosis.subject.kind };
  const actions: Button[] = [];
  if (opts.refreshable) actions.push(button(t(lang, 'cards.verdict.refresh'), 'verdict.refresh', payload, 'positive'));
  for (const a of opts.actions ?? []) actions.push(button(a.label, a.verb, { ...payload, ...(a.data ?? {}) }));
  actions.push(button(t(lang, 'cards.verdict.share'), 'verdict.share', payload));
  actions.push(button(t(lang, 'cards.restart'), 'flow.restart', { topic: diagnosis.topic }));

  // Element ids name the finding ("finding-2-G1.4.paused"): unique per card, and a stable handle for tests and tools.
  const allOthers = findings.slice(1).map((f, i) => ({
    elementId: findingElementId(i + 1, f.id),
    icon: ICON[f.severity],
    color: COLOR[f.severity],
    title: tx(lang, f.title),
    evidence: evidenceRows(f),
    fix: fixRows(lang, f),
    learnTitle: t(lang, 'cards.step.learn'),
    learnUrl: f.learnMore ?? '',
  }));
  const base = {
    subjectLine: subjectLine(lang, diagnosis),
    headId: head ? findingElementId(0, head.id) : 'finding-none',
    icon: head ? ICON[head.severity] : ICON.info,
    headColor: head ? COLOR[head.severity] : COLOR.info,
    headStyle: head ? STYLE[head.severity] : STYLE.info,
    headline: head ? tx(lang, head.title) : t(lang, 'cards.verdict.nothing'),
    headDetail: head?.detail ? tx(lang, head.detail) : '',
    evidence: head ? evidenceRows(head) : [],
    fixLabel: t(lang, 'cards.verdict.fix'),
    fix: head ? fixRows(lang, head) : [],
    learnTitle: t(lang, 'cards.step.learn'),
    learnUrl: head?.learnMore ?? '',
    othersLabel: t(lang, 'cards.verdict.others'),
    uncheckedLabel: t(lang, 'cards.verdict.unchecked'),
    unchecked: diagnosis.unchecked.map((u) => ({ what: tx(lang, u.what), why: tx(lang, u.why) })),
    checkedAtLine: t(lang, 'cards.verdict.checkedAt', { when: markdown(formatDate(lang, diagnosis.checkedAt)) }),
    actions,
  };
  // Keep the card under the budget: drop the least severe other findings (they come last) until it fits.
  let shown = allOthers.length;
  for (;;) {
    const others = allOthers.slice(0, shown);
    const omitted = allOthers.length - shown;
    if (omitted > 0) others.push({ elementId: 'finding-more', icon: '…', color: 'Default', title: t(lang, 'cards.verdict.more', { count: omitted }), evidence: [], fix: [], learnTitle: '', learnUrl: '' });
    const card = expand({ ...base, others });
    if (cardByteSize(card) <= CARD_BYTE_BUDGET || shown === 0) {
      if (cardByteSize(card) > CARD_BYTE_BUDGET) return renderCard('verdict', { ...base, others: [], unchecked: base.unchecked.slice(0, 5) });
      return card;
    }
    shown = Math.max(0, shown - Math.max(1, Math.ceil(shown / 4)));
  }
}
