/**
 * Contract between the dialogs that begin the live dialogs (issue dialogs, root dialog) and the live dialogs the
 * composition root plugs in: the check (sign-in → Graph snapshot → diagnosis → verdict card), the write action a
 * verdict suggests, and sharing a verdict to a channel.
 */
import type { IssueIntent, Target } from '../topics';
import type { Lang } from '../i18n';

/** The id the injected live-check Dialog must have (begun with LiveCheckOptions). */
export const LIVE_CHECK_DIALOG = 'liveCheck';
/** The id of the injected write-action Dialog (begun with WriteActionOptions). */
export const WRITE_ACTION_DIALOG = 'liveCheck.writeAction';
/** The id of the injected share-to-a-channel Dialog (begun with LiveCheckOptions). */
export const SHARE_DIALOG = 'liveCheck.shareVerdict';

export type { Target } from '../topics';

/** Options the issue dialogs begin LIVE_CHECK_DIALOG with (and the root dialog, SHARE_DIALOG). */
export interface LiveCheckOptions {
  topic: IssueIntent;
  target: Target;
  lang: Lang;
  /** Set when re-checking from a verdict card ("Check again" that reached the dialogs): the subject's object id. */
  subjectId?: string;
}

/** Options WRITE_ACTION_DIALOG is begun with. */
export interface WriteActionOptions extends LiveCheckOptions {
  /** The id of the action offer the verdict card's button carries (see pendingActions.ts). */
  offer: string;
}

/** Where a verdict can be shared: Teams channels the bot can post to (implemented in src/bot over stored references). */
export interface ChannelDirectory {
  /** Channels of teams SyncHelper is installed in, that this user's conversation can reach. */
  channels(context: import('botbuilder').TurnContext): Promise<{ id: string; name: string }[]>;
  /** Post the activity as a new conversation in the channel; returns false when the bot can't post there. */
  post(context: import('botbuilder').TurnContext, channelId: string, activity: Partial<import('botbuilder').Activity>): Promise<boolean>;
}

/**
 * What the live dialogs end with. `{ fallback: 'guided' }` (sign-in refused/failed, nothing found…) makes the
 * issue dialog continue with the guided steps; anything else ends the issue dialog (the verdict was shown).
 */
export type LiveCheckResult = { fallback: 'guided' } | { done: true } | undefined;
