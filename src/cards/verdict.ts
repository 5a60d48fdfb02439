/**
 * The verdict card, one layout for every check (issue #12), built as card objects directly (no template expansion:
 * it is the largest card and the most frequent one). Read top to bottom, an admin gets:
 *   1. the answer for the object named (severity icon + one sentence), the cause under it;
 *   2. the fix as numbered steps (portal path / PowerShell / Graph command, as the finding's text carries them), the
 *      Microsoft Learn link;
 *   3. "Evidence", folded: each value under a human label ("Last sync"), the Graph property as a quiet second line;
 *   4. the other findings, one line each, each unfolding to its cause, fix and evidence; what couldn't be checked,
 *      folded; when it was checked, in the admin's time zone; the buttons.
 * Element ids `finding-<n>-<id>` and every button's verb and data are stable (tests and handlers rely on them).
 */
import type { Diagnosis, Finding, Severity, Text, EvidenceValue } from '../diagnostics/types';
import type { Target } from '../topics';
import { bcp47, t, literal, markdown, type Lang, type Param } from '../i18n';
import { cardByteSize, CARD_BYTE_BUDGET, type AdaptiveCard } from './render';
import { button, type Button } from './buttons';
import type { Verb } from './verbs';
import { absoluteTime, formatWhen, ISO_DATE, isSkuProperty, productName, productNames, propertyLabel, type Audience } from './format';

/** What the verdict was about, as the admin wrote it (carried by "Check again"). */
export type VerdictTarget = Omit<Target, 'names'>;

export interface VerdictOptions {
  target: VerdictTarget;
  /** Show "Check again" (Action.Execute verdict.refresh, refreshes the card in place). */
  refreshable: boolean;
  /** Extra buttons (e.g. "Provision this user on demand"), shown before Share/Start over. */
  actions?: { label: string; verb: Verb; data?: Record<string, unknown> }[];
  /** The admin's IANA time zone (from the Teams client); unknown → times in UTC, marked so. */
  timeZone?: string;
}

/** Before anything is unfolded a verdict shows at most this many characters (buttons included)… */
export const VISIBLE_CHAR_BUDGET = 1600;
/** …and at most this many facts (evidence rows). Evidence is folded, so today this is 0. */
export const VISIBLE_FACT_BUDGET = 6;

const ICON: Record<Severity, string> = { blocker: '⛔', warning: '⚠️', info: 'ℹ️', ok: '✅' };
const COLOR: Record<Severity, string> = { blocker: 'Attention', warning: 'Warning', info: 'Accent', ok: 'Good' };
const STYLE: Record<Severity, string> = { blocker: 'attention', warning: 'warning', info: 'accent', ok: 'good' };

type Element = Record<string, unknown>;

/** @deprecated kept for callers that format a single date without a time zone: use formatWhen. */
export function formatDate(lang: Lang, iso: string): string {
  return absoluteTime({ lang }, iso);
}

/** A finding's text: dates in the admin's zone (bot-built, not escaped); SKU lists as product names; the rest literal. */
function tx(a: Audience, text: Text): string {
  const params: Record<string, Param> = {};
  for (const [k, v] of Object.entries(text.params ?? {})) {
    if (typeof v === 'string' && ISO_DATE.test(v)) params[k] = markdown(formatWhen(a, v));
    else if (typeof v === 'string' && (k === 'skus' || k === 'otherSkus')) params[k] = productNames(v);
    else params[k] = v;
  }
  return t(a.lang, text.key, params);
}

function valueText(a: Audience, property: string, value: EvidenceValue): string {
  if (value === null) return 'null';
  if (value === '') return t(a.lang, 'cards.verdict.empty');
  if (typeof value === 'boolean') return t(a.lang, value ? 'cards.verdict.yes' : 'cards.verdict.no');
  if (typeof value === 'number') return new Intl.NumberFormat(bcp47(a.lang)).format(value);
  if (ISO_DATE.test(value)) return formatWhen(a, value);
  // A log entry in short form ("<time> · action · status · user · code"): the time formatted, the rest literal.
  const [first, ...rest] = value.split(' · ');
  if (rest.length > 0 && ISO_DATE.test(first)) return [formatWhen(a, first), ...rest.map((r) => literal(r))].join(' · ');
  if (isSkuProperty(property)) return value.split(', ').map((p) => (productName(p) === p ? p : `${productName(p)} (${p})`)).join(', ');
  return literal(value);
}

