/**
 * What a waiting step shows, as data (so it can be re-rendered in another language or re-sent after "help").
 */
import type { IssueIntent } from '../recognizer/intents';
import type { Lang } from '../i18n';
import type { AdaptiveCard } from '../cards/render';
import type { Verb } from '../cards/verbs';
import { introCard, askTargetCard, stepCard, type TargetKind } from '../cards/cards';
import { stepData } from './guides';

export type View =
  | { kind: 'intro'; topic: IssueIntent; live: boolean }
  | { kind: 'target'; topic: IssueIntent; target: TargetKind; optional: boolean }
  | { kind: 'step'; topic: IssueIntent; index: number };

export interface Answer {
  verb: Verb;
  data: Record<string, unknown>;
}

export function renderView(view: View, lang: Lang): AdaptiveCard {
  switch (view.kind) {
    case 'intro':
      return introCard(lang, view.topic, { live: view.live });
    case 'target':
      return askTargetCard(lang, view.topic, view.target, { optional: view.optional });
    case 'step':
      return stepCard(lang, stepData(view.topic, view.index));
  }
}

/** Verbs a view's buttons answer with. */
export function viewVerbs(view: View): Verb[] {
  switch (view.kind) {
    case 'intro':
      return ['issue.mode'];
    case 'target':
      return view.optional ? ['target.submit', 'target.skip'] : ['target.submit'];
    case 'step':
      return ['guide.next', 'guide.fixed', 'guide.nohelp'];
  }
}

/** Whether a click belongs to this view (right verb, and for step cards the same step of the same topic). */
export function belongsTo(view: View, verb: string, data: Record<string, unknown>): boolean {
  if (!(viewVerbs(view) as string[]).includes(verb)) return false;
  if (typeof data.topic === 'string' && data.topic !== view.topic) return false;
  if (view.kind === 'step' && typeof data.step === 'number' && data.step !== view.index) return false;
  return true;
}

/** Whether the view waits for free text (a group/app/user name): no topic switching by recogniser then. */
export function wantsFreeText(view: View): boolean {
  return view.kind === 'target';
}

const WORDS: { kinds: View['kind'][]; re: RegExp; answer: (view: View) => Answer }[] = [
  { kinds: ['intro'], re: /^(check( my tenant)?|live|sjekk( leieren( min)?)?|direkte)$/, answer: () => ({ verb: 'issue.mode', data: { mode: 'live' } }) },
  { kinds: ['intro'], re: /^(guide( me)?( step by step)?|guided|steps?|veiled( meg)?( steg for steg)?|steg for steg)$/, answer: () => ({ verb: 'issue.mode', data: { mode: 'guided' } }) },
  { kinds: ['step'], re: /^(next|done|done,? next|ok|neste|ferdig|ferdig,? neste)$/, answer: (v) => ({ verb: 'guide.next', data: { step: v.kind === 'step' ? v.index : 0 } }) },
  { kinds: ['step'], re: /^(that fixed it|fixed|solved|it works( now)?|det løste (det|seg)|løst|det virker( nå)?)$/, answer: (v) => ({ verb: 'guide.fixed', data: { step: v.kind === 'step' ? v.index : 0 } }) },
  { kinds: ['step'], re: /^(didn'?t help|did not help|no luck|still broken|hjalp ikke|det hjalp ikke|fortsatt feil)$/, answer: (v) => ({ verb: 'guide.nohelp', data: { step: v.kind === 'step' ? v.index : 0 } }) },
  { kinds: ['target'], re: /^(skip|no|none|nei|ingen|hopp over)$/, answer: () => ({ verb: 'target.skip', data: {} }) },
];

/** A typed word that means a button ("next", "neste", "skip"…). `normalised` comes from send.normalise. */
export function matchTypedChoice(view: View, normalised: string): Answer | undefined {
  for (const w of WORDS) {
    if (!w.kinds.includes(view.kind) || !w.re.test(normalised)) continue;
    const answer = w.answer(view);
    if (answer.verb === 'target.skip' && !(view.kind === 'target' && view.optional)) continue;
    return answer;
  }
  return undefined;
}
