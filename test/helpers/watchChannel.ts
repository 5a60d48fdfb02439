/** What a watch posted into a conversation, as the loopback Bot Connector received it (issue #10 tests). */
import type { AdminChat, World } from './adminChat';
import type { ReceivedRequest } from './botConnector';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** What the bot posted into a conversation (by its base id: any thread of a channel) since `from`. */
export function postedTo(world: World, conversation: string, from = 0): ReceivedRequest[] {
  return world.connector.received
    .slice(from)
    .filter((r) => (r.route === 'sendToConversation' || r.route === 'replyToActivity') && (r.conversationId ?? '').split(';')[0] === conversation && r.body?.type === 'message');
}

export function cardsIn(posts: ReceivedRequest[]): any[] {
  return posts.flatMap((p) => (p.body.attachments ?? []).map((a: any) => a.content));
}

export function textsIn(posts: ReceivedRequest[]): string[] {
  return posts.map((p) => p.body.text).filter((x): x is string => typeof x === 'string' && x.length > 0);
}

/** Sample-tenant sign-in: pick the persona when the bot asks. */
export async function signInAs(chat: AdminChat, persona: string): Promise<void> {
  if (chat.findAction('signin.persona', { persona })) await chat.click('signin.persona', { persona });
}

