/**
 * The sign-in seam the rest of the bot uses: begin `SignInDialog` (id SIGNIN_DIALOG_ID) with
 * `{ purpose: 'read' | 'write' }`; it ends with `{ token, persona? }` or `{ fallback: 'guided', reason }` —
 * never a dead end.
 *
 * live mode:   the real botbuilder OAuthPrompt against the Bot Framework Token Service (SSO token exchange,
 *              sign-in window + verifyState, or a typed magic code). Tokens are always fetched for
 *              `activity.from.id`, the person who sent the activity, so in a channel one admin's token never
 *              serves another's request. In channels the OAuth card is sent without tokenExchangeResource
 *              (SSO always fails there) and the text says the sign-in is personal.
 * sample mode: sign-in is simulated as a persona of the sample tenant; the "token" is the persona name, which
 *              the Graph client sends as `Authorization: Bearer <persona>`. Write purpose asks for a simulated
 *              write consent with a card, so the UX matches live mode offline.
 *
 * The token is returned to the caller for immediate use only: it is never put in dialog/bot state or logged.
 * Only the sample persona (and a sample write-consent flag) may be kept in user state, as a preference.
 */
import {
  ActivityTypes,
  CardFactory,
  InputHints,
  MessageFactory,
  type Activity,
  type Attachment,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  OAuthPrompt,
  type DialogContext,
  type DialogTurnResult,
  type PromptOptions,
} from 'botbuilder-dialogs';
import { ACTION_VERSION, readCardAction, type CardAction } from '../cards/actions';
import { cardAttachment } from '../cards/render';
import { resolveLang, t, type Lang } from '../i18n';
import { log } from '../log';
import { consentCard, personaCard, signInOptionsCard } from './cards';
import { normalizePersona, parseSignInCommand, personaLabel } from './personas';
import { acknowledgeInvoke, recordSignInFailure, signOut as signOutConnection, userTokenClientOf } from './sso';

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

interface SignInDialogState {
  purpose: SignInPurpose;
  step?: 'persona' | 'consent' | 'oauth';
  ssoFailed?: boolean;
  inChannel?: boolean;
}

const READ_PROMPT_ID = 'signIn.oauth.read';
const WRITE_PROMPT_ID = 'signIn.oauth.write';
const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;

export class SignInDialog extends ComponentDialog implements GraphSignIn {
  readonly mode: SignInMode;
  readonly dialogId = SIGNIN_DIALOG_ID;
  private readonly connectionName?: string;
  private readonly writeConnectionName?: string;
  private readonly defaultPersona: string;
  private readonly preference: StatePropertyAccessor<SignInPreference>;
  private readonly langOf: (context: TurnContext) => Lang | Promise<Lang>;

  constructor(private readonly config: SignInConfig) {
    super(SIGNIN_DIALOG_ID);
    this.mode = config.mode;
    this.connectionName = config.connectionName || undefined;
    this.writeConnectionName = config.writeConnectionName || undefined;
    this.defaultPersona = normalizePersona(config.defaultPersona ?? 'ga') ?? 'ga';
    this.preference = config.userState.createProperty<SignInPreference>('signInPreference');
    this.langOf = config.lang ?? ((context) => resolveLang(context.activity.locale));
    if (this.mode === 'live' && !this.connectionName) {
      throw new Error('SignInDialog: live mode needs OAUTH_CONNECTION_NAME (the OAuth connection of the Azure Bot)');
    }
    const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (this.connectionName) {
      this.addDialog(new OAuthPrompt(READ_PROMPT_ID, { connectionName: this.connectionName, title: 'Sign in', timeout }));
    }
    if (this.writeConnectionName) {
      this.addDialog(
        new OAuthPrompt(WRITE_PROMPT_ID, { connectionName: this.writeConnectionName, title: 'Sign in', timeout }),
      );
    }
  }

  get canWrite(): boolean {
    return this.mode === 'sample' || Boolean(this.writeConnectionName);
  }

  // ---- GraphSignIn -------------------------------------------------------------------------------------------

  async currentPersona(context: TurnContext): Promise<string | undefined> {
    if (this.mode !== 'sample') return undefined;
    return (await this.preference.get(context, {})).persona;
  }

