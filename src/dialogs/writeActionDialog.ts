/**
 * A write action suggested by a verdict (provision on demand, restart the job): the button's offer becomes a
 * pending action of this admin's → confirmation card → the separate write consent → the write, once
 * (docs/architecture.md, "Write actions"; the states are drawn at the top of pendingActions.ts).
 */
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { SIGNIN_DIALOG_ID, isSignInSuccess } from '../auth';
import type { CardAction } from '../cards/actions';
import { button } from '../cards/buttons';
import { messageCard } from '../cards/cards';
import { provisionOnDemand, restartJob } from '../graph';
import { t } from '../i18n';
import { clickerOf, closeClickedCard, closedText, summaryOf } from './actionReplies';
import { CARD_PROMPT, type CardPromptOptions } from './cardPrompt';
import type { LangStore } from './lang';
import { WRITE_ACTION_DIALOG, type LiveCheckResult, type WriteActionOptions } from './liveCheckTypes';
import { LiveDialog, type LiveCheckDeps } from './liveDialog';
import { sendCard, sendText } from './send';
import type { Answer, View } from './views';

const ACTION_FLOW = 'liveCheck.action';

/** The flow keeps only the pending action's id; what it writes is read from the store. */
type ActionValues = { options: WriteActionOptions; pending?: string };

export class WriteActionDialog extends LiveDialog {
  constructor(deps: LiveCheckDeps, langs?: LangStore) {
    super(WRITE_ACTION_DIALOG, deps, langs);
    this.flow(ACTION_FLOW, [this.request, this.signInWrite, this.perform]);
  }

  /** The action button was clicked: a pending action of this admin's, bound to the stored offer, then confirm. */
  private async request(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<ActionValues>(step);
    const { lang } = v.options;
    if (!this.deps.signIn.canWrite) return this.done(step, t(lang, 'live.action.unavailable'));
    const requested = v.options.offer ? await this.deps.actions.request(v.options.offer, clickerOf(step.context)) : undefined;
    if (!requested?.ok) return this.done(step, t(lang, 'live.action.offerExpired'));
    const a = requested.action;
    v.pending = a.id;
    const view: View = { kind: 'confirm', topic: a.topic, pending: a.id, action: a.action, servicePrincipalId: a.servicePrincipalId, app: a.app, user: a.user ?? '' };
    return step.beginDialog(CARD_PROMPT, { view } satisfies CardPromptOptions);
  }

  /** The answer on this request's own confirmation card (CardPrompt lets no other request's buttons through). */
  private async signInWrite(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<ActionValues>(step);
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
      return this.done(step);
    }
    const a = alreadyConfirmed ?? (moved as Extract<typeof moved, { ok: true }>).action;
    await closeClickedCard(step.context, t(lang, `live.action.${a.action.kind}.title`), t(lang, 'live.action.confirmed', { what: summaryOf(lang, a) }));
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'write' });
  }

  private async perform(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values<ActionValues>(step);
    const { lang } = v.options;
    const who = clickerOf(step.context);
    if (!isSignInSuccess(step.result)) {
      await this.deps.actions.cancel(v.pending, who);
      return this.done(step, t(lang, 'live.action.noConsent'));
    }
    // confirmed → running happens once: a second click, a second instance or a late consent finds it taken.
    const started = await this.deps.actions.start(v.pending, who);
    if (!started.ok) return this.done(step, closedText(lang, started.reason, started.action));
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
    return this.done(step);
  }

  /**
   * Confirm/cancel clicks while this request is open. Only its own buttons act: while its confirmation card waits,
   * the CardPrompt takes them; while the write consent is asked, a second Confirm is answered "already confirmed"
   * (not read as declining) and Cancel withdraws it. Any other request's buttons change nothing and say where that
   * request stands.
   */
  protected override async onWriteRequestClick(inner: DialogContext, clicked: CardAction): Promise<DialogTurnResult> {
    const flow = inner.stack.find((d) => d.id === ACTION_FLOW);
    const current = (flow?.state as { values?: Partial<ActionValues> } | undefined)?.values?.pending;
    const lang = await this.langs.get(inner.context);
    if (current && clicked.data.pending === current) {
      if (inner.activeDialog?.id === CARD_PROMPT) return this.continueInner(inner);
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
    await super.onWriteRequestClick(inner, clicked);
    if (current) {
      const a = await this.deps.actions.get(current);
      if (a) await sendText(inner.context, t(lang, 'live.action.stillWaiting', { what: summaryOf(lang, a) }));
    }
    return Dialog.EndOfTurn;
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
