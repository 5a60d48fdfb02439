/**
 * How a dialog answers an Action.Execute (`adaptiveCard/action`) invoke.
 *
 * The bot runs the root dialog for the click; the dialog leaves its answer in turn state and the bot returns it as
 * the invoke response once the dialog is done:
 *   - `setInvokeCard(context, card)` — the card that replaces the clicked one (for the person who clicked);
 *   - `setInvokeResponse(context, response)` — any other Universal Actions response (a sign-in request 401, an
 *     error, a message toast).
 * If the dialog leaves nothing, the click gets a short "got it" message response — never a hang or a 501.
 */
import { MessageFactory, type AdaptiveCardInvokeResponse, type TurnContext } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import { log } from '../log';

/** Turn-state key holding the card (or full response) for the current Action.Execute invoke. */
export const INVOKE_RESPONSE_CARD = Symbol('synchelper.invokeResponseCard');

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_RESPONSE_TYPE = 'application/vnd.microsoft.error';

type Stored = { kind: 'card'; card: Record<string, unknown> } | { kind: 'response'; response: AdaptiveCardInvokeResponse };

/** The card that should replace the clicked card. Call it at most once per turn; the last call wins. */
export function setInvokeCard(context: TurnContext, card: Record<string, unknown>): void {
  context.turnState.set(INVOKE_RESPONSE_CARD, { kind: 'card', card } satisfies Stored);
}

/** A complete Universal Actions response (e.g. `{statusCode: 401, type: 'application/vnd.microsoft.activity.loginRequest', value}`). */
export function setInvokeResponse(context: TurnContext, response: AdaptiveCardInvokeResponse): void {
  context.turnState.set(INVOKE_RESPONSE_CARD, { kind: 'response', response } satisfies Stored);
}

export function cardResponse(card: Record<string, unknown>): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

export function messageResponse(text: string, statusCode = 200): AdaptiveCardInvokeResponse {
  return { statusCode, type: MESSAGE_RESPONSE_TYPE, value: text as unknown as Record<string, unknown> };
}

export function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: ERROR_RESPONSE_TYPE, value: { code, message } };
}

/** What the invoke should answer: the dialog's card or response, else `fallback`. */
export function takeInvokeResponse(context: TurnContext, fallback: AdaptiveCardInvokeResponse): AdaptiveCardInvokeResponse {
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
