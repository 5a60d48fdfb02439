/**
 * SyncHelperBot: routing only. Every turn that carries something the admin said or clicked goes to the root dialog
 * (whose state lives in PrivateConversationState: per user per conversation, so two admins in one channel thread
 * never share a waterfall). Install events trigger the welcome exactly once, also across instances (a create-only
 * record). When another turn of the same conversation saved its dialog state first (two instances, or a double
 * click), the turn runs again on the newer state instead of overwriting it. Nothing here knows about issues,
 * Graph or cards beyond handing the dialog's card back as the invoke response.
 */
import {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  INVOKE_RESPONSE_KEY,
  InvokeResponse,
  PrivateConversationState,
  SigninStateVerificationQuery,
  StatePropertyAccessor,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  UserState,
} from 'botbuilder';
import { Dialog, DialogState, runDialog } from 'botbuilder-dialogs';
import { Clock, systemClock } from '../clock';
import { MAX_MESSAGE_BYTES } from '../config';
import { LangStore } from '../dialogs/lang';
import { resolveLang, t } from '../i18n';
import { log } from '../log';
import { StateConflictError, tenantOf } from '../state/botState';
import type { RecordStore } from '../state/records';
import { ConversationReferenceStore, RecordConversationReferenceStore, StoredConversationReference } from './conversationReferences';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardResponse, errorResponse, messageResponse } from '../cards/invoke';
import { clickedCardReplaced, replaceClickedCard, takeInvokeResponse } from '../cards/clickedCard';
import { readCardAction } from '../cards/actions';
import { messageCard } from '../cards/cards';
import type { AdaptiveCard } from '../cards/render';
import { DEFAULT_BUDGETS, TIMED_OUT, within, type Budgets } from '../deadline';
import { answerNowOf } from './answerNow';
import { normalizeText } from './mentions';

/** Turn-state key: the message text exactly as Teams sent it (before mention normalising). */
export const ORIGINAL_TEXT = Symbol('synchelper.originalText');

export interface SyncHelperBotOptions {
  /** The conversation. LEAD: plug `RootDialog` from src/dialogs here (composition root). */
  rootDialog: Dialog;
  /** Holds the dialog stack (per user per conversation). */
  privateConversationState: PrivateConversationState;
  /** Preferences (language, …). Saved after every turn when given. */
  userState?: UserState;
  /** Shared records: "already welcomed" marks (and, by default, conversation references). */
  records: RecordStore;
  /** Sends the welcome (card) into the current conversation. Called at most once per install. */
  onInstalled?: (context: TurnContext) => Promise<void>;
  conversationReferences?: ConversationReferenceStore;
  clock?: Clock;
  /** How long a card click may take before it is answered with "Checking…". */
  budgets?: Budgets;
}

interface WelcomeMark {
  /** 'sending' while one instance sends the welcome (expires, so a crash mid-send is retried), then 'sent'. */
  state: 'sending' | 'sent';
  at: string;
}

/** How long a claimed-but-unsent welcome blocks others (an instance that died mid-send frees it after this). */
const WELCOME_CLAIM_MS = 2 * 60 * 1000;
/** Runs of one turn when other turns of the same conversation keep saving first. */
const TURN_ATTEMPTS = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function channelDataOf(context: TurnContext): Record<string, unknown> {
  return isRecord(context.activity.channelData) ? context.activity.channelData : {};
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === 'string' && value.id ? value.id : undefined;
}

export class SyncHelperBot extends TeamsActivityHandler {
  private readonly rootDialog: Dialog;
  private readonly privateConversationState: PrivateConversationState;
  private readonly userState?: UserState;
  private readonly records: RecordStore;
  private readonly onInstalled?: (context: TurnContext) => Promise<void>;
  readonly conversationReferences: ConversationReferenceStore;
  private readonly clock: Clock;
  private readonly budgets: Budgets;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly langs: LangStore;

