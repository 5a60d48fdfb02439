/**
 * Where the bot remembers how to reach a conversation later (proactive updates, sharing a result card into a
 * channel), in the shared RecordStore so every instance and every restart knows the same:
 *   refs/{tenant}/{conversationId}   one reference per conversation (saved on install and on every turn)
 *   teams/{tenant}/{teamId}          a team SyncHelper is installed in: its name, how to reach it, its channels
 * A reference holds ids and the service URL only — never message text or tokens.
 */
import type { ConversationReference } from 'botbuilder';
import { update, type RecordStore } from '../state/records';

export interface StoredConversationReference extends Partial<ConversationReference> {
  /** Teams channel id (`19:…@thread.tacv2`) when the conversation is a channel (thread). */
  teamsChannelId?: string;
  /** Teams team id (the team's General channel id) when known. */
  teamsTeamId?: string;
  /** Display names Teams sends in channelData (for the "share to which channel?" card). */
  teamsChannelName?: string;
  teamsTeamName?: string;
  /** Tenant of the conversation. */
  tenantId?: string;
}

export interface TeamChannel {
  id: string;
  /** Absent for the General channel (Teams sends no name for it). */
  name?: string;
}

export interface StoredTeam {
  tenantId: string;
  teamId: string;
  teamName?: string;
  /** How to start a conversation in the team: service URL, bot, channel id (msteams). */
  reference: Partial<ConversationReference>;
  channels: TeamChannel[];
}

export interface ConversationReferenceStore {
  save(reference: StoredConversationReference): Promise<void>;
  /** By `conversation.id` exactly as the activity carried it, within the tenant. */
  get(tenantId: string, conversationId: string): Promise<StoredConversationReference | undefined>;
  /** The channel list Teams gave for a team (replaces what was known; names seen in channelData stay). */
  setTeamChannels(reference: StoredConversationReference, channels: TeamChannel[]): Promise<void>;
  /** Teams SyncHelper is installed in, in one tenant. */
  teams(tenantId: string): Promise<StoredTeam[]>;
}

const seg = (value: string) => value.replace(/\//g, '%2F');
const refKey = (tenantId: string, conversationId: string) => `refs/${seg(tenantId)}/${seg(conversationId)}`;
const teamPrefix = (tenantId: string) => `teams/${seg(tenantId)}/`;
const teamKey = (tenantId: string, teamId: string) => `${teamPrefix(tenantId)}${seg(teamId)}`;

function mergeChannels(known: TeamChannel[], incoming: TeamChannel[], replace: boolean): TeamChannel[] {
  const names = new Map(known.map((c) => [c.id, c.name]));
  const byId = new Map<string, TeamChannel>(replace ? [] : known.map((c) => [c.id, c]));
  for (const c of incoming) {
    const name = c.name ?? names.get(c.id);
    byId.set(c.id, name ? { id: c.id, name } : { id: c.id });
  }
  return [...byId.values()];
}

export class RecordConversationReferenceStore implements ConversationReferenceStore {
  constructor(
    /** Shared records: team entries (few, durable). */
    private readonly records: RecordStore,
    /** One entry per conversation: the bounded store in memory mode, the same Blob container otherwise. */
    private readonly conversations: RecordStore = records,
  ) {}

  async save(reference: StoredConversationReference): Promise<void> {
    const id = reference.conversation?.id;
    if (!id || !reference.tenantId) return;
    // Copy via JSON so later changes to the activity never leak into the store; skip writes that change nothing.
    const copy = JSON.parse(JSON.stringify(reference)) as StoredConversationReference;
    await update<StoredConversationReference>(this.conversations, refKey(reference.tenantId, id), (current) =>
      JSON.stringify(current) === JSON.stringify(copy) ? undefined : copy,
    );
    if (reference.teamsTeamId) {
      const channel = reference.teamsChannelId ? [{ id: reference.teamsChannelId, ...(reference.teamsChannelName ? { name: reference.teamsChannelName } : {}) }] : [];
      await this.updateTeam(reference, (known) => mergeChannels(known, channel, false));
    }
  }

  async setTeamChannels(reference: StoredConversationReference, channels: TeamChannel[]): Promise<void> {
    await this.updateTeam(reference, (known) => mergeChannels(known, channels, true));
  }

  private async updateTeam(reference: StoredConversationReference, channels: (known: TeamChannel[]) => TeamChannel[]): Promise<void> {
    const { tenantId, teamsTeamId: teamId } = reference;
    if (!tenantId || !teamId) return;
    await update<StoredTeam>(this.records, teamKey(tenantId, teamId), (current) => {
      const next: StoredTeam = {
        tenantId,
        teamId,
        ...((reference.teamsTeamName ?? current?.teamName) ? { teamName: reference.teamsTeamName ?? current?.teamName } : {}),
        reference: { channelId: reference.channelId, serviceUrl: reference.serviceUrl, bot: reference.bot, conversation: { id: teamId, isGroup: true, conversationType: 'channel', tenantId, name: '' } },
        channels: channels(current?.channels ?? []),
      };
      return JSON.stringify(current) === JSON.stringify(next) ? undefined : next;
    });
  }

  async get(tenantId: string, conversationId: string): Promise<StoredConversationReference | undefined> {
    return (await this.conversations.read<StoredConversationReference>(refKey(tenantId, conversationId)))?.value;
  }

  async teams(tenantId: string): Promise<StoredTeam[]> {
    const out: StoredTeam[] = [];
    for (const key of await this.records.list(teamPrefix(tenantId))) {
      const found = await this.records.read<StoredTeam>(key);
      if (found) out.push(found.value);
    }
    return out;
  }
}
