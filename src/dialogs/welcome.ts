/** The welcome card, sent once on install in the activity's language. */
import type { TurnContext } from 'botbuilder';
import { welcomeCard } from '../cards/cards';
import { resolveLang, type Lang } from '../i18n';
import { sendCard } from './send';

export async function sendWelcome(context: TurnContext, preference?: Lang): Promise<void> {
  await sendCard(context, welcomeCard(resolveLang(context.activity.locale, preference)));
}
