/**
 * Live sign-in: the real botbuilder OAuthPrompt against the Bot Framework Token Service (Teams SSO token exchange,
 * the sign-in window + verifyState, or a typed magic code). Tokens are always fetched for `activity.from.id`, the
 * person who sent the activity, so in a channel one admin's token never serves another's request. In channels the
 * OAuth card is sent without tokenExchangeResource (SSO always fails there) and the text says the sign-in is
 * personal. Writes use a second OAuth connection (OAUTH_WRITE_CONNECTION_NAME); without it there are no writes.
 *
 * The token is returned to the caller for immediate use only: it is never put in dialog/bot state or logged.
 */
import { ActivityTypes, CardFactory, InputHints, MessageFactory, type Activity, type Attachment, type TurnContext } from 'botbuilder';
import { Dialog, OAuthPrompt, type DialogContext, type DialogTurnResult, type PromptOptions } from 'botbuilder-dialogs';
import { cardAttachment } from '../cards/render';
import { t, type Lang } from '../i18n';
import { log } from '../log';
import { signInOptionsCard } from './cards';
import { recordSignInFailure, signOut as signOutConnection, userTokenClientOf } from './sso';
import { SignInDialogBase } from './signInDialog';
import type { SignInConfig, SignInFallback, SignInPurpose, SignInSuccess, SignInVerb } from './signInTypes';

const READ_PROMPT_ID = 'signIn.oauth.read';
const WRITE_PROMPT_ID = 'signIn.oauth.write';
const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;

export class OAuthSignInDialog extends SignInDialogBase {
  readonly mode = 'live' as const;
  private readonly connectionName: string;
  private readonly writeConnectionName?: string;

  constructor(config: SignInConfig) {
    super(config);
    if (!config.connectionName) {
      throw new Error('SignInDialog: live mode needs OAUTH_CONNECTION_NAME (the OAuth connection of the Azure Bot)');
    }
    this.connectionName = config.connectionName;
    this.writeConnectionName = config.writeConnectionName || undefined;
    const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.addDialog(new OAuthPrompt(READ_PROMPT_ID, { connectionName: this.connectionName, title: 'Sign in', timeout }));
    if (this.writeConnectionName) {
      this.addDialog(new OAuthPrompt(WRITE_PROMPT_ID, { connectionName: this.writeConnectionName, title: 'Sign in', timeout }));
    }
  }

  get canWrite(): boolean {
    return Boolean(this.writeConnectionName);
  }

  async currentPersona(): Promise<string | undefined> {
    return undefined;
  }

  /** Personas are a sample-tenant thing: here you sign in with your own account. */
  async setPersona(context: TurnContext): Promise<boolean> {
    await context.sendActivity(t(await this.langOf(context), 'auth.persona.liveOnly'));
    return false;
  }

  /** Token Service sign-out of every connection, for the person who asked. */
  async signOut(context: TurnContext, options: { quiet?: boolean } = {}): Promise<void> {
    for (const name of [this.connectionName, this.writeConnectionName]) {
      if (name) await signOutConnection(context, name);
    }
    await this.preference.delete(context);
    if (!options.quiet) await context.sendActivity(t(await this.langOf(context), 'auth.signout.live'));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Invoke || activity.name !== 'signin/failure') return super.continueDialog(dc);
    // Teams could not do SSO (e.g. resourcematchfailed): offer the sign-in window or guided mode.
    const info = await recordSignInFailure(dc.context);
    this.stateOf(dc).ssoFailed = true;
    const lang = await this.langOf(dc.context);
    await dc.context.sendActivity({
      type: ActivityTypes.Message,
      text: t(lang, 'auth.sso.failed', { code: info.code }),
      attachments: [this.optionsCard(lang, true)],
    });
    return Dialog.EndOfTurn;
  }

  /** A six-digit magic code goes to the OAuthPrompt; anything else means the admin moved on. */
  protected async onText(dc: DialogContext, lang: Lang, text: string): Promise<DialogTurnResult> {
    if (!/\d{6}/.test(text)) return this.fallback(dc, lang, 'declined');
    return this.continueInner(dc);
  }

  /** signin/verifyState, signin/tokenExchange and the Token Service's events belong to the OAuthPrompt. */
  protected async onOther(dc: DialogContext): Promise<DialogTurnResult> {
    const type = dc.context.activity.type;
    if (type === ActivityTypes.Invoke || type === ActivityTypes.Event) return this.continueInner(dc);
    return Dialog.EndOfTurn;
  }

  /** "Sign in without SSO" after a failure: the sign-in card again, without the token exchange. */
  protected async onButton(dc: DialogContext, lang: Lang, verb: SignInVerb): Promise<DialogTurnResult> {
    if (verb !== 'signin.retry') return Dialog.EndOfTurn;
    const context = dc.context;
    const purpose = this.stateOf(dc).purpose;
    const connectionName = this.connectionFor(purpose);
    if (!connectionName) return Dialog.EndOfTurn;
    try {
      const card = await this.oauthCard(context, lang, purpose, connectionName, false);
      await context.sendActivity({ type: ActivityTypes.Message, text: t(lang, 'auth.sso.retry.text'), attachments: [card] });
    } catch (err) {
      return this.startFailed(dc, lang, err);
    }
    return Dialog.EndOfTurn;
  }

  protected async begin(dc: DialogContext, lang: Lang, purpose: SignInPurpose): Promise<DialogTurnResult> {
    const context = dc.context;
    const connectionName = this.connectionFor(purpose);
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
      return this.startFailed(dc, lang, err);
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
    return this.beginInner(dc, {
      promptId: purpose === 'write' ? WRITE_PROMPT_ID : READ_PROMPT_ID,
      prompt: { prompt, retryPrompt } satisfies PromptOptions,
    });
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

  private connectionFor(purpose: SignInPurpose): string | undefined {
    return purpose === 'write' ? this.writeConnectionName : this.connectionName;
  }

  private async startFailed(dc: DialogContext, lang: Lang, err: unknown): Promise<DialogTurnResult> {
    log.warn('signin.start_failed', { error: errorSummary(err) });
    await dc.context.sendActivity(t(lang, 'auth.live.error'));
    return this.end(dc, { fallback: 'guided', reason: 'failed' });
  }

  /**
   * The OAuth card, built here (not by OAuthPrompt) so its texts follow the user's language and, in channels,
   * it carries no tokenExchangeResource (SSO always fails there with resourcematchfailed).
   */
  private async oauthCard(context: TurnContext, lang: Lang, purpose: SignInPurpose, connectionName: string, withSso: boolean): Promise<Attachment> {
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
    return cardAttachment(signInOptionsCard(lang, { retry: afterFailure }));
  }
}

function errorSummary(err: unknown): string {
  const e = err as { statusCode?: number; code?: string; name?: string };
  return [e?.name, e?.code, e?.statusCode].filter(Boolean).join(' ') || 'error';
}
