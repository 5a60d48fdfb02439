/**
 * The thin Bot-Framework-specific part of answering a card click (the bodies themselves are in `invoke.ts`).
 *
 * The bot runs the root dialog for the click; whoever handles it leaves its answer in turn state and the bot returns
 * it as the invoke response once the dialog is done:
 *   - `setInvokeCard(context, card)` — the card that replaces the clicked one (for the person who clicked);
 *   - `setInvokeResponse(context, response)` — any other Universal Actions response (a sign-in request 401, an
 *     error, a message toast).
 * If nothing is left, the click gets a short "got it" message response — never a hang or a 501.
 * `replaceClickedCard` also updates the message for everyone else in the conversation.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { log } from '../log';
import { cardResponse, type InvokeAnswer } from './invoke';
import { cardAttachment, type AdaptiveCard } from './render';

/** Turn-state key holding the card (or full response) for the current Action.Execute invoke. */
export const INVOKE_RESPONSE_CARD = Symbol('synchelper.invokeResponseCard');

type Stored = { kind: 'card'; card: Record<string, unknown> } | { kind: 'response'; response: InvokeAnswer };

/** The card that should replace the clicked card. Call it at most once per turn; the last call wins. */
export function setInvokeCard(context: TurnContext, card: Record<string, unknown>): void {
  context.turnState.set(INVOKE_RESPONSE_CARD, { kind: 'card', card } satisfies Stored);
}

/** A complete Universal Actions response (e.g. `{statusCode: 401, type: 'application/vnd.microsoft.activity.loginRequest', value}`). */
export function setInvokeResponse(context: TurnContext, response: InvokeAnswer): void {
  context.turnState.set(INVOKE_RESPONSE_CARD, { kind: 'response', response } satisfies Stored);
}

/** What the invoke should answer: the dialog's card or response, else `fallback`. */
export function takeInvokeResponse(context: TurnContext, fallback: InvokeAnswer): InvokeAnswer {
  const stored = context.turnState.get(INVOKE_RESPONSE_CARD) as Stored | undefined;
  if (!stored) return fallback;
  if (stored.kind === 'card') return cardResponse(stored.card);
  return stored.response;
}

/** Turn-state key: set once the clicked card's message was replaced for everyone. */
const CLICKED_CARD_REPLACED = Symbol('synchelper.clickedCardReplaced');

/**
 * Replaces the clicked card: for the clicker through the invoke response (Action.Execute), and for everyone in the
 * conversation by updating the message (best effort: the clicker already sees it).
 */
export async function replaceClickedCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  if (context.activity.type === 'invoke') setInvokeCard(context, card);
  const id = context.activity.replyToId;
  if (!id) return;
  try {
    await context.updateActivity({ ...MessageFactory.attachment(cardAttachment(card)), id });
    context.turnState.set(CLICKED_CARD_REPLACED, true);
  } catch (err) {
    log.info('could not update the clicked card for everyone', { error: err instanceof Error ? err.message : String(err) });
  }
}

export function clickedCardReplaced(context: TurnContext): boolean {
  return context.turnState.get(CLICKED_CARD_REPLACED) === true;
}
