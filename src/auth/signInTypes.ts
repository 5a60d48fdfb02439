/**
 * What callers and both sign-in modes share: the dialog id, the card verbs, the options the dialogs begin sign-in
 * with and the results it ends with. The seam itself (the factory that picks the mode) is src/auth/signIn.ts.
 */
import type { Dialog } from 'botbuilder-dialogs';
import type { TurnContext, UserState } from 'botbuilder';
import type { Lang } from '../i18n';

export const SIGNIN_DIALOG_ID = 'signIn';

/** Every card verb the sign-in cards carry (all with `v: 1`). */
export const SIGNIN_VERBS = ['signin.persona', 'signin.consent', 'signin.guided', 'signin.retry'] as const;
export type SignInVerb = (typeof SIGNIN_VERBS)[number];

export function isSignInVerb(verb: string): verb is SignInVerb {
  return (SIGNIN_VERBS as readonly string[]).includes(verb);
}

export type SignInPurpose = 'read' | 'write';
export type SignInMode = 'sample' | 'live';
export type FallbackReason = 'declined' | 'failed' | 'unsupported' | 'timeout';

export interface SignInDialogOptions {
  purpose?: SignInPurpose;
}

export interface SignInSuccess {
  /** Use it now and let it go out of scope; never store it. In sample mode it is the persona name. */
  token: string;
  /** Sample mode only. */
  persona?: string;
}

export interface SignInFallback {
  fallback: 'guided';
  reason: FallbackReason;
}

export type SignInResult = SignInSuccess | SignInFallback;

export function isSignInSuccess(result: unknown): result is SignInSuccess {
  return typeof result === 'object' && result !== null && typeof (result as SignInSuccess).token === 'string';
}

/** What the bot and dialogs need from sign-in, whichever mode runs. */
export interface GraphSignIn {
  readonly mode: SignInMode;
  /** Dialog id to begin with `{ purpose }`. */
  readonly dialogId: string;
  /** False when write actions are unavailable (live mode without OAUTH_WRITE_CONNECTION_NAME). */
  readonly canWrite: boolean;
  /** Sample mode: "sign in as helpdesk". Returns false (and says why) in live mode or for an invalid name. */
  setPersona(context: TurnContext, persona: string): Promise<boolean>;
  /** Sample mode: the persona this user is signed in as, if any. */
  currentPersona(context: TurnContext): Promise<string | undefined>;
  /**
   * "sign out": Token Service sign-out of every connection (live) and forget the sample persona. `quiet`: say
   * nothing (the caller explains why, e.g. an expired sign-in).
   */
  signOut(context: TurnContext, options?: { quiet?: boolean }): Promise<void>;
}

/** The sign-in dialog as the dialogs hold it: begin it by `dialogId`, ask it the rest. */
export type SignInDialog = Dialog & GraphSignIn;

export interface SignInConfig {
  mode: SignInMode;
  /** OAUTH_CONNECTION_NAME: the read connection (core scopes). Required in live mode. */
  connectionName?: string;
  /** OAUTH_WRITE_CONNECTION_NAME: a second connection with Synchronization.ReadWrite.All. Unset → no writes. */
  writeConnectionName?: string;
  /** SAMPLE_TENANT_PERSONA (default 'ga'). */
  defaultPersona?: string;
  userState: UserState;
  /** The user's language; default from the activity locale. */
  lang?: (context: TurnContext) => Lang | Promise<Lang>;
  /** OAuthPrompt timeout (default 15 minutes). */
  timeoutMs?: number;
}

/** Kept in user state: a preference, never a token. */
export interface SignInPreference {
  persona?: string;
  writeConsent?: boolean;
}
