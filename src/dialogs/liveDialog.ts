/**
 * What the three live dialogs share (docs/architecture.md, "How a live check flows"): the check (`checkDialog.ts`),
 * the write action (`writeActionDialog.ts`) and sharing a verdict to a channel (`shareDialog.ts`).
 *
 * Each signs in through the sign-in seam and asks through its own CardPrompt. The access token is used within one
 * step and dropped: it is never put into dialog state, cards or logs. While any of them runs, a Confirm/Cancel
 * click of a write request that is not waiting here changes nothing and says where that request stands.
 */
import { ActivityTypes, type TurnContext, type UserState } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { SIGNIN_VERBS, type GraphSignIn } from '../auth';
import { readCardAction, type CardAction } from '../cards/actions';
import { button } from '../cards/buttons';
import { messageCard } from '../cards/cards';
import { replaceClickedCard } from '../cards/clickedCard';
import type { AdaptiveCard } from '../cards/render';
import { renderVerdictCard } from '../cards/verdict';
import type { Clock } from '../clock';
import { DEFAULT_BUDGETS, TIMED_OUT, within, type Budgets } from '../deadline';
import type { GraphApi } from '../graph';
import { t } from '../i18n';
import { log } from '../log';
import { answerClosedRequest } from './actionReplies';
import { CardPrompt } from './cardPrompt';
import { runCheck, SignInExpiredError, type CheckOutcome } from './checks';
import { LangStore } from './lang';
import type { ChannelDirectory, LiveCheckOptions, LiveCheckResult } from './liveCheckTypes';
import type { PendingActions } from './pendingActions';
import { sendCard, sendText } from './send';

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

/** Card verbs the live dialogs (and the sign-in dialog inside them) answer; see src/cards/verbs.ts. */
export const LIVE_CHECK_VERBS: string[] = ['candidate.choose', 'action.confirm', 'action.cancel', 'share.channel', ...SIGNIN_VERBS];

export type Verdict = Extract<CheckOutcome, { kind: 'verdict' }>;

/** The base of the check, write-action and share dialogs: sign-in, a card prompt, the language, write-request clicks. */
export abstract class LiveDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly deps: LiveCheckDeps,
    protected readonly langs: LangStore = new LangStore(deps.userState),
  ) {
    super(id);
    this.addDialog(deps.signIn);
    this.addDialog(new CardPrompt(this.langs));
  }

  /** The dialog's one waterfall (its steps are this dialog's methods), where it begins. */
  protected flow(id: string, steps: ((step: WaterfallStepContext) => Promise<DialogTurnResult>)[]): void {
    this.addDialog(new WaterfallDialog(id, steps.map((s) => s.bind(this))));
    this.initialDialogId = id;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: LiveCheckOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error(`${this.id} needs LiveCheckOptions`);
    return super.onBeginDialog(inner, options);
  }

  /** Ends the dialog as done (the issue dialog ends too), after saying `text` if there is one. */
  protected async done(step: WaterfallStepContext, text?: string): Promise<DialogTurnResult> {
    if (text !== undefined) await sendText(step.context, text);
    return step.endDialog({ done: true } satisfies LiveCheckResult);
  }

  /** The waterfall's values, with the options it was begun with under `options`. */
  protected values<V extends { options: LiveCheckOptions }>(step: WaterfallStepContext): V {
    const v = step.values as Partial<V>;
    if (!v.options) v.options = step.options as V['options'];
    return v as V;
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const clicked = readCardAction(inner.context.activity);
    if (clicked?.verb !== 'action.confirm' && clicked?.verb !== 'action.cancel') return this.continueInner(inner);
    return this.onWriteRequestClick(inner, clicked);
  }

  /** Hands the turn to the dialog running inside (a prompt, the sign-in dialog). */
  protected continueInner(inner: DialogContext): Promise<DialogTurnResult> {
    return super.onContinueDialog(inner);
  }

  /** A Confirm/Cancel click while this dialog runs. Here no request waits: say where that one stands. */
  protected async onWriteRequestClick(inner: DialogContext, clicked: CardAction): Promise<DialogTurnResult> {
    await answerClosedRequest(inner.context, await this.langs.get(inner.context), this.deps.actions, clicked.data.pending);
    return Dialog.EndOfTurn;
  }

  /** Runs one check within its budget; undefined (after telling the admin) when it could not run or finish. */
  protected async run(context: TurnContext, token: string, options: LiveCheckOptions): Promise<CheckOutcome | undefined> {
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
  protected async verdictCard(options: LiveCheckOptions, outcome: Verdict, offersIn?: string, timeZone?: string): Promise<AdaptiveCard> {
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
}

/** One button per kind of write (several findings may suggest the same restart). */
function dedupeActions<T extends { action: { kind: string } }>(actions: T[]): T[] {
  const seen = new Set<string>();
  return actions.filter(({ action }) => (seen.has(action.kind) ? false : (seen.add(action.kind), true)));
}