  async setPersona(context: TurnContext, persona: string): Promise<boolean> {
    const lang = await this.langOf(context);
    if (this.mode !== 'sample') {
      await context.sendActivity(t(lang, 'auth.persona.liveOnly'));
      return false;
    }
    const name = normalizePersona(persona);
    if (!name) return false;
    const pref = await this.preference.get(context, {});
    // A new persona is a new person: their write consent is theirs to give.
    await this.preference.set(context, { persona: name, writeConsent: pref.persona === name ? pref.writeConsent : false });
    await context.sendActivity(t(lang, 'auth.persona.set', { persona: personaLabel(lang, name) }));
    return true;
  }

  async signOut(context: TurnContext, options: { quiet?: boolean } = {}): Promise<void> {
    const lang = await this.langOf(context);
    if (this.mode === 'live') {
      for (const name of [this.connectionName, this.writeConnectionName]) {
        if (name) await signOutConnection(context, name);
      }
      await this.preference.delete(context);
      if (!options.quiet) await context.sendActivity(t(lang, 'auth.signout.live'));
      return;
    }
    const pref = await this.preference.get(context, {});
    await this.preference.delete(context);
    if (options.quiet) return;
    await context.sendActivity(
      pref.persona
        ? t(lang, 'auth.signout.sample', { persona: personaLabel(lang, pref.persona) })
        : t(lang, 'auth.signout.none'),
    );
  }

  // ---- Dialog ------------------------------------------------------------------------------------------------

  override async beginDialog(dc: DialogContext, options?: SignInDialogOptions): Promise<DialogTurnResult> {
    const purpose: SignInPurpose = options?.purpose === 'write' ? 'write' : 'read';
    const state = this.stateOf(dc);
    state.purpose = purpose;
    const lang = await this.langOf(dc.context);
    if (this.mode === 'sample') return this.sampleNext(dc, lang);
    return this.beginLive(dc, lang, purpose);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const activity = context.activity;
    const state = this.stateOf(dc);
    const lang = await this.langOf(context);

    if (activity.type === ActivityTypes.Invoke && activity.name === 'signin/failure') {
      const info = await recordSignInFailure(context);
      state.ssoFailed = true;
      await context.sendActivity({
        type: ActivityTypes.Message,
        text: t(lang, 'auth.sso.failed', { code: info.code }),
        attachments: [this.optionsCard(lang, true)],
      });
      return Dialog.EndOfTurn;
    }

    const action = readCardAction(activity);
    if (action && isSignInVerb(action.verb)) return this.onCardAction(dc, lang, action);
    if (action) {
      // A button of another card: the admin moved on. Hand back to the caller, which routes the click.
      return this.fallback(dc, lang, 'declined', false);
    }

    if (activity.type === ActivityTypes.Message) {
      const command = parseSignInCommand(activity.text);
      if (this.mode === 'sample') {
        if (command?.kind === 'persona') return this.choosePersona(dc, lang, command.persona);
        return this.fallback(dc, lang, 'declined');
      }
      // Live: a six-digit magic code goes to the OAuthPrompt; anything else means the admin moved on.
      if (!/\d{6}/.test(activity.text ?? '')) return this.fallback(dc, lang, 'declined');
      return super.continueDialog(dc);
    }

    if (this.mode === 'live' && activity.type === ActivityTypes.Invoke) return super.continueDialog(dc);
    if (this.mode === 'live' && activity.type === ActivityTypes.Event) return super.continueDialog(dc);
    return Dialog.EndOfTurn;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: unknown): Promise<DialogTurnResult> {
    const { promptId, prompt } = options as { promptId: string; prompt: PromptOptions };
    return innerDc.beginDialog(promptId, prompt);
  }

  /** The inner OAuthPrompt ended: a TokenResponse, or undefined (it only ends empty on timeout). */
  protected override async endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const token = (result as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string' && token.length > 0) return outerDc.endDialog({ token } satisfies SignInSuccess);
    const lang = await this.langOf(outerDc.context);
    await outerDc.context.sendActivity(t(lang, 'auth.timeout'));
    return outerDc.endDialog({ fallback: 'guided', reason: 'timeout' } satisfies SignInFallback);
  }

