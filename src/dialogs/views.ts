/**
 * What a waiting step shows, as data (so it can be re-rendered in another language or re-sent after "help").
 */
import type { IssueIntent, ObjectKind } from '../topics';
import type { Lang } from '../i18n';
import type { AdaptiveCard } from '../cards/render';
import type { Verb } from '../cards/verbs';
import { introCard, askTargetCard, stepCard, chooseCandidateCard, confirmActionCard, shareChannelCard, type TargetKind } from '../cards/cards';
import { t } from '../i18n';
import { phraseSet } from '../i18n/lexicon';
import { stepData } from './guides';
import type { CandidateOption } from './checks';
import type { ProvisioningAction } from '../diagnostics/provisioning';

export type View =
  | { kind: 'intro'; topic: IssueIntent; live: boolean }
  | { kind: 'target'; topic: IssueIntent; target: TargetKind; optional: boolean }
  | { kind: 'step'; topic: IssueIntent; index: number }
  /** The live check found several groups/apps: pick one. */
  | { kind: 'candidate'; topic: IssueIntent; family: ObjectKind; query: string; candidates: CandidateOption[]; near?: boolean }
  /** A pending write action (pendingActions.ts): confirm or cancel. Only clicks carrying its id answer it. */
  | { kind: 'confirm'; topic: IssueIntent; pending: string; action: ProvisioningAction; servicePrincipalId: string; app: string; user: string }
  /** Share a verdict: which channel. */
  | { kind: 'share'; topic: IssueIntent; channels: { id: string; name: string }[] };

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
    case 'candidate': {
      const candidates = view.candidates.map((c) => ({ id: c.id, title: c.title, subtitle: candidateSubtitle(lang, c) }));
      return chooseCandidateCard(lang, { kind: view.family, query: view.query, candidates, topic: view.topic, near: view.near });
    }
    case 'confirm':
      return confirmActionCard(lang, {
        title: t(lang, `live.action.${view.action.kind}.title`),
        text: t(lang, `live.action.${view.action.kind}.confirm`, { app: view.app, user: view.user }),
        request: graphRequestOf(view.servicePrincipalId, view.action),
        pending: view.pending,
      });
    case 'share':
      return shareChannelCard(lang, view.channels);
  }
}

/** "sales@contoso.no · synced from AD · security group", in the admin's language. */
function candidateSubtitle(lang: Lang, c: CandidateOption): string {
  const parts = [c.detail];
  if (c.kind) parts.push(t(lang, c.synced ? 'live.candidate.synced' : 'live.candidate.cloud'), t(lang, `live.candidate.kind.${c.kind}`));
  return parts.filter(Boolean).join(' · ');
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
    case 'candidate':
      return ['candidate.choose'];
    case 'confirm':
      return ['action.confirm', 'action.cancel'];
    case 'share':
      return ['share.channel'];
  }
}

/** The Graph request a write action makes, as the confirmation card states it. */
export function graphRequestOf(servicePrincipalId: string, action: ProvisioningAction): string {
  const job = `/servicePrincipals/${servicePrincipalId}/synchronization/jobs/${action.jobId}`;
  return action.kind === 'restartJob' ? `POST ${job}/restart` : `POST ${job}/provisionOnDemand (user ${action.userId}, rule ${action.ruleId})`;
}

/**
 * Whether a click belongs to this view (right verb, and for step cards the same step of the same topic; for a
 * confirmation exactly this pending action).
 */
export function belongsTo(view: View, verb: string, data: Record<string, unknown>): boolean {
  if (!(viewVerbs(view) as string[]).includes(verb)) return false;
  if (view.kind === 'confirm') return data.pending === view.pending;
  if (typeof data.topic === 'string' && data.topic !== view.topic) return false;
  if (view.kind === 'step' && typeof data.step === 'number' && data.step !== view.index) return false;
  return true;
}

/** Whether the view waits for free text (a group/app/user name): no topic switching by recogniser then. */
export function wantsFreeText(view: View): boolean {
  return view.kind === 'target';
}

/** Typed words for a card's buttons, in every language of the lexicon (`typedChoices`). */
const WORDS: { kinds: View['kind'][]; words: ReadonlySet<string>; answer: (view: View) => Answer }[] = [
  { kinds: ['intro'], words: phraseSet((l) => l.typedChoices.live), answer: () => ({ verb: 'issue.mode', data: { mode: 'live' } }) },
  { kinds: ['intro'], words: phraseSet((l) => l.typedChoices.guided), answer: () => ({ verb: 'issue.mode', data: { mode: 'guided' } }) },
  { kinds: ['step'], words: phraseSet((l) => l.typedChoices.next), answer: (v) => ({ verb: 'guide.next', data: { step: v.kind === 'step' ? v.index : 0 } }) },
  { kinds: ['step'], words: phraseSet((l) => l.typedChoices.fixed), answer: (v) => ({ verb: 'guide.fixed', data: { step: v.kind === 'step' ? v.index : 0 } }) },
  { kinds: ['step'], words: phraseSet((l) => l.typedChoices.noHelp), answer: (v) => ({ verb: 'guide.nohelp', data: { step: v.kind === 'step' ? v.index : 0 } }) },
  { kinds: ['target'], words: phraseSet((l) => l.typedChoices.skip), answer: () => ({ verb: 'target.skip', data: {} }) },
  { kinds: ['confirm'], words: phraseSet((l) => l.typedChoices.confirm), answer: (v) => ({ verb: 'action.confirm', data: { pending: v.kind === 'confirm' ? v.pending : '' } }) },
  { kinds: ['confirm'], words: phraseSet((l) => l.typedChoices.decline), answer: (v) => ({ verb: 'action.cancel', data: { pending: v.kind === 'confirm' ? v.pending : '' } }) },
];

/** A typed word that means a button ("next", "neste", "skip"…). `normalized` comes from send.normalize. */
export function matchTypedChoice(view: View, normalized: string): Answer | undefined {
  if (view.kind === 'candidate') {
    // "2", the name, or the object id of one of the offered candidates.
    const picked = view.candidates.find((c, i) => normalized === String(i + 1) || normalized === c.title.toLowerCase() || normalized === c.id.toLowerCase());
    return picked ? { verb: 'candidate.choose', data: { candidate: picked.id } } : undefined;
  }
  for (const w of WORDS) {
    if (!w.kinds.includes(view.kind) || !w.words.has(normalized)) continue;
    const answer = w.answer(view);
    if (answer.verb === 'target.skip' && !(view.kind === 'target' && view.optional)) continue;
    return answer;
  }
  return undefined;
}
