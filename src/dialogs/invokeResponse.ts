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
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';

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
  if (stored.kind === 'card') return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: stored.card };
  return stored.response;
}