  // ---- live --------------------------------------------------------------------------------------------------

  private async beginLive(dc: DialogContext, lang: Lang, purpose: SignInPurpose): Promise<DialogTurnResult> {
    const context = dc.context;
    const connectionName = purpose === 'write' ? this.writeConnectionName : this.connectionName;
    if (!connectionName) {
      await context.sendActivity(t(lang, 'auth.write.unavailable'));
      return this.end(dc, { fallback: 'guided', reason: 'unsupported' });
    }
    const client = userTokenClientOf(context);
    const userId = context.activity.from?.id;
    if (!client || !userId) {
      await context.sendActivity(t(lang, 'auth.live.unavailable'));
      return this.end(dc, { fallback: 'guided', reason: 'unsupported' });
    }
    let signInCard: Attachment;
    const inChannel = context.activity.conversation?.conversationType === 'channel';
    try {
      // Already signed in at the Token Service (for this person and connection)? Then no card at all.
      const existing = await client.getUserToken(userId, connectionName, context.activity.channelId, undefined as unknown as string);
      if (existing?.token) return this.end(dc, { token: existing.token });
      signInCard = await this.oauthCard(context, lang, purpose, connectionName, !inChannel);
    } catch (err) {
      log.warn('signin.start_failed', { error: errorSummary(err) });
      await context.sendActivity(t(lang, 'auth.live.error'));
      return this.end(dc, { fallback: 'guided', reason: 'failed' });
    }
    const state = this.stateOf(dc);
    state.step = 'oauth';
    state.inChannel = inChannel;
    const intro = [
      purpose === 'write' ? t(lang, 'auth.live.write.intro') : t(lang, 'auth.live.intro'),
      inChannel ? t(lang, 'auth.live.channelNote') : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    const prompt: Partial<Activity> = {
      type: ActivityTypes.Message,
      text: intro,
      inputHint: InputHints.AcceptingInput,
      attachments: [signInCard, this.optionsCard(lang, false)],
    };
    const retryPrompt = MessageFactory.text(t(lang, 'auth.live.badCode'), undefined, InputHints.AcceptingInput);
    return super.beginDialog(dc, {
      promptId: purpose === 'write' ? WRITE_PROMPT_ID : READ_PROMPT_ID,
      prompt: { prompt, retryPrompt } satisfies PromptOptions,
    });
  }

  /**
   * The OAuth card, built here (not by OAuthPrompt) so its texts follow the user's language and, in channels,
   * it carries no tokenExchangeResource (SSO always fails there with resourcematchfailed).
   */
  private async oauthCard(
    context: TurnContext,
    lang: Lang,
    purpose: SignInPurpose,
    connectionName: string,
    withSso: boolean,
  ): Promise<Attachment> {
    const client = userTokenClientOf(context);
    if (!client) throw new Error('no UserTokenClient in turn state');
    const resource = await client.getSignInResource(connectionName, context.activity as Activity, undefined as unknown as string);
    return CardFactory.oauthCard(
      connectionName,
      t(lang, 'auth.live.title'),
      t(lang, purpose === 'write' ? 'auth.live.write.text' : 'auth.live.text'),
      resource.signInLink,
      withSso ? resource.tokenExchangeResource : undefined,
    );
  }

  private optionsCard(lang: Lang, afterFailure: boolean): Attachment {
    return cardAttachment(signInOptionsCard(lang, { retry: afterFailure && this.mode === 'live' }));
  }

  // ---- sample ------------------------------------------------------------------------------------------------

  /** Sample mode: persona first, then (for write) the simulated consent, then done. */
  private async sampleNext(dc: DialogContext, lang: Lang): Promise<DialogTurnResult> {
    const context = dc.context;
    const state = this.stateOf(dc);
    const pref = await this.preference.get(context, {});
    if (!pref.persona) {
      state.step = 'persona';
      await context.sendActivity(MessageFactory.attachment(this.personaCard(lang)));
      return Dialog.EndOfTurn;
    }
    if (state.purpose === 'write' && !pref.writeConsent) {
      state.step = 'consent';
      await context.sendActivity(MessageFactory.attachment(this.consentCard(lang, pref.persona)));
      return Dialog.EndOfTurn;
    }
    return this.end(dc, { token: pref.persona, persona: pref.persona });
  }

  private personaCard(lang: Lang): Attachment {
    return cardAttachment(personaCard(lang, this.defaultPersona));
  }

  private consentCard(lang: Lang, persona: string): Attachment {
    return cardAttachment(consentCard(lang, persona));
  }

  private async choosePersona(dc: DialogContext, lang: Lang, persona: string): Promise<DialogTurnResult> {
    const name = normalizePersona(persona);
    if (!name) {
      await dc.context.sendActivity(MessageFactory.attachment(this.personaCard(lang)));
      return Dialog.EndOfTurn;
    }
    const pref = await this.preference.get(dc.context, {});
    await this.preference.set(dc.context, { persona: name, writeConsent: pref.persona === name ? pref.writeConsent : false });
    await dc.context.sendActivity(t(lang, 'auth.sample.signedIn', { persona: personaLabel(lang, name) }));
    return this.sampleNext(dc, lang);
  }

  // ---- shared ------------------------------------------------------------------------------------------------

  private async onCardAction(dc: DialogContext, lang: Lang, action: CardAction): Promise<DialogTurnResult> {
    const context = dc.context;
    const state = this.stateOf(dc);
    if (action.v !== ACTION_VERSION) {
      await acknowledgeInvoke(context, t(lang, 'auth.stale'));
      await context.sendActivity(t(lang, 'auth.stale'));
      return Dialog.EndOfTurn;
    }
    await acknowledgeInvoke(context);
    switch (action.verb as SignInVerb) {
      case 'signin.guided':
        return this.fallback(dc, lang, state.ssoFailed ? 'failed' : 'declined');
      case 'signin.persona':
        if (this.mode !== 'sample') return Dialog.EndOfTurn;
        return this.choosePersona(dc, lang, typeof action.data.persona === 'string' ? action.data.persona : '');
      case 'signin.consent': {
        if (this.mode !== 'sample' || state.step !== 'consent') return Dialog.EndOfTurn;
        const pref = await this.preference.get(context, {});
        if (!pref.persona) return this.sampleNext(dc, lang);
        await this.preference.set(context, { ...pref, writeConsent: true });
        await context.sendActivity(t(lang, 'auth.sample.consent.given', { persona: personaLabel(lang, pref.persona) }));
        return this.end(dc, { token: pref.persona, persona: pref.persona });
      }
      case 'signin.retry': {
        if (this.mode !== 'live') return Dialog.EndOfTurn;
        const purpose = state.purpose;
        const connectionName = purpose === 'write' ? this.writeConnectionName : this.connectionName;
        if (!connectionName) return Dialog.EndOfTurn;
        try {
          const card = await this.oauthCard(context, lang, purpose, connectionName, false);
          await context.sendActivity({ type: ActivityTypes.Message, text: t(lang, 'auth.sso.retry.text'), attachments: [card] });
        } catch (err) {
          log.warn('signin.start_failed', { error: errorSummary(err) });
          await context.sendActivity(t(lang, 'auth.live.error'));
          return this.end(dc, { fallback: 'guided', reason: 'failed' });
        }
        return Dialog.EndOfTurn;
      }
    }
    return Dialog.EndOfTurn;
  }

  private async fallback(dc: DialogContext, lang: Lang, reason: FallbackReason, say = true): Promise<DialogTurnResult> {
    if (say) await dc.context.sendActivity(t(lang, 'auth.guided.chosen'));
    return this.end(dc, { fallback: 'guided', reason });
  }

  private end(dc: DialogContext, result: SignInResult): Promise<DialogTurnResult> {
    return dc.endDialog(result);
  }

  private stateOf(dc: DialogContext): SignInDialogState {
    return dc.activeDialog!.state as SignInDialogState;
  }
}

function errorSummary(err: unknown): string {
  const e = err as { statusCode?: number; code?: string; name?: string };
  return [e?.name, e?.code, e?.statusCode].filter(Boolean).join(' ') || 'error';
}
