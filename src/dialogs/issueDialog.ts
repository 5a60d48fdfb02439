/**
 * The issue dialog, one waterfall per issue type in the catalogue (src/topics.ts): intro card (live check or guided)
 * → target question (skipped when the recogniser already named it) → live check (LIVE_CHECK_DIALOG) or the guided
 * walk over the topic's steps (dialogs/guides.ts). The dialog id is the topic label; RootDialog registers one per
 * catalogue entry (issueDialogsFor). Dialog state: the waterfall's values hold { topic, target, mode }.
 */
import { Dialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { chooseIntentCard } from '../cards/cards';
import { verbsHandledBy, type Verb } from '../cards/verbs';
import { t } from '../i18n';
import { fromAllLanguages, wordsPattern } from '../i18n/lexicon';
import { FAMILIES, FAMILY_NAMES, familyOf, isIssueIntent, ISSUE_INTENTS, tenantWideFits, topicSpec, type Family, type IssueIntent, type TopicSpec, type TargetKind } from '../topics';
import type { Entities } from '../recognizer/types';
import { CancelAndHelpDialog, explicitSwitch } from './cancelAndHelpDialog';
import { CARD_PROMPT, CardPrompt, type CardPromptOptions } from './cardPrompt';
import type { DialogDeps } from './deps';
import { GUIDE_WALK, GuideWalkDialog, type GuideOutcome, type GuideWalkOptions } from './guideWalkDialog';
import { LangStore } from './lang';
import { targetFromAnswer } from './targets';
import { LIVE_CHECK_DIALOG, type LiveCheckOptions, type LiveCheckResult, type Target } from './liveCheckTypes';
import { matchTypedChoice, wantsFreeText, type Answer, type View } from './views';
import { sendCard, sendText } from './send';

export const ISSUE_VERBS: Verb[] = verbsHandledBy('issue');

export interface IssueOptions {
  /** Targets the recogniser found in the first message. */
  entities?: Entities;
  /** Skip the intro choice (e.g. "Check my tenant" on a wrap-up card). */
  mode?: 'live' | 'guided';
  /** Target carried from an earlier card (verdict "Check again"). */
  target?: Target;
}

/** What an issue dialog ends with. */
export type IssueResult = { switchTo: IssueIntent; entities: Entities } | { done: true; outcome?: GuideOutcome['outcome'] };

interface IssueValues {
  topic: IssueIntent;
  target: Target;
  mode?: 'live' | 'guided';
}

const KNOWN_ERRORS = /attributevaluemustbeunique|invalidsoftmatch|invalidhardmatch|objecttypemismatch|identitydatavalidationfailed|datavalidationfailed|largeobject|exceededallowedlength|federateddomainchangeerror|admin role conflict|error type 114|\b114\b|quarantined/i;

/** Words that name a family in "actually it's provisioning", in every language (lexicon `familyWords`). */
const FAMILY_WORDS = Object.fromEntries(FAMILY_NAMES.map((f) => [f, wordsPattern(fromAllLanguages((l) => l.familyWords[f]))])) as Record<Family, RegExp>;
/** Which family a switch names when words of several appear ("sync the app"): provisioning, the narrower, first. */
const FAMILY_PRECEDENCE: Family[] = ['provisioning', ...FAMILY_NAMES.filter((f) => f !== 'provisioning')];

function targetFromEntities(topic: IssueIntent, e: Entities | undefined): Target {
  if (!e) return {};
  const target: Target = {};
  for (const kind of FAMILIES[familyOf(topic)].takes) {
    const typed = e[kind];
    if (typed) target[kind] = typed;
  }
  if (e.names?.length) target.names = [...e.names];
  else if (e.tenantWide && tenantWideFits(topic, e.tenantWide)) target.tenantWide = e.tenantWide;
  return target;
}

/** Names in the target that are not the typed group/app/user: the check finds out what they are. */
function otherNames(target: Target): string[] {
  const typed = new Set([target.group, target.app, target.user].filter((x): x is string => Boolean(x)).map((x) => x.toLowerCase()));
  return (target.names ?? []).filter((n) => !typed.has(n.toLowerCase()));
}

export class IssueDialog extends CancelAndHelpDialog {
  protected readonly spec: TopicSpec;

  constructor(readonly topic: IssueIntent, deps: DialogDeps, langs?: LangStore) {
    super(topic, deps, langs);
    this.spec = topicSpec(topic);
    this.addDialog(new CardPrompt(this.langs));
    this.addDialog(new GuideWalkDialog(this.langs, Boolean(deps.liveCheck)));
    if (deps.liveCheck) this.addDialog(deps.liveCheck);
    this.addDialog(
      new WaterfallDialog<IssueOptions>(`${topic}.flow`, [
        this.intro.bind(this),
        this.chooseMode.bind(this),
        this.askTarget.bind(this),
        this.askUser.bind(this),
        this.run.bind(this),
        this.afterLive.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${topic}.flow`;
  }

  private values(step: WaterfallStepContext): IssueValues {
    return step.values as unknown as IssueValues;
  }

  private async intro(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const opts = step.options ?? {};
    const v = this.values(step);
    v.topic = this.topic;
    v.target = { ...targetFromEntities(this.topic, opts.entities), ...(opts.target ?? {}) };
    if (opts.mode) return step.next({ verb: 'issue.mode', data: { mode: opts.mode } } satisfies Answer);
    const view: View = { kind: 'intro', topic: this.topic, live: Boolean(this.deps.liveCheck) };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  private async chooseMode(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const v = this.values(step);
    const answer = step.result as Answer;
    let mode: 'live' | 'guided' = answer.data.mode === 'live' ? 'live' : 'guided';
    if (mode === 'live' && !this.deps.liveCheck) {
      await sendText(step.context, t(await this.langs.get(step.context), 'dialogs.noLiveCheck'));
      mode = 'guided';
    }
    v.mode = mode;
    return step.next();
  }

  private async askTarget(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const v = this.values(step);
    const need = this.spec.target;
    if (v.mode !== 'live' || !need || v.target.tenantWide) return step.next();
    const have = need.kind === 'app' ? v.target.app : need.kind === 'group' ? v.target.group : v.target.group ?? v.target.errorText;
    // Names the admin wrote are resolved at the check; it asks only when none of them is a group/app.
    if (have || otherNames(v.target).length > 0) return step.next();
    const view: View = { kind: 'target', topic: this.topic, target: need.kind, optional: need.optional };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  /** Stores the typed target; re-asks when a required one came back empty. */
  private async storeTarget(step: WaterfallStepContext, kind: TargetKind): Promise<boolean> {
    const answer = step.result as Answer | undefined;
    if (!answer || answer.verb === 'target.skip') return true;
    const raw = typeof answer.data.target === 'string' ? answer.data.target.trim() : '';
    if (!raw) return false;
    const v = this.values(step);
    if (kind === 'groupOrError') {
      if (KNOWN_ERRORS.test(raw) || raw.length > 80 || raw.includes('\n')) v.target.errorText = raw;
      else v.target.group = raw;
    } else v.target = targetFromAnswer(v.target, kind, raw);
    return true;
  }

  private async askUser(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const v = this.values(step);
    const need = this.spec.target;
    if (v.mode === 'live' && need && step.result) {
      const ok = await this.storeTarget(step, need.kind);
      if (!ok) {
        await sendText(step.context, t(await this.langs.get(step.context), 'dialogs.targetEmpty'));
        // Ask again: re-run this dialog's target question from the top of the flow.
        return step.replaceDialog(`${this.topic}.flow`, { target: v.target, mode: 'live' } satisfies IssueOptions);
      }
    }
    if (v.mode !== 'live' || !this.spec.askUser || v.target.user || v.target.tenantWide || otherNames(v.target).length > 0) return step.next();
    const view: View = { kind: 'target', topic: this.topic, target: 'user', optional: true };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  private async run(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const v = this.values(step);
    if (v.mode === 'live' && this.spec.askUser && step.result) await this.storeTarget(step, 'user');
    if (v.mode === 'live') {
      const options: LiveCheckOptions = { topic: this.topic, target: v.target, lang: await this.langs.get(step.context) };
      return step.beginDialog(LIVE_CHECK_DIALOG, options);
    }
    return step.next({ fallback: 'guided' } satisfies LiveCheckResult);
  }

  private async afterLive(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const result = step.result as LiveCheckResult;
    if (result && 'fallback' in result && result.fallback === 'guided') {
      if (this.values(step).mode === 'live') await sendText(step.context, t(await this.langs.get(step.context), 'dialogs.liveFallback'));
      return step.beginDialog(GUIDE_WALK, { topic: this.topic, index: 0 } satisfies GuideWalkOptions);
    }
    return step.endDialog({ done: true } satisfies IssueResult);
  }

  private async finish(step: WaterfallStepContext<IssueOptions>): Promise<DialogTurnResult> {
    const outcome = step.result as GuideOutcome | undefined;
    return step.endDialog({ done: true, outcome: outcome?.outcome } satisfies IssueResult);
  }

  protected override currentTopic(): IssueIntent {
    return this.topic;
  }

  protected override async switchTopic(innerDc: DialogContext, topic: IssueIntent, entities: Entities): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { switchTo: topic, entities } satisfies IssueResult };
  }

  /** The view the admin is looking at, when a card prompt is waiting. */
  private waitingView(innerDc: DialogContext): View | undefined {
    const active = innerDc.activeDialog;
    if (active?.id !== CARD_PROMPT) return undefined;
    return active.state.view as View;
  }

  protected override async detectSwitch(innerDc: DialogContext, normalized: string): Promise<DialogTurnResult | undefined> {
    const view = this.waitingView(innerDc);
    const explicit = explicitSwitch(normalized);
    if (explicit === undefined) {
      // Only a button/text choice step may be switched by a confident new issue; never a free-text target
      // question, and never inside the live check (sign-in may be waiting for a code).
      if (!view || wantsFreeText(view) || matchTypedChoice(view, normalized)) return undefined;
      const r = await this.recognize(innerDc.context, innerDc.context.activity.text ?? normalized);
      if (!r.uncertain && isIssueIntent(r.intent) && r.intent !== this.topic) return this.announceSwitch(innerDc, r.intent, r.entities);
      return undefined;
    }
    const r = await this.recognize(innerDc.context, explicit);
    if (!r.uncertain && isIssueIntent(r.intent) && r.intent !== this.topic) return this.announceSwitch(innerDc, r.intent, r.entities);
    // "actually it's provisioning": a family, not an issue → ask which one.
    const family = FAMILY_PRECEDENCE.find((f) => FAMILY_WORDS[f].test(explicit));
    const ranked = r.ranked.map((x) => x.intent).filter(isIssueIntent).filter((i) => i !== this.topic && (!family || familyOf(i) === family));
    const pool = ranked.length ? ranked : ISSUE_INTENTS.filter((i) => i !== this.topic && (!family || familyOf(i) === family));
    const choices = pool.slice(0, 4);
    await sendCard(innerDc.context, chooseIntentCard(await this.langs.get(innerDc.context), choices));
    return Dialog.EndOfTurn;
  }

  private async announceSwitch(innerDc: DialogContext, topic: IssueIntent, entities: Entities): Promise<DialogTurnResult> {
    return this.switchTopic(innerDc, topic, entities);
  }
}

/** One issue dialog per catalogue entry. */
export function issueDialogsFor(deps: DialogDeps, langs?: LangStore): IssueDialog[] {
  return ISSUE_INTENTS.map((topic) => new IssueDialog(topic, deps, langs));
}
