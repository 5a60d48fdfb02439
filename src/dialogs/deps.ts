import type { Dialog } from 'botbuilder-dialogs';
import type { TurnContext, UserState } from 'botbuilder';
import type { IntentRecognizer } from '../recognizer/types';
import type { Clock } from '../clock';
import type { PendingActions } from './pendingActions';

/** What the dialogs need from the composition root. */
export interface DialogDeps {
  recognizer: IntentRecognizer;
  /** The check dialog (id LIVE_CHECK_DIALOG, begun with LiveCheckOptions). Without it, only guided help. */
  liveCheck?: Dialog;
  /** A verdict's write action (id WRITE_ACTION_DIALOG, begun with WriteActionOptions). Without it, a click gets the help card. */
  writeAction?: Dialog;
  /** Share a verdict to a channel (id SHARE_DIALOG, begun with LiveCheckOptions). Without it, sharing explains how to post it instead. */
  share?: Dialog;
  /** Where the language preference is kept (property 'synchelper.lang'). */
  userState?: UserState;
  clock?: Clock;
  /** Called on "sign out"/"logg ut": forget the user's token (e.g. UserTokenClient.signOutUser). */
  onSignOut?: (context: TurnContext) => Promise<void | boolean>;
  /** Sample-tenant mode: "sign in as helpdesk". Resolves true when it switched (and said so). */
  onSignInAs?: (context: TurnContext, persona: string) => Promise<boolean>;
  /** Pending write actions: a Confirm/Cancel click that reaches no waiting dialog is answered from here. */
  actions?: PendingActions;
  /** Watches and the health report (id WATCH_DIALOG, begun with WatchDialogOptions). Without it, watch commands say so. */
  watch?: Dialog;
}
