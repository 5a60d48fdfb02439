/**
 * What the admin hears about a write request that can't act (cancelled, done, expired, someone else's, unknown), and
 * how the clicked confirmation card is closed so its buttons can't be used again. Shared by the live dialogs
 * (a click while another request waits) and the root dialog (a click when nothing waits).
 */
import type { TurnContext } from 'botbuilder';
import { readCardAction } from '../cards/actions';
import { messageCard } from '../cards/cards';
import { t, type Lang } from '../i18n';
import { replaceClickedCard, setInvokeResponse } from '../cards/clickedCard';
import { messageResponse } from '../cards/invoke';
import type { ActionSubject, Clicker, PendingActions, Refusal } from './pendingActions';
import { sendText } from './send';

/** The person who clicked, as the pending action records its owner. */
export function clickerOf(context: TurnContext): Clicker {
  const from = context.activity.from ?? { id: '' };
  return { id: from.aadObjectId || from.id || '', conversationId: context.activity.conversation?.id ?? '' };
}

/** "restart provisioning for Slack", in the admin's language. */
export function summaryOf(lang: Lang, a: ActionSubject): string {
  return t(lang, `live.action.summary.${a.action.kind}`, { app: a.app, user: a.user ?? '' });
}

/** Replaces the clicked card (for the clicker, and as far as possible for everyone) with `text` and no buttons. */
export async function closeClickedCard(context: TurnContext, title: string, text: string): Promise<void> {
  await replaceClickedCard(context, messageCard({ title, text }));
  if (readCardAction(context.activity)?.via !== 'execute') await sendText(context, text);
}

/**
 * A confirm/cancel click for request `id` that can't act now: say why, close the card unless it is still
 * someone else's to answer, and cancel it when its owner moved on without answering.
 */
export async function answerClosedRequest(context: TurnContext, lang: Lang, actions: PendingActions, id: unknown): Promise<void> {
  const who = clickerOf(context);
  let { reason, action } = await actions.explain(id, who);
  if (reason === 'pending' || reason === 'confirmed') {
    // Its dialog is gone (the admin moved on, started over or asked for another change): it can never run now.
    const cancelled = await actions.cancel(id, who);
    if (cancelled.ok) reason = 'pending';
    else ({ reason, action } = { reason: cancelled.reason, action: cancelled.action ?? action });
  }
  const text = closedText(lang, reason, action);
  if (reason === 'notOwner' || reason === 'otherConversation') {
    // The card still belongs to whoever asked: leave it as it is, answer only the clicker.
    if (readCardAction(context.activity)?.via === 'execute') setInvokeResponse(context, messageResponse(text));
    else await sendText(context, text);
    return;
  }
  await closeClickedCard(context, t(lang, 'live.action.closed.title'), text);
}

export function closedText(lang: Lang, reason: Refusal, action?: ActionSubject): string {
  return t(lang, `live.action.closed.${reason}`, { what: action ? summaryOf(lang, action) : '' });
}
