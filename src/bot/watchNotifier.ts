/**
 * How a watch speaks: proactive messages into the conversation it was set in (the stored conversation reference),
 * with the adapter's own credentials, as sharing to a channel does. Thin Bot Framework glue; the watcher decides
 * what to say (src/watch), the cards say it (src/cards/watch.ts).
 */
import { CloudAdapterBase, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import { cardAttachment } from '../cards/render';
import { flappingText, recoveredText, watchAlertCard } from '../watch/cards';
import { log } from '../log';
import type { Watch, WatchMessage } from '../watch/model';
import type { Notifier } from '../watch/watcher';
import type { ConversationReferenceStore } from './conversationReferences';

export class ConversationNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapterBase,
    private readonly references: ConversationReferenceStore,
    private readonly botAppId: string,
  ) {}

  async post(watch: Watch, activity: Partial<Activity>): Promise<boolean> {
    const reference = await this.references.get(watch.tenantId, watch.conversationId);
    if (!reference?.serviceUrl || !reference.conversation) return false;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference as Partial<ConversationReference>, async (context) => {
        await context.sendActivity(activity);
      });
      return true;
    } catch (err) {
      log.warn('could not post the watch message', { kind: watch.kind, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }
}

/** The activity for a watch message, in the watch's language. */
export function renderWatchMessage(watch: Watch, message: WatchMessage): Partial<Activity> {
  switch (message.kind) {
    case 'alert':
      return MessageFactory.attachment(cardAttachment(watchAlertCard(watch.lang, watch, message)));
    case 'recovered':
      return MessageFactory.text(recoveredText(watch.lang, watch, message.since));
    case 'flapping':
      return MessageFactory.text(flappingText(watch.lang, watch, message.changes, message.observation));
  }
}
