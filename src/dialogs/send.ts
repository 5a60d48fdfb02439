import { MessageFactory, type TurnContext } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../cards/render';

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
}

export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}

/** Lower-case, trimmed, without trailing punctuation or surrounding quotes: for matching typed commands. */
export function normalise(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[.!?,;:"'«»]+$/g, '')
    .replace(/^["'«»]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
