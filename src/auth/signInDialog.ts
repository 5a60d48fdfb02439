/**
 * What both sign-in modes do the same way: read the purpose, route a turn (sign-in card buttons, another card's
 * button, typed text, anything else), answer stale buttons, "Continue without signing in", and the language and
 * card sending. Each mode (src/auth/oauthSignIn.ts, src/auth/sampleSignIn.ts) fills in the rest.
 */
import { ActivityTypes, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ACTION_VERSION, readCardAction, type CardAction } from '../cards/actions';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import { resolveLang, t, type Lang } from '../i18n';
import { acknowledgeInvoke } from './sso';
import {
  SIGNIN_DIALOG_ID,
  isSignInVerb,
  type FallbackReason,
  type GraphSignIn,
  type SignInConfig,
  type SignInDialogOptions,
  type SignInMode,
  type SignInPreference,
  type SignInPurpose,
  type SignInResult,
  type SignInVerb,
} from './signInTypes';

export interface SignInDialogState {
  purpose: SignInPurpose;
  step?: 'persona' | 'consent' | 'oauth';
  ssoFailed?: boolean;
  inChannel?: boolean;
}

export abstract class SignInDialogBase extends ComponentDialog implements GraphSignIn {
  abstract readonly mode: SignInMode;
  abstract readonly canWrite: boolean;
  readonly dialogId = SIGNIN_DIALOG_ID;
  protected readonly preference: StatePropertyAccessor<SignInPreference>;
  protected readonly langOf: (context: TurnContext) => Lang | Promise<Lang>;

  protected constructor(config: SignInConfig) {
    super(SIGNIN_DIALOG_ID);
    this.preference = config.userState.createProperty<SignInPreference>('signInPreference');
    this.langOf = config.lang ?? ((context) => resolveLang(context.activity.locale));
  }

  abstract currentPersona(context: TurnContext): Promise<string | undefined>;
  abstract setPersona(context: TurnContext, persona: string): Promise<boolean>;
  abstract signOut(context: TurnContext, options?: { quiet?: boolean }): Promise<void>;

  /** The first turn of a sign-in. */
  protected abstract begin(dc: DialogContext, lang: Lang, purpose: SignInPurpose): Promise<DialogTurnResult>;
  /** Text typed while the sign-in waits. */
  protected abstract onText(dc: DialogContext, lang: Lang, text: string): Promise<DialogTurnResult>;
  /** Any other activity (invokes, events) while the sign-in waits. */
  protected abstract onOther(dc: DialogContext, lang: Lang): Promise<DialogTurnResult>;
  /** A current-version click on one of this mode's own buttons ("Continue without signing in" is handled here). */
  protected abstract onButton(dc: DialogContext, lang: Lang, verb: Exclude<SignInVerb, 'signin.guided'>, action: CardAction): Promise<DialogTurnResult>;

  override async beginDialog(dc: DialogContext, options?: SignInDialogOptions): Promise<DialogTurnResult> {
    const purpose: SignInPurpose = options?.purpose === 'write' ? 'write' : 'read';
    this.stateOf(dc).purpose = purpose;
    return this.begin(dc, await this.langOf(dc.context), purpose);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    const lang = await this.langOf(dc.context);
    const action = readCardAction(activity);
    if (action && isSignInVerb(action.verb)) return this.onCardAction(dc, lang, action);
    if (action) {
      // A button of another card: the admin moved on. Hand back to the caller, which routes the click.
      return this.fallback(dc, lang, 'declined', false);
    }
    if (activity.type === ActivityTypes.Message) return this.onText(dc, lang, activity.text ?? '');
    return this.onOther(dc, lang);
  }

  private async onCardAction(dc: DialogContext, lang: Lang, action: CardAction): Promise<DialogTurnResult> {
    const context = dc.context;
    if (action.v !== ACTION_VERSION) {
      await acknowledgeInvoke(context, t(lang, 'auth.stale'));
      await context.sendActivity(t(lang, 'auth.stale'));
      return Dialog.EndOfTurn;
    }
    await acknowledgeInvoke(context);
    const verb = action.verb as SignInVerb;
    if (verb === 'signin.guided') return this.fallback(dc, lang, this.stateOf(dc).ssoFailed ? 'failed' : 'declined');
    return this.onButton(dc, lang, verb, action);
  }

  /** Begin the inner dialogs (the OAuth prompts); `options` reach `onBeginDialog`. */
  protected beginInner(dc: DialogContext, options: object): Promise<DialogTurnResult> {
    return super.beginDialog(dc, options);
  }

  /** The inner dialogs (the OAuth prompts) go on with this turn. */
  protected continueInner(dc: DialogContext): Promise<DialogTurnResult> {
    return super.continueDialog(dc);
  }

  protected async sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
  }

  protected async fallback(dc: DialogContext, lang: Lang, reason: FallbackReason, say = true): Promise<DialogTurnResult> {
    if (say) await dc.context.sendActivity(t(lang, 'auth.guided.chosen'));
    return this.end(dc, { fallback: 'guided', reason });
  }

  protected end(dc: DialogContext, result: SignInResult): Promise<DialogTurnResult> {
    return dc.endDialog(result);
  }

  protected stateOf(dc: DialogContext): SignInDialogState {
    return dc.activeDialog!.state as SignInDialogState;
  }
}
