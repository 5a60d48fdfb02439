/**
 * The live check: sign in (delegated; a persona in sample-tenant mode) → one Graph snapshot → pure diagnosis →
 * verdict card, or first "which one?" when a name matches several objects or none.
 *
 * Its id is LIVE_CHECK_DIALOG: the issue dialogs begin it with LiveCheckOptions, and so does the root dialog for
 * "Check again" and a watch's "Check now". "Check again" (Action.Execute verdict.refresh) answers the invoke with
 * the new card, so Teams replaces the clicked card in place, and also updates the message for everyone else.
 */
import type { ObjectKind } from '../topics';
import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { SIGNIN_DIALOG_ID, isSignInSuccess } from '../auth';
import { readCardAction } from '../cards/actions';
import { replaceClickedCard } from '../cards/clickedCard';
import { clientTimeZone } from '../cards/format';
import { t } from '../i18n';
import type { CandidateOption } from './checks';
import { CARD_PROMPT, type CardPromptOptions } from './cardPrompt';
import type { LangStore } from './lang';
import { LIVE_CHECK_DIALOG, type LiveCheckOptions, type LiveCheckResult } from './liveCheckTypes';
import { LiveDialog, type LiveCheckDeps, type Verdict } from './liveDialog';
import { sendCard, sendText } from './send';
import { targetFromAnswer } from './targets';
import type { Answer, View } from './views';

const CHECK_FLOW = 'liveCheck.check';

type CheckValues = {
  options: LiveCheckOptions;
  candidates?: CandidateOption[];
  candidateFamily?: ObjectKind;
  /** Set while "Which group/app?" is asked because none of the names the admin wrote is one in the tenant. */
  asking?: ObjectKind;
};

export class CheckDialog extends LiveDialog {
  constructor(deps: LiveCheckDeps, langs?: LangStore) {
    super(LIVE_CHECK_DIALOG, deps, langs);
    this.flow(CHECK_FLOW, [this.signInRead, this.check, this.afterChoice]);
  }

  private async signInRead(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values<CheckValues>(step);
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'read' });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<CheckValues>(step);
    const { lang } = v.options;
    if (!isSignInSuccess(step.result)) return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
    const outcome = await this.run(step.context, step.result.token, v.options);
    if (!outcome) return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
    switch (outcome.kind) {
      case 'needsTarget':
        await sendText(step.context, t(lang, `live.needsTarget.${outcome.family}`));
        if (v.options.target.names?.length) {
          // The names were looked up and none is a group/app: ask now, once (the admin is signed in already).
          v.asking = outcome.family;
          const view: View = { kind: 'target', topic: v.options.topic, target: outcome.family, optional: false };
          return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
        }
        return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
      case 'choose': {
        v.candidates = outcome.candidates;
        v.candidateFamily = outcome.family;
        const view: View = { kind: 'candidate', topic: v.options.topic, family: outcome.family, query: outcome.query, candidates: outcome.candidates, ...(outcome.near ? { near: true } : {}) };
        return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
      }
      case 'verdict':
        await this.present(step.context, v.options, outcome);
        return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
  }

  private async afterChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<CheckValues>(step);
    const answer = step.result as Answer | undefined;
    if (v.asking) {
      const raw = typeof answer?.data.target === 'string' ? answer.data.target.trim() : '';
      if (!raw) return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
      // The answer always names a group/app (the whole text if nothing else), so this is asked at most once.
      return step.replaceDialog(CHECK_FLOW, { ...v.options, target: targetFromAnswer(v.options.target, v.asking, raw) } satisfies LiveCheckOptions);
    }
    const chosen = typeof answer?.data.candidate === 'string' ? answer.data.candidate : undefined;
    // Only an id we offered: a forged or stale id never reaches Graph.
    if (!chosen || !v.candidates?.some((c) => c.id === chosen)) {
      await sendText(step.context, t(v.options.lang, 'live.choiceMissing'));
      return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
    }
    if (v.candidateFamily === 'user') {
      // The user picked: look the app up again with that user's object id.
      return step.replaceDialog(CHECK_FLOW, { ...v.options, target: { ...v.options.target, user: chosen } } satisfies LiveCheckOptions);
    }
    return step.replaceDialog(CHECK_FLOW, { ...v.options, subjectId: chosen } satisfies LiveCheckOptions);
  }

  /** A new message, or — for "Check again" — the clicked card replaced in place. */
  private async present(context: TurnContext, options: LiveCheckOptions, outcome: Verdict): Promise<void> {
    // Times in the clicking/asking admin's time zone; a copy shared to a channel has many readers, so it says UTC.
    const card = await this.verdictCard(options, outcome, context.activity.conversation?.id, clientTimeZone(context.activity));
    const clicked = readCardAction(context.activity);
    if (clicked?.verb === 'verdict.refresh' && clicked.via === 'execute') {
      await replaceClickedCard(context, card);
      return;
    }
    await sendCard(context, card);
  }
}
