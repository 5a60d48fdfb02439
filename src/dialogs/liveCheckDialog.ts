/**
 * The live check (DESIGN.md): sign in (delegated; a persona in sample-tenant mode) → one Graph snapshot →
 * pure diagnosis → verdict card. Also carries out a suggested write action (after a confirmation card and the
 * separate write consent) and shares a verdict into a team channel.
 *
 * The access token is used within one step and dropped: it is never put into dialog state, cards or logs.
 * "Check again" (Action.Execute verdict.refresh) answers the invoke with the new card, so Teams replaces the
 * clicked card in place, and also updates the message for everyone else in the conversation.
 */
import { ActivityTypes, MessageFactory, type TurnContext, type UserState } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { SIGNIN_DIALOG_ID, SIGNIN_VERBS, isSignInSuccess, type GraphSignIn } from '../auth';
import { readCardAction } from '../cards/actions';
import { button } from '../cards/buttons';
import { messageCard } from '../cards/cards';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import { renderVerdictCard } from '../cards/verdict';
import type { Clock } from '../clock';
import { provisionOnDemand, restartJob, type GraphApi } from '../graph';
import { t } from '../i18n';
import { log } from '../log';
import { runCheck, SignInExpiredError, type CandidateOption, type CheckOutcome } from './checks';
import { CARD_PROMPT, CardPrompt, type CardPromptOptions } from './cardPrompt';
import { setInvokeCard } from './invokeResponse';
import { LangStore } from './lang';
import { LIVE_CHECK_DIALOG, type ChannelDirectory, type LiveAction, type LiveCheckOptions, type LiveCheckResult } from './liveCheckTypes';
import { sendCard, sendText } from './send';
import type { Answer, View } from './views';

export interface LiveCheckDeps {
  /** The sign-in dialog (id SIGNIN_DIALOG_ID) and what it can do. */
  signIn: Dialog & GraphSignIn;
  /** A Graph client for a token (GRAPH_BASE_URL, timeouts, retries are the factory's business). */
  graphFor: (token: string) => GraphApi;
  clock: Clock;
  /** Where the admin's language preference is kept (for cards re-rendered while waiting). */
  userState?: UserState;
  /** Team channels to share a verdict into; without it, sharing explains how to post it instead. */
  channels?: ChannelDirectory;
}

/** Card verbs this dialog (and the sign-in dialog inside it) answers; see src/cards/verbs.ts. */
export const LIVE_CHECK_VERBS: string[] = ['candidate.choose', 'action.confirm', 'action.cancel', 'share.channel', ...SIGNIN_VERBS];

const CHECK_FLOW = 'liveCheck.check';
const ACTION_FLOW = 'liveCheck.action';
const SHARE_FLOW = 'liveCheck.share';
type Values = { options: LiveCheckOptions; candidates?: CandidateOption[] };
type ShareValues = Values & { channelId?: string };

export class LiveCheckDialog extends ComponentDialog {
  constructor(private readonly deps: LiveCheckDeps) {
    super(LIVE_CHECK_DIALOG);
    this.addDialog(deps.signIn);
    this.addDialog(new CardPrompt(new LangStore(deps.userState)));
    this.addDialog(new WaterfallDialog(CHECK_FLOW, [this.signInRead.bind(this), this.check.bind(this), this.afterChoice.bind(this)]));
    this.addDialog(new WaterfallDialog(ACTION_FLOW, [this.confirm.bind(this), this.signInWrite.bind(this), this.perform.bind(this)]));
    this.addDialog(new WaterfallDialog(SHARE_FLOW, [this.pickChannel.bind(this), this.signInToShare.bind(this), this.share.bind(this)]));
    this.initialDialogId = CHECK_FLOW;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: LiveCheckOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('LiveCheckDialog needs LiveCheckOptions');
    const flow = options.purpose === 'action' ? ACTION_FLOW : options.purpose === 'share' ? SHARE_FLOW : CHECK_FLOW;
    return inner.beginDialog(flow, options);
  }

  private values(step: WaterfallStepContext): Values {
    const v = step.values as Partial<Values>;
    if (!v.options) v.options = step.options as LiveCheckOptions;
    return v as Values;
  }

  // ---------------------------------------------------------------- check

