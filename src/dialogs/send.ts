import { MessageFactory, type TurnContext } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import { AT_ON_ONE_LINE, replaceTagSpans, trimEndChars } from '../textScan';

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
}

export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}

/** Lower-case, trimmed, without trailing punctuation or surrounding quotes: for matching typed commands. */
export function normalize(text: string | undefined): string {
  const lower = replaceTagSpans(text ?? '', AT_ON_ONE_LINE, () => ' ').toLowerCase();
  return trimEndChars(lower, '.!?,;:"\'«»')
    .replace(/^["'«»]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
