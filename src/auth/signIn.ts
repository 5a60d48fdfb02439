/**
 * The sign-in seam the rest of the bot uses: begin the dialog `createSignInDialog` returns (id SIGNIN_DIALOG_ID)
 * with `{ purpose: 'read' | 'write' }`; it ends with `{ token, persona? }` or `{ fallback: 'guided', reason }` —
 * never a dead end. The mode is picked here, once, from the configuration:
 *   live   → src/auth/oauthSignIn.ts  (OAuthPrompt, Teams SSO, sign-in card in channels, write connection)
 *   sample → src/auth/sampleSignIn.ts (a sample-tenant persona, simulated write consent)
 * Typed "sign in as …" / "sign out" are parsed by src/auth/commands.ts, for the dialogs and the modes alike.
 */
import { OAuthSignInDialog } from './oauthSignIn';
import { SampleSignInDialog } from './sampleSignIn';
import type { SignInConfig, SignInDialog } from './signInTypes';

export * from './signInTypes';

/** The sign-in dialog for the configured mode. Live mode needs `connectionName` (throws without it). */
export function createSignInDialog(config: SignInConfig): SignInDialog {
  return config.mode === 'sample' ? new SampleSignInDialog(config) : new OAuthSignInDialog(config);
}
