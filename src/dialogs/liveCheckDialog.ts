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
  DialogTurnStatus,
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
import { clientTimeZone } from '../cards/format';
import type { Clock } from '../clock';
import { provisionOnDemand, restartJob, type GraphApi } from '../graph';
import { t } from '../i18n';
import { log } from '../log';
import { runCheck, SignInExpiredError, type CandidateOption, type CheckOutcome } from './checks';
import { CARD_PROMPT, CardPrompt, type CardPromptOptions } from './cardPrompt';
import { replaceClickedCard } from './invokeResponse';
import { LangStore } from './lang';
import { LIVE_CHECK_DIALOG, type ChannelDirectory, type LiveCheckOptions, type LiveCheckResult } from './liveCheckTypes';
import { answerClosedRequest, clickerOf, closeClickedCard, closedText, summaryOf } from './actionReplies';
import type { PendingActions } from './pendingActions';
import { DEFAULT_BUDGETS, TIMED_OUT, within, type Budgets } from '../deadline';
import { sendCard, sendText } from './send';
import { targetFromAnswer } from './targets';
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
  /** Offers and pending write actions (ids on the buttons, everything else stored). */
  actions: PendingActions;
  /** Time budget of one check (default DEFAULT_BUDGETS). */
  budgets?: Budgets;
}

/** Card verbs this dialog (and the sign-in dialog inside it) answers; see src/cards/verbs.ts. */
export const LIVE_CHECK_VERBS: string[] = ['candidate.choose', 'action.confirm', 'action.cancel', 'share.channel', ...SIGNIN_VERBS];

const CHECK_FLOW = 'liveCheck.check';
const ACTION_FLOW = 'liveCheck.action';
const SHARE_FLOW = 'liveCheck.share';
type Values = {
  options: LiveCheckOptions;
  candidates?: CandidateOption[];
  candidateFamily?: 'group' | 'app' | 'user';
  /** Set while "Which group/app?" is asked because none of the names the admin wrote is one in the tenant. */
  asking?: 'group' | 'app';
};
type ShareValues = Values & { channelId?: string };
/** The write flow keeps only the pending action's id; what it writes is read from the store. */
type ActionValues = Values & { pending?: string };

export class LiveCheckDialog extends ComponentDialog {
  private readonly langs: LangStore;

