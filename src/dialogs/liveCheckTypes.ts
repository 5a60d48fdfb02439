/**
 * Contract between the issue dialogs and the live-check dialog the lead plugs in
 * (sign-in → Graph snapshot → diagnosis → verdict card).
 */
import type { IssueIntent, Target } from '../topics';
import type { Lang } from '../i18n';

/** The id the injected live-check Dialog must have. */
export const LIVE_CHECK_DIALOG = 'liveCheck';

export type { Target } from '../topics';

/** Options the issue dialogs begin LIVE_CHECK_DIALOG with. */
export interface LiveCheckOptions {
  topic: IssueIntent;
  target: Target;
  lang: Lang;
  /** Set when re-checking from a verdict card ("Check again" that reached the dialogs): the subject's object id. */
  subjectId?: string;
  /** What to do: run the check (default), carry out a suggested write action, or share the verdict to a channel. */
  purpose?: 'check' | 'action' | 'share';
  /** For purpose 'action': the id of the action offer the verdict card's button carries (see pendingActions.ts). */
  offer?: string;
}

/** Where a verdict can be shared: Teams channels the bot can post to (implemented in src/bot over stored references). */
export interface ChannelDirectory {
  /** Channels of teams SyncHelper is installed in, that this user's conversation can reach. */
  channels(context: import('botbuilder').TurnContext): Promise<{ id: string; name: string }[]>;
  /** Post the activity as a new conversation in the channel; returns false when the bot can't post there. */
  post(context: import('botbuilder').TurnContext, channelId: string, activity: Partial<import('botbuilder').Activity>): Promise<boolean>;
}

/**
 * What the live check ends with. `{ fallback: 'guided' }` (sign-in refused/failed, nothing found…) makes the
 * issue dialog continue with the guided steps; anything else ends the issue dialog (the verdict was shown).
 */
export type LiveCheckResult = { fallback: 'guided' } | { done: true } | undefined;
