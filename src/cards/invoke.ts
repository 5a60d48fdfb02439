/**
 * The answers to a card click sent as an Action.Execute (`adaptiveCard/action`) invoke, as plain JSON: a card that
 * replaces the clicked one, a short message, or an error. Teams reads these bodies (Universal Actions); the Bot
 * Framework part that carries them through a turn is `clickedCard.ts`. Nothing here imports botbuilder.
 */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_RESPONSE_TYPE = 'application/vnd.microsoft.error';

/** One Universal Actions response body (the shape of botbuilder's `AdaptiveCardInvokeResponse`). */
export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: Record<string, unknown>;
}

export function cardResponse(card: Record<string, unknown>): InvokeAnswer {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

export function messageResponse(text: string, statusCode = 200): InvokeAnswer {
  return { statusCode, type: MESSAGE_RESPONSE_TYPE, value: text as unknown as Record<string, unknown> };
}

export function errorResponse(statusCode: number, code: string, message: string): InvokeAnswer {
  return { statusCode, type: ERROR_RESPONSE_TYPE, value: { code, message } };
}