  constructor(private readonly deps: LiveCheckDeps) {
    super(LIVE_CHECK_DIALOG);
    this.addDialog(deps.signIn);
    this.langs = new LangStore(deps.userState);
    this.addDialog(new CardPrompt(this.langs));
    this.addDialog(new WaterfallDialog(CHECK_FLOW, [this.signInRead.bind(this), this.check.bind(this), this.afterChoice.bind(this)]));
    this.addDialog(new WaterfallDialog(ACTION_FLOW, [this.request.bind(this), this.signInWrite.bind(this), this.perform.bind(this)]));
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

  /** Runs one check within its budget; undefined (after telling the admin) when it could not run or finish. */
  private async run(context: TurnContext, token: string, options: LiveCheckOptions): Promise<CheckOutcome | undefined> {
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity({ type: ActivityTypes.Typing });
    const budgetMs = this.deps.budgets?.checkMs ?? DEFAULT_BUDGETS.checkMs;
    try {
      const check = runCheck(this.deps.graphFor(token), { topic: options.topic, target: options.target, subjectId: options.subjectId }, this.deps.clock);
      const outcome = await within(check, budgetMs);
      if (outcome !== TIMED_OUT) return outcome;
      check.catch(() => undefined); // finishes (or fails) unobserved; its result is no longer wanted
      log.warn('live check over budget', { topic: options.topic, budgetMs });
      await this.tellTimedOut(context, options, budgetMs);
      return undefined;
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

  /** A clear "took too long", with Check again; it replaces the verdict being refreshed. */
  private async tellTimedOut(context: TurnContext, options: LiveCheckOptions, budgetMs: number): Promise<void> {
    const { lang } = options;
    const again = options.subjectId ? [button(t(lang, 'live.checkAgain'), 'verdict.refresh', { topic: options.topic, target: options.target, subjectId: options.subjectId })] : [];
    const card = messageCard({ title: t(lang, 'live.timeout.title'), text: t(lang, 'live.timeout', { seconds: Math.round(budgetMs / 1000) }), buttons: again });
    const clicked = readCardAction(context.activity);
    if (clicked?.verb === 'verdict.refresh' && clicked.via === 'execute') await replaceClickedCard(context, card);
    else await sendCard(context, card);
  }

  /**
   * The verdict card. Write actions appear only where this conversation can act on them (`offersIn`): each button
   * carries the id of an offer stored now, from the diagnosis, never the action itself. Shared copies have none.
   */
  private async verdictCard(options: LiveCheckOptions, outcome: Extract<CheckOutcome, { kind: 'verdict' }>, offersIn?: string, timeZone?: string): Promise<AdaptiveCard> {
    const { lang } = options;
    const spId = outcome.subjectId;
    const offered = spId && offersIn && this.deps.signIn.canWrite ? dedupeActions(outcome.actions) : [];
    const actions = await Promise.all(
      offered.map(async ({ findingId, action }) => {
        const finding = outcome.diagnosis.findings.find((f) => f.id === findingId);
        const user = action.kind === 'provisionOnDemand' ? String(finding?.title.params?.user ?? action.userId) : undefined;
        const subject = { topic: options.topic, target: options.target, servicePrincipalId: spId as string, app: outcome.diagnosis.subject.displayName, user, action };
        const offer = await this.deps.actions.offer(subject, offersIn as string);
        return { label: t(lang, `live.action.${action.kind}.button`), verb: 'action.request' as const, data: { topic: options.topic, offer } };
      }),
    );
    // "Not what I asked?": the other topics, same target (RootDialog answers verdict.retopic). Not on shared copies.
    const retopic = offersIn ? [{ label: t(lang, 'dialogs.retopic.button'), verb: 'verdict.retopic' as const }] : [];
    return renderVerdictCard(outcome.diagnosis, lang, {
      target: { ...options.target },
      refreshable: Boolean(outcome.subjectId) || outcome.diagnosis.subject.kind === 'tenant',
      actions: [...actions, ...retopic],
      timeZone,
    });
  }

  /** A new message, or — for "Check again" — the clicked card replaced in place. */
  private async present(context: TurnContext, options: LiveCheckOptions, outcome: Extract<CheckOutcome, { kind: 'verdict' }>): Promise<void> {
    // Times in the clicking/asking admin's time zone; a copy shared to a channel has many readers, so it says UTC.
    const card = await this.verdictCard(options, outcome, context.activity.conversation?.id, clientTimeZone(context.activity));
    const clicked = readCardAction(context.activity);
    if (clicked?.verb === 'verdict.refresh' && clicked.via === 'execute') {
      await replaceClickedCard(context, card);
      return;
    }
    await sendCard(context, card);
  }

  // ---------------------------------------------------------------- write actions

  /** The action button was clicked: a pending action of this admin's, bound to the stored offer, then confirm. */
  private async request(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step) as ActionValues;
    const { lang } = v.options;
    if (!this.deps.signIn.canWrite) {
      await sendText(step.context, t(lang, 'live.action.unavailable'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const requested = v.options.offer ? await this.deps.actions.request(v.options.offer, clickerOf(step.context)) : undefined;
    if (!requested?.ok) {
      await sendText(step.context, t(lang, 'live.action.offerExpired'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const a = requested.action;
    v.pending = a.id;
    const view: View = { kind: 'confirm', topic: a.topic, pending: a.id, action: a.action, servicePrincipalId: a.servicePrincipalId, app: a.app, user: a.user ?? '' };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  /** The answer on this request's own confirmation card (CardPrompt lets no other request's buttons through). */
  private async signInWrite(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step) as ActionValues;
    const { lang } = v.options;
    const answer = step.result as Answer | undefined;
    const who = clickerOf(step.context);
    const moved = answer?.verb === 'action.confirm' ? await this.deps.actions.confirm(v.pending, who) : await this.deps.actions.cancel(v.pending, who);
    // Confirmed a moment ago by the same admin (a double click, or the same click on another instance): go on the
    // same way, so whichever turn saves its state first, the conversation waits for the write consent.
    const alreadyConfirmed = !moved.ok && moved.reason === 'confirmed' && answer?.verb === 'action.confirm' ? moved.action : undefined;
    if (!alreadyConfirmed && (!moved.ok || moved.action.status === 'cancelled')) {
      const text = moved.ok ? t(lang, 'live.action.cancelled') : closedText(lang, moved.reason, moved.action);
      await closeClickedCard(step.context, t(lang, 'live.action.closed.title'), text);
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const a = alreadyConfirmed ?? (moved as Extract<typeof moved, { ok: true }>).action;
    await closeClickedCard(step.context, t(lang, `live.action.${a.action.kind}.title`), t(lang, 'live.action.confirmed', { what: summaryOf(lang, a) }));
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'write' });
  }

  private async perform(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step) as ActionValues;
    const { lang } = v.options;
    const who = clickerOf(step.context);
    if (!isSignInSuccess(step.result)) {
      await this.deps.actions.cancel(v.pending, who);
      await sendText(step.context, t(lang, 'live.action.noConsent'));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    // confirmed → running happens once: a second click, a second instance or a late consent finds it taken.
    const started = await this.deps.actions.start(v.pending, who);
    if (!started.ok) {
      await sendText(step.context, closedText(lang, started.reason, started.action));
      return step.endDialog({ done: true } satisfies LiveCheckResult);
    }
    const a = started.action;
    const api = this.deps.graphFor(step.result.token);
    const result =
      a.action.kind === 'provisionOnDemand'
        ? await provisionOnDemand(api, a.servicePrincipalId, a.action.jobId, a.action.ruleId, a.action.userId)
        : await restartJob(api, a.servicePrincipalId, a.action.jobId);
    await this.deps.actions.finish(a.id, who, result.ok);
    const kind = a.action.kind;
    const again = button(t(lang, 'live.checkAgain'), 'verdict.refresh', { topic: a.topic, target: a.target, subjectId: a.servicePrincipalId });
    if (result.ok) {
      const outcome = result.value && 'details' in result.value ? onDemandOutcome(result.value.details) : undefined;
      await sendCard(
        step.context,
        messageCard({
          title: t(lang, `live.action.${kind}.title`),
          text: outcome ? t(lang, 'live.action.provisionOnDemand.result', { status: outcome.status, detail: outcome.detail }) : t(lang, `live.action.${kind}.done`),
          buttons: [again],
        }),
      );
    } else {
      // 401: the token expired or was revoked — sign out so the next try asks again; 403: the account lacks the right.
      if (result.status === 401) await this.deps.signIn.signOut(step.context, { quiet: true });
      const text =
        result.status === 401
          ? t(lang, 'live.action.signInExpired')
          : t(lang, result.status === 403 ? 'live.action.denied' : 'live.action.failed', { status: result.status, code: result.code });
      await sendCard(step.context, messageCard({ title: t(lang, `live.action.${kind}.title`), text, buttons: [again] }));
    }
    return step.endDialog({ done: true } satisfies LiveCheckResult);
  }

  /**
   * Confirm/cancel clicks while a write request is open. Only this request's own buttons act: while its
   * confirmation card waits, the CardPrompt takes them; while the write consent is asked, a second Confirm is
   * answered "already confirmed" (not read as declining) and Cancel withdraws it. Any other request's buttons
   * change nothing and say where that request stands.
   */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const clicked = readCardAction(inner.context.activity);
    if (clicked?.verb !== 'action.confirm' && clicked?.verb !== 'action.cancel') return super.onContinueDialog(inner);
    const flow = inner.stack.find((d) => d.id === ACTION_FLOW);
    const current = (flow?.state as { values?: Partial<ActionValues> } | undefined)?.values?.pending;
    const lang = await this.langs.get(inner.context);
    if (current && clicked.data.pending === current) {
      if (inner.activeDialog?.id === CARD_PROMPT) return super.onContinueDialog(inner);
      if (clicked.verb === 'action.confirm') {
        const a = await this.deps.actions.get(current);
        await sendText(inner.context, closedText(lang, 'confirmed', a));
        return Dialog.EndOfTurn;
      }
      await this.deps.actions.cancel(current, clickerOf(inner.context));
      await closeClickedCard(inner.context, t(lang, 'live.action.closed.title'), t(lang, 'live.action.cancelled'));
      await inner.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: { done: true } satisfies LiveCheckResult };
    }
    await answerClosedRequest(inner.context, lang, this.deps.actions, clicked.data.pending);
    if (current) {
      const a = await this.deps.actions.get(current);
      if (a) await sendText(inner.context, t(lang, 'live.action.stillWaiting', { what: summaryOf(lang, a) }));
    }
    return Dialog.EndOfTurn;
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
      ...MessageFactory.attachment(cardAttachment(await this.verdictCard(v.options, outcome))),
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

/** One button per kind of write (several findings may suggest the same restart). */
function dedupeActions<T extends { action: { kind: string } }>(actions: T[]): T[] {
  const seen = new Set<string>();
  return actions.filter(({ action }) => (seen.has(action.kind) ? false : (seen.add(action.kind), true)));
}
