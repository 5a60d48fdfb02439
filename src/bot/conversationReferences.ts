/**
 * Where the bot remembers how to reach a conversation later (proactive updates, sharing a result card into a
 * channel). The bot saves a reference on install and on every message; the share-to-channel code reads it.
 * A reference holds ids and the service URL only — never tokens.
 */
import type { ConversationReference } from 'botbuilder';

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

export interface ConversationReferenceStore {
  save(reference: StoredConversationReference): Promise<void>;
  /** By `conversation.id` exactly as the activity carried it. */
  get(conversationId: string): Promise<StoredConversationReference | undefined>;
  /** The reference saved for a Teams channel (any thread in it), if any. */
  findByChannel(teamsChannelId: string): Promise<StoredConversationReference | undefined>;
  list(): Promise<StoredConversationReference[]>;
}

/** Per-process store: fine for one instance and for tests; a durable one can implement the same interface. */
export class InMemoryConversationReferenceStore implements ConversationReferenceStore {
  private readonly byConversation = new Map<string, StoredConversationReference>();

  async save(reference: StoredConversationReference): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    // Copy via JSON so later changes to the activity never leak into the store.
    this.byConversation.set(id, JSON.parse(JSON.stringify(reference)) as StoredConversationReference);
  }

  async get(conversationId: string): Promise<StoredConversationReference | undefined> {
    return this.byConversation.get(conversationId);
  }

  async findByChannel(teamsChannelId: string): Promise<StoredConversationReference | undefined> {
    const exact = this.byConversation.get(teamsChannelId);
    if (exact) return exact;
    for (const ref of this.byConversation.values()) if (ref.teamsChannelId === teamsChannelId) return ref;
    return undefined;
  }

  async list(): Promise<StoredConversationReference[]> {
    return [...this.byConversation.values()];
  }
}