function text(value: string, extra: Element = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/** Evidence rows: the human label (bold), the value, the Graph property as a quiet small line. */
function evidenceItems(a: Audience, f: Finding, idPrefix: string): Element[] {
  return Object.entries(f.evidence)
    .filter(([, v]) => v !== undefined)
    .map(([property, value], i) => ({
      type: 'Container',
      spacing: i === 0 ? 'Small' : 'Medium',
      items: [
        text(propertyLabel(a.lang, property), { id: `${idPrefix}-label-${i}`, weight: 'Bolder', size: 'Small' }),
        text(valueText(a, property, value), { spacing: 'None' }),
        text(literal(property), { spacing: 'None', isSubtle: true, size: 'Small', fontType: 'Monospace' }),
      ],
    }));
}

function fixItems(a: Audience, f: Finding, extra: Element = {}): Element[] {
  return f.fix.map((step, i) => text(`${i + 1}. ${tx(a, step)}`, { spacing: 'Small', ...extra }));
}

function learnItem(a: Audience, url: string | undefined, extra: Element = {}): Element[] {
  return url ? [text(`[${t(a.lang, 'cards.step.learn')}](${url})`, extra)] : [];
}

/** A folded section: a toggle row ("▸ Evidence (8)") and the hidden container it opens. */
function folded(id: string, title: string, items: Element[], extra: Element = {}): Element[] {
  if (items.length === 0) return [];
  return [
    {
      type: 'Container',
      ...extra,
      selectAction: { type: 'Action.ToggleVisibility', title, targetElements: [id] },
      items: [text(`▸ ${title}`, { color: 'Accent', weight: 'Bolder', size: 'Small' })],
    },
    { type: 'Container', id, isVisible: false, spacing: 'Small', items },
  ];
}

function subjectLine(lang: Lang, d: Diagnosis): string {
  const kind = t(lang, `cards.verdict.subject.${d.subject.kind}`);
  return t(lang, 'cards.verdict.subjectLine', { topic: markdown(t(lang, `guide.${d.topic}.title`)), kind: markdown(kind), name: d.subject.displayName });
}

export function findingElementId(index: number, findingId: string): string {
  return `finding-${index}-${findingId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

function evidenceCount(f: Finding): number {
  return Object.values(f.evidence).filter((v) => v !== undefined).length;
}

/** The answering finding, unfolded except its evidence. */
function headSection(a: Audience, d: Diagnosis, head: Finding | undefined, maxSteps = Infinity): Element[] {
  const id = head ? findingElementId(0, head.id) : 'finding-none';
  const sev: Severity = head?.severity ?? 'info';
  const out: Element[] = [
    {
      type: 'Container',
      id,
      style: STYLE[sev],
      bleed: true,
      items: [
        text(subjectLine(a.lang, d), { isSubtle: true, size: 'Small' }),
        text(`${ICON[sev]} ${head ? tx(a, head.title) : t(a.lang, 'cards.verdict.nothing')}`, { size: 'Medium', weight: 'Bolder', color: COLOR[sev] }),
        ...(head?.detail ? [text(tx(a, head.detail))] : []),
      ],
    },
  ];
  if (!head) return out;
  if (head.fix.length > 0) {
    // A long fix shows its first steps; the rest unfold under "N more steps" (keeps the card within its budget).
    const steps = fixItems(a, head);
    const shown = steps.length > maxSteps ? steps.slice(0, maxSteps) : steps;
    const rest = steps.slice(shown.length);
    out.push({ type: 'Container', items: [text(t(a.lang, 'cards.verdict.fix'), { weight: 'Bolder' }), ...shown] });
    out.push(...folded(`${id}-steps`, t(a.lang, 'cards.verdict.moreSteps', { count: rest.length }), rest, { spacing: 'Small' }));
  }
  out.push(...learnItem(a, head.learnMore));
  out.push(...folded(`${id}-evidence`, t(a.lang, 'cards.verdict.evidence', { count: evidenceCount(head) }), evidenceItems(a, head, `${id}-evidence`)));
  return out;
}

/** Another finding: one line (icon + title) that unfolds its cause, fix, evidence and link. */
function otherFinding(a: Audience, f: Finding, index: number): Element {
  const id = findingElementId(index, f.id);
  const details: Element[] = [
    ...(f.detail ? [text(tx(a, f.detail), { size: 'Small' })] : []),
    ...fixItems(a, f, { size: 'Small' }),
    ...evidenceItems(a, f, `${id}-evidence`),
    ...learnItem(a, f.learnMore, { size: 'Small' }),
  ];
  const line = text(`${details.length > 0 ? '▸ ' : ''}${ICON[f.severity]} ${tx(a, f.title)}`, { color: COLOR[f.severity] });
  if (details.length === 0) return { type: 'Container', id, spacing: 'Small', items: [line] };
  return {
    type: 'Container',
    id,
    spacing: 'Small',
    selectAction: { type: 'Action.ToggleVisibility', title: tx(a, f.title), targetElements: [`${id}-details`] },
    items: [line, { type: 'Container', id: `${id}-details`, isVisible: false, spacing: 'Small', items: details }],
  };
}

function buttonSet(b: Button, index: number): Element {
  const fallback = { type: 'Action.Submit', title: b.title, data: b.data, style: b.style };
  return { type: 'ActionSet', spacing: index === 0 ? 'Default' : 'Small', actions: [{ type: 'Action.Execute', title: b.title, verb: b.verb, data: b.data, style: b.style, fallback }] };
}

/** Characters shown before anything is unfolded (text of visible TextBlocks and facts, button titles). */
export function visibleText(card: object): { chars: number; facts: number } {
  let chars = 0;
  let facts = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.isVisible === false) return;
    if (o.type === 'TextBlock' && typeof o.text === 'string') chars += o.text.length;
    if (o.type === 'FactSet' && Array.isArray(o.facts)) {
      facts += o.facts.length;
      for (const f of o.facts as { title?: string; value?: string }[]) chars += (f.title ?? '').length + (f.value ?? '').length;
    }
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string' && o.type !== 'Action.ToggleVisibility') chars += o.title.length;
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && k !== 'selectAction') walk(v);
  };
  walk(card);
  return { chars, facts };
}

export function renderVerdictCard(diagnosis: Diagnosis, lang: Lang, opts: VerdictOptions): AdaptiveCard {
  const a: Audience = { lang, timeZone: opts.timeZone, now: diagnosis.checkedAt };
  // The diagnosis is already in answer order (diagnostics/ranking.ts): the finding that answers the question first.
  const findings = diagnosis.findings;
  const head = findings[0];
  // The subject's object id lets "Check again" skip the name lookup; the tenant is not an object to look up (its id
  // would be read as a group's), so a tenant-wide answer is checked again from what the admin asked.
  const subjectId = diagnosis.subject.kind === 'tenant' ? null : (diagnosis.subject.id ?? null);
  const payload = { topic: diagnosis.topic, target: opts.target, subjectId, subjectKind: diagnosis.subject.kind };
  const buttons: Button[] = [];
  if (opts.refreshable) buttons.push(button(t(lang, 'cards.verdict.refresh'), 'verdict.refresh', payload, 'positive'));
  for (const b of opts.actions ?? []) buttons.push(button(b.label, b.verb, { ...payload, ...(b.data ?? {}) }));
  buttons.push(button(t(lang, 'cards.verdict.share'), 'verdict.share', payload));
  buttons.push(button(t(lang, 'cards.restart'), 'flow.restart', { topic: diagnosis.topic }));

  let top = headSection(a, diagnosis, head);
  const unchecked = diagnosis.unchecked.map((u, i) => ({
    type: 'Container',
    spacing: i === 0 ? 'Small' : 'Medium',
    items: [text(tx(a, u.what), { weight: 'Bolder', size: 'Small' }), text(tx(a, u.why), { spacing: 'None', size: 'Small' })],
  }));
  const bottom: Element[] = [
    ...folded('unchecked', t(lang, 'cards.verdict.uncheckedCount', { count: diagnosis.unchecked.length }), unchecked, { separator: true, spacing: 'Medium' }),
    text(t(lang, 'cards.verdict.checkedAt', { when: markdown(absoluteTime(a, diagnosis.checkedAt)) }), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    ...buttons.map(buttonSet),
  ];
  const others = findings.slice(1).map((f, i) => otherFinding(a, f, i + 1));

  const build = (shownVisible: number, shownTotal: number): AdaptiveCard => {
    const body: Element[] = [...top];
    if (others.length > 0) {
      body.push(text(t(lang, 'cards.verdict.others'), { weight: 'Bolder', separator: true, spacing: 'Medium' }));
      body.push(...others.slice(0, shownVisible));
      const rest = others.slice(shownVisible, shownTotal);
      body.push(...folded('finding-rest', t(lang, 'cards.verdict.moreFolded', { count: rest.length }), rest, { spacing: 'Small' }));
      const omitted = others.length - shownTotal;
      if (omitted > 0) body.push({ type: 'Container', id: 'finding-more', spacing: 'Small', items: [text(t(lang, 'cards.verdict.more', { count: omitted }), { isSubtle: true, size: 'Small' })] });
    }
    body.push(...bottom);
    return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', msteams: { width: 'Full' }, body };
  };

  // Other findings are visible one line each while the card stays within the visible-text budget; the rest fold
  // under "More findings"; beyond the 28 KB budget the last ones (least related to the question) are only counted.
  let visible = others.length;
  let total = others.length;
  let card = build(visible, total);
  while (visible > 0 && visibleText(card).chars > VISIBLE_CHAR_BUDGET) card = build(--visible, total);
  for (let steps = (head?.fix.length ?? 0) - 1; steps >= 3 && visibleText(card).chars > VISIBLE_CHAR_BUDGET; steps--) {
    top = headSection(a, diagnosis, head, steps);
    card = build(visible, total);
  }
  while (total > visible && cardByteSize(card) > CARD_BYTE_BUDGET) {
    total = Math.max(visible, total - Math.max(1, Math.ceil((total - visible) / 4)));
    card = build(visible, total);
  }
  while (total > 0 && cardByteSize(card) > CARD_BYTE_BUDGET) card = build((visible = Math.min(visible, --total)), total);
  // Counting the omitted ones adds a line: fold one more if that tipped the visible text over its budget.
  while (visible > 0 && visibleText(card).chars > VISIBLE_CHAR_BUDGET) card = build(--visible, total);
  return card;
}