  constructor(options: SyncHelperBotOptions) {
    super();
    this.rootDialog = options.rootDialog;
    this.privateConversationState = options.privateConversationState;
    this.userState = options.userState;
    this.records = options.records;
    this.onInstalled = options.onInstalled;
    this.conversationReferences = options.conversationReferences ?? new RecordConversationReferenceStore(options.records);
    this.clock = options.clock ?? systemClock;
    this.budgets = options.budgets ?? DEFAULT_BUDGETS;
    this.dialogState = this.privateConversationState.createProperty<DialogState>('DialogState');
    this.langs = new LangStore(this.userState);

    this.onMessage(async (context, next) => {
      await this.saveReference(context);
      const original = context.activity.text;
      context.turnState.set(ORIGINAL_TEXT, original);
      if (typeof original === 'string' && Buffer.byteLength(original, 'utf8') > MAX_MESSAGE_BYTES) {
        // Longer than Teams sends: a short answer, and the recogniser never sees it.
        await context.sendActivity(t(await this.langs.get(context), 'common.message.tooLong'));
        await next();
        return;
      }
      context.activity.text = normalizeText(context.activity);
      await this.runRootDialog(context);
      await next();
    });

    this.onInstallationUpdate(async (context, next) => {
      const action = typeof context.activity.action === 'string' ? context.activity.action.toLowerCase() : '';
      if (action === 'add') {
        await this.saveReference(context, { install: true });
        await this.welcomeOnce(context);
      } else if (action === 'remove') {
        await this.forgetWelcome(context);
      }
      // 'add-upgrade' / 'remove-upgrade': a new app version, not a new install — no second welcome.
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => botId && m?.id === botId);
      if (botAdded) {
        await this.saveReference(context, { install: true });
        await this.welcomeOnce(context);
      }
      await next();
    });
  }

  /**
   * Runs the turn, then saves dialog and user state. Dialog state is saved only if nobody saved it since this turn
   * read it (GuardedConversationState); otherwise the turn runs again on the newer state, so two racing turns of
   * one conversation both count. The cost: what the first run already sent stays sent.
   */
  override async run(context: TurnContext): Promise<void> {
    const text = context.activity.text;
    for (let attempt = 1; ; attempt++) {
      try {
        await super.run(context);
        await this.privateConversationState.saveChanges(context, false);
        break;
      } catch (err) {
        if (!(err instanceof StateConflictError) || attempt >= TURN_ATTEMPTS) throw err;
        log.info('dialog state changed under this turn: running it again on the newer state', { attempt });
        context.activity.text = text;
        context.turnState.delete(INVOKE_RESPONSE_KEY);
        await this.privateConversationState.load(context, true);
      }
    }
    if (this.userState) await this.userState.saveChanges(context, false);
  }

  // ---- invokes ---------------------------------------------------------------------------------------------

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const activity = context.activity;
    // The conversation's language (the admin's stored choice); without a sender there is no stored choice to read.
    const lang = activity.from?.id ? await this.langs.get(context) : resolveLang(activity.locale);
    if (activity.name === 'signin/failure') {
      const value = isRecord(activity.value) ? activity.value : {};
      log.warn('Teams sign-in failed on the client', {
        code: typeof value.code === 'string' ? value.code : 'unknown',
        conversationType: activity.conversation?.conversationType,
      });
      // The dialog (sign-in step) sees the failure and falls back to the sign-in card / guided mode.
      await this.runRootDialog(context);
      return { status: 200 };
    }
    if (activity.name === 'adaptiveCard/action') {
      const value = activity.value;
      const action = isRecord(value) ? value.action : undefined;
      if (!isRecord(action)) {
        return this.badCardInvoke(lang, 'BadRequest', 'The invoke has no action.');
      }
      if (action.type !== 'Action.Execute') {
        return this.badCardInvoke(lang, 'NotSupported', `The action type '${String(action.type)}' is not supported.`);
      }
      if (!activity.from?.id || !activity.conversation?.id) {
        return this.badCardInvoke(lang, 'BadRequest', 'The invoke has no sender or conversation.');
      }
    }
    return super.onInvokeActivity(context);
  }

  /**
   * A card click. Teams waits only so long for the answer, so when the turn (a live check, say) isn't done within
   * the invoke budget, the click is answered at once — "Checking…" in place of a verdict being refreshed, a short
   * note otherwise — and the card the dialog meant for the clicker replaces the clicked card when it is ready.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, _value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    await this.saveReference(context);
    const lang = await this.langs.get(context);
    const turn = this.runRootDialog(context);
    const answerNow = answerNowOf(context);
    if (!answerNow || (await within(turn, this.budgets.invokeMs)) !== TIMED_OUT) {
      await turn;
      return takeInvokeResponse(context, messageResponse(t(lang, 'common.invoke.received')));
    }
    const refreshing = readCardAction(context.activity)?.verb === 'verdict.refresh';
    const early = refreshing
      ? cardResponse(messageCard({ title: t(lang, 'common.invoke.checkingTitle'), text: t(lang, 'common.invoke.checking') }))
      : messageResponse(t(lang, 'common.invoke.working'));
    answerNow(200, early);
    log.info('card click answered before its turn ended', { verb: readCardAction(context.activity)?.verb, budgetMs: this.budgets.invokeMs });
    await turn;
    // The clicker's card can't change through the invoke response any more: replace the message instead.
    const late = takeInvokeResponse(context, messageResponse(''));
    if (late.type === ADAPTIVE_CARD_CONTENT_TYPE && !clickedCardReplaced(context)) await replaceClickedCard(context, late.value as AdaptiveCard);
    return late;
  }

  protected override async handleTeamsSigninVerifyState(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    await this.runRootDialog(context);
  }

  protected override async handleTeamsSigninTokenExchange(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    await this.runRootDialog(context);
  }

  private badCardInvoke(lang: ReturnType<typeof resolveLang>, code: string, detail: string): InvokeResponse {
    log.warn('card invoke rejected', { code, detail });
    return { status: 400, body: errorResponse(400, code, t(lang, 'common.invoke.badRequest')) };
  }

  // ---- dialog ------------------------------------------------------------------------------------------------

  /** Runs the root dialog for this turn. Turns without a sender or conversation can't have dialog state: ignored. */
  private async runRootDialog(context: TurnContext): Promise<void> {
    const { from, conversation, type, name } = context.activity;
    if (!from?.id || !conversation?.id) {
      log.warn('activity ignored: no sender or conversation', { type, name });
      return;
    }
    await runDialog(this.rootDialog, context, this.dialogState);
  }

  // ---- welcome ---------------------------------------------------------------------------------------------

  /** One welcome per install: per team for team installs (events may name different channels), else per chat. */
  private welcomeKey(context: TurnContext): string | undefined {
    const { channelId, conversation } = context.activity;
    const prefix = `welcomed/${tenantOf(context)}/${channelId}`;
    const teamId = idOf(channelDataOf(context).team);
    if (teamId) return `${prefix}/team/${teamId}`;
    if (!conversation?.id) return undefined;
    return `${prefix}/conversation/${conversation.id.split(';')[0]}`;
  }

  /**
   * Claims the welcome with a create-only record (one instance wins, however many install events arrive where),
   * sends it, then marks it sent. A failed welcome gives the claim back, so the next install event tries again.
   */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    const key = this.welcomeKey(context);
    if (!key || !this.onInstalled) return;
    const at = this.clock.now().toISOString();
    const claim = await this.records.create<WelcomeMark>(key, { state: 'sending', at }, { ttlMs: WELCOME_CLAIM_MS });
    if (!claim) return;
    try {
      await this.onInstalled(context);
    } catch (err) {
      await this.records.delete(key, claim);
      throw err;
    }
    await this.records.replace<WelcomeMark>(key, { state: 'sent', at }, claim);
  }

  private async forgetWelcome(context: TurnContext): Promise<void> {
    const key = this.welcomeKey(context);
    if (key) await this.records.delete(key);
  }

  // ---- conversation references -----------------------------------------------------------------------------

  /** Saves how to reach this conversation; on a team install also asks Teams for the team's channels. */
  private async saveReference(context: TurnContext, options: { install?: boolean } = {}): Promise<void> {
    const activity = context.activity;
    if (!activity.conversation?.id || !activity.serviceUrl) return;
    try {
      const channelData = channelDataOf(context);
      const reference: StoredConversationReference = {
        ...TurnContext.getConversationReference(activity),
        teamsChannelId: idOf(channelData.channel),
        teamsTeamId: idOf(channelData.team),
        teamsChannelName: nameOf(channelData.channel),
        teamsTeamName: nameOf(channelData.team),
        tenantId: tenantOf(context),
      };
      await this.conversationReferences.save(reference);
      if (options.install && reference.teamsTeamId) {
        const channels = await TeamsInfo.getTeamChannels(context, reference.teamsTeamId);
        await this.conversationReferences.setTeamChannels(
          reference,
          channels.filter((c) => typeof c.id === 'string' && c.id).map((c) => ({ id: c.id!, ...(typeof c.name === 'string' && c.name ? { name: c.name } : {}) })),
        );
      }
    } catch (err) {
      // Never let bookkeeping break the admin's turn.
      log.warn('could not store the conversation reference', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}

function nameOf(value: unknown): string | undefined {
  const name = (value as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name : undefined;
}