  private async signInRead(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step);
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'read' });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    const { lang } = v.options;
    if (!isSignInSuccess(step.result)) return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
    const outcome = await this.run(step.context, step.result.token, v.options);
    if (!outcome) return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
    switch (outcome.kind) {
      case 'needsTarget':
        await sendText(step.context, t(lang, `live.needsTarget.${outcome.family}`));
        return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
      case 'choose': {
        v.candidates = outcome.candidates;
        const view: View = { kind: 'candidate', topic: v.options.topic, family: outcome.family, query: outcome.query, candidates: outcome.candidates };
        return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
      }
      case 'verdict':
        await this.present(step.context, v.options, outcome);
        return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
  }

  private async afterChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    const answer = step.result as Answer | undefined;
    const chosen = typeof answer?.data.candidate === 'string' ? answer.data.candidate : undefined;
    // Only an id we offered: a forged or stale id never reaches Graph.
    if (!chosen || !v.candidates?.some((c) => c.id === chosen)) {
      await sendText(step.context, t(v.options.lang, 'live.choiceMissing'));
      return step.endDialog({ fallback: 'guided' } satisfies LiveCheckResult);
    }
    return step.replaceDialog(CHECK_FLOW, { ...v.options, subjectId: chosen } satisfies LiveCheckOptions);
  }

  /** Runs one check; undefined (after telling the admin) when it could not run at all. */
  private async run(context: TurnContext, token: string, options: LiveCheckOptions): Promise<CheckOutcome | undefined> {
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity({ type: ActivityTypes.Typing });
    try {
      return await runCheck(this.deps.graphFor(token), { topic: options.topic, target: options.target, subjectId: options.subjectId }, this.deps.clock);
    } catch (err) {
      if (err instanceof SignInExpiredError) {
        // Sign out of the connection so the next check asks for a fresh sign-in (issue #11: 401 → sign in again).
        await this.deps.signIn.signOut(context, { quiet: true });
        await sendText(context, t(options.lang, 'live.signInExpired'));
        return undefined;
      }
      log.warn('live check failed', { topic: options.topic, error: err instanceof Error ? err.message : String(err) });
      await sendText(context, t(options.lang, 'live.failed'));
      return undefined;
    }
  }

  private verdictCard(options: LiveCheckOptions, outcome: Extract<CheckOutcome, { kind: 'verdict' }>): AdaptiveCard {
    const { lang } = options;
    const actions = outcome.subjectId && this.deps.signIn.canWrite
      ? outcome.actions.map(({ action }) => ({
          label: t(lang, `live.action.${action.kind}.button`),
          verb: 'action.request' as const,
          data: { topic: options.topic, target: options.target, subjectId: outcome.subjectId, action },
        }))
      : [];
    return renderVerdictCard(outcome.diagnosis, lang, {
      target: { ...options.target },
      refreshable: Boolean(outcome.subjectId) || outcome.diagnosis.subject.kind === 'tenant',
      actions: dedupeButtons(actions),
    });
  }

  /** A new message, or — for "Check again" — the clicked card replaced in place. */
  private async present(context: TurnContext, options: LiveCheckOptions, outcome: Extract<CheckOutcome, { kind: 'verdict' }>): Promise<void> {
    const card = this.verdictCard(options, outcome);
    const clicked = readCardAction(context.activity);
    if (clicked?.verb === 'verdict.refresh' && clicked.via === 'execute') {
      setInvokeCard(context, card);
      if (context.activity.replyToId) {
        try {
          await context.updateActivity({ ...MessageFactory.attachment(cardAttachment(card)), id: context.activity.replyToId });
        } catch (err) {
          // The clicker already sees the new card (invoke response); others keep the old one.
          log.info('could not update the verdict message for everyone', { error: err instanceof Error ? err.message : String(err) });
        }
      }
      return;
    }
    await sendCard(context, card);
  }

  // ---------------------------------------------------------------- write actions

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = this.values(step);
    const { lang, action } = options;
    if (!action || !options.subjectId) {
      await sendText(step.context, t(lang, 'dialogs.stale'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    if (!this.deps.signIn.canWrite) {
      await sendText(step.context, t(lang, 'live.action.unavailable'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const view: View = { kind: 'confirm', topic: options.topic, action: action.kind, app: options.target.app ?? '', user: options.target.user ?? '' };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  private async signInWrite(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = this.values(step);
    const answer = step.result as Answer | undefined;
    if (answer?.verb !== 'action.confirm') {
      await sendText(step.context, t(options.lang, 'live.action.cancelled'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'write' });
  }

  private async perform(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = this.values(step);
    const { lang } = options;
    const action = options.action as LiveAction;
    const spId = options.subjectId as string;
    if (!isSignInSuccess(step.result)) {
      await sendText(step.context, t(lang, 'live.action.noConsent'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const api = this.deps.graphFor(step.result.token);
    const result =
      action.kind === 'provisionOnDemand'
        ? await provisionOnDemand(api, spId, action.jobId, action.ruleId, action.userId)
        : await restartJob(api, spId, action.jobId);
    const again = button(t(lang, 'live.checkAgain'), 'verdict.refresh', { topic: options.topic, target: options.target, subjectId: spId });
    if (result.ok) {
      const outcome = result.value && 'details' in result.value ? onDemandOutcome(result.value.details) : undefined;
      await sendCard(
        step.context,
        messageCard({
          title: t(lang, `live.action.${action.kind}.title`),
          text: outcome
            ? t(lang, 'live.action.provisionOnDemand.result', { status: outcome.status, detail: outcome.detail })
            : t(lang, `live.action.${action.kind}.done`),
          buttons: [again],
        }),
      );
    } else {
      const key = result.status === 401 || result.status === 403 ? 'live.action.denied' : 'live.action.failed';
      await sendCard(step.context, messageCard({ title: t(lang, `live.action.${action.kind}.title`), text: t(lang, key, { status: result.status, code: result.code }), buttons: [again] }));
    }
    return step.endDialog({ done: true } satisfies LiveCheckResult);
  }

  // ---------------------------------------------------------------- share to a channel

  private async pickChannel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = this.values(step);
    const { lang } = options;
    if (step.context.activity.conversation?.conversationType === 'channel') {
      await sendText(step.context, t(lang, 'live.share.alreadyInChannel'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const channels = (await this.deps.channels?.channels(step.context)) ?? [];
    if (channels.length === 0) {
      await sendText(step.context, t(lang, 'live.share.noChannels'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const view: View = { kind: 'share', topic: options.topic, channels };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  private async signInToShare(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step) as ShareValues;
    const answer = step.result as Answer | undefined;
    v.channelId = typeof answer?.data.channel === 'string' ? answer.data.channel : undefined;
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'read' });
  }

  private async share(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step) as ShareValues;
    const { lang } = v.options;
    if (!isSignInSuccess(step.result)) return step.endDialog({ done: true } satisfies LiveCheckResult);
    const chosen = (await this.deps.channels?.channels(step.context))?.find((c) => c.id === v.channelId);
    if (!chosen || !this.deps.channels) {
      await sendText(step.context, t(lang, 'live.choiceMissing'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    // The verdict is computed again now, with this admin's own access, so the channel sees current facts.
    const outcome = await this.run(step.context, step.result.token, v.options);
    if (!outcome || outcome.kind !== 'verdict') return step.endDialog({ done: true } satisfies LiveCheckResult);
    const who = step.context.activity.from?.name ?? '';
    const posted = await this.deps.channels.post(step.context, chosen.id, {
      ...MessageFactory.attachment(cardAttachment(this.verdictCard(v.options, outcome))),
      text: who ? t(lang, 'live.share.sharedBy', { name: who }) : undefined,
    });
    await sendText(step.context, t(lang, posted ? 'live.share.done' : 'live.share.failed', { channel: chosen.name }));
    return step.endDialog({ done: true } satisfies LiveCheckResult);
  }
}

/** Provision-on-demand answers a JSON trace; pull out the overall status and the first step that didn't succeed. */
function onDemandOutcome(details: unknown): { status: string; detail: string } | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const d = details as { result?: string; details?: { status?: string; provisioningSteps?: { name?: string; status?: string; description?: string }[] } };
  const inner = d.details ?? (details as { provisioningSteps?: { name?: string; status?: string; description?: string }[]; status?: string });
  const steps = inner.provisioningSteps ?? [];
  const notOk = steps.find((s) => s.status && s.status.toLowerCase() !== 'success');
  return {
    status: String(d.result ?? inner.status ?? (notOk ? notOk.status : 'success')),
    detail: notOk ? `${notOk.name ?? ''}: ${notOk.description ?? ''}`.trim() : steps.map((s) => s.name).filter(Boolean).join(' → '),
  };
}

function dedupeButtons<T extends { label: string }>(buttons: T[]): T[] {
  const seen = new Set<string>();
  return buttons.filter((b) => (seen.has(b.label) ? false : (seen.add(b.label), true)));
}


