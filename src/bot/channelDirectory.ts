/**
 * Where a verdict can be shared: the Teams channels SyncHelper has seen (installed in the team, or @mentioned in
 * the channel), from the stored conversation references. Posting is a proactive message: a new conversation in the
 * channel, sent with the adapter's own credentials — the bot must be installed in that team.
 */
import { CloudAdapterBase, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ChannelDirectory } from '../dialogs/liveCheckTypes';
import { resolveLang, t } from '../i18n';
import { log } from '../log';
import type { ConversationReferenceStore, StoredConversationReference } from './conversationReferences';

function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

export class StoredChannelDirectory implements ChannelDirectory {
  constructor(
    private readonly store: ConversationReferenceStore,
    private readonly botAppId: string,
  ) {}

  async channels(context: TurnContext): Promise<{ id: string; name: string }[]> {
    const tenant = tenantOf(context);
    const byChannel = new Map<string, { id: string; name: string }>();
    for (const ref of await this.store.list()) {
      const id = ref.teamsChannelId;
      // Only channels of the admin's own tenant, and only ones reached through the same Teams service.
      if (!id || (tenant && ref.tenantId && ref.tenantId !== tenant) || ref.serviceUrl !== context.activity.serviceUrl) continue;
      const channel = ref.teamsChannelName ?? (ref.teamsTeamId === id ? t(resolveLang(context.activity.locale), 'live.share.generalChannel') : id);
      const name = ref.teamsTeamName ? `${ref.teamsTeamName} › ${channel}` : channel;
      if (!byChannel.has(id) || ref.teamsChannelName) byChannel.set(id, { id, name });
    }
    return [...byChannel.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, 25);
  }

  async post(context: TurnContext, channelId: string, activity: Partial<Activity>): Promise<boolean> {
    const ref: StoredConversationReference | undefined = await this.store.findByChannel(channelId);
    if (!ref?.serviceUrl || !(context.adapter instanceof CloudAdapterBase)) return false;
    // The channel itself (not a thread in it): a message there starts a new conversation.
    const target: Partial<ConversationReference> = { ...ref, conversation: { ...ref.conversation!, id: channelId, isGroup: true, conversationType: 'channel' } };
    try {
      await context.adapter.continueConversationAsync(this.botAppId, target, async (proactive) => {
        await proactive.sendActivity(activity);
      });
      return true;
    } catch (err) {
      log.warn('could not share to the channel', { error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }
}
