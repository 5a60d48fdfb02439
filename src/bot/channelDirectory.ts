/**
 * Where a verdict can be shared: channels of the teams SyncHelper is installed in (the channel list Teams gave at
 * install, plus channels seen since), in the admin's own tenant, reached through the same Teams service, and only
 * teams the admin is a member of (asked of Teams each time: GET v3/conversations/{teamId}/members/{userId}, 404 →
 * not a member). Posting is a proactive message: a new conversation in the channel, with the adapter's own
 * credentials.
 */
import { CloudAdapterBase, TeamsInfo, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ChannelDirectory } from '../dialogs/liveCheckTypes';
import { resolveLang, t } from '../i18n';
import { log } from '../log';
import { tenantOf } from '../state/botState';
import type { ConversationReferenceStore, StoredTeam } from './conversationReferences';

const MAX_CHANNELS = 25;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class StoredChannelDirectory implements ChannelDirectory {
  constructor(
    private readonly store: ConversationReferenceStore,
    private readonly botAppId: string,
  ) {}

  /** Teams of the admin's tenant on this Teams service that the admin is a member of. */
  private async myTeams(context: TurnContext): Promise<StoredTeam[]> {
    const userId = context.activity.from?.id;
    if (!userId) return [];
    const teams = (await this.store.teams(tenantOf(context))).filter((team) => team.reference.serviceUrl === context.activity.serviceUrl);
    const member = await Promise.all(
      teams.map(async (team) => {
        try {
          await TeamsInfo.getTeamMember(context, team.teamId, userId);
          return true;
        } catch (err) {
          const status = (err as { statusCode?: number }).statusCode;
          // 404: not a member. Anything else: we can't tell, so the team is not offered either.
          if (status !== 404) log.warn('could not check team membership', { status, error: errorText(err) });
          return false;
        }
      }),
    );
    return teams.filter((_, i) => member[i]);
  }

  async channels(context: TurnContext): Promise<{ id: string; name: string }[]> {
    const general = t(resolveLang(context.activity.locale), 'live.share.generalChannel');
    const out: { id: string; name: string }[] = [];
    for (const team of await this.myTeams(context)) {
      for (const channel of team.channels) {
        const name = channel.name ?? (channel.id === team.teamId ? general : channel.id);
        out.push({ id: channel.id, name: team.teamName ? `${team.teamName} › ${name}` : name });
      }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_CHANNELS);
  }

  async post(context: TurnContext, channelId: string, activity: Partial<Activity>): Promise<boolean> {
    const team = (await this.myTeams(context)).find((t) => t.channels.some((c) => c.id === channelId));
    if (!team?.reference.serviceUrl || !(context.adapter instanceof CloudAdapterBase)) return false;
    // The channel itself (not a thread in it): a message there starts a new conversation.
    const target: Partial<ConversationReference> = { ...team.reference, conversation: { ...team.reference.conversation!, id: channelId } };
    try {
      await context.adapter.continueConversationAsync(this.botAppId, target, async (proactive) => {
        await proactive.sendActivity(activity);
      });
      return true;
    } catch (err) {
      log.warn('could not share to the channel', { error: errorText(err) });
      return false;
    }
  }
}
