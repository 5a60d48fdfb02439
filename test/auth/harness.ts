/**
 * A small bot around the sign-in dialog (createSignInDialog), run by the REAL CloudAdapter: outbound messages go over HTTP to a loopback
 * channel that records them, and the adapter's UserTokenClient calls the loopback Token Service at `OAuthUrl`.
 *
 * Why processActivity gets an AuthenticateRequestResult instead of an auth header: with MicrosoftAppId empty,
 * authentication is disabled and the claims identity is anonymous, so the UserTokenClient has no app id and
 * `getSignInResource` fails its own argument check ("appId Required") before any HTTP call. In production the
 * identity comes from the channel's JWT (audience = the bot's app id). Here we hand the adapter a claims identity
 * with the bot's app id — exactly what a validated JWT yields — and ConfigurationBotFrameworkAuthentication with
 * `OAuthUrl` set (any parameterised setting switches it to ParameterizedBotFrameworkAuthentication) points the
 * UserTokenClient at the loopback Token Service. MicrosoftAppId '' keeps outbound credentials empty (no MSAL).
 */
import { INVOKE_RESPONSE_KEY } from 'botbuilder';
import * as http from 'http';
import type { AddressInfo } from 'net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  PrivateConversationState,
  UserState,
  type Activity,
  type InvokeResponse,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { AuthenticateRequestResult } from 'botframework-connector';
import {
  CreateOnceStorage,
  SIGNIN_DIALOG_ID,
  createSignInDialog,
  createSsoMiddleware,
  parseSignInCommand,
  type SignInConfig,
  type SignInDialog,
  type SignInResult,
} from '../../src/auth';
import { TokenServiceEmulator } from '../helpers/tokenService';
import { systemClock } from '../../src/clock';
import { MemoryRecordStore } from '../../src/state/records';

/**
 * The real CloudAdapter; the subclass only makes its protected entry point reachable, because
 * processActivity(AuthenticateRequestResult, …) returns the invoke response and processActivityDirect doesn't.
 */
class LoopbackCloudAdapter extends CloudAdapter {
  run(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }

  identityFor(appId: string) {
    return this.createClaimsIdentity(appId);
  }
}

export const BOT_APP_ID = '00000000-0000-0000-0000-00000000b07';
export const READ_CONNECTION = 'graph-read';
export const WRITE_CONNECTION = 'graph-write';

/** Records what the bot sends through the Bot Connector API (the subset a reply uses). */
export class ChannelRecorder {
  readonly sent: Partial<Activity>[] = [];
  private server?: http.Server;
  private counter = 0;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>) : {};
        if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
          this.sent.push(body);
          this.counter += 1;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ id: `sent-${this.counter}` }));
          return;
        }
        res.statusCode = 404;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Everything sent since `from` (an index into `sent`). */
  since(from: number): Partial<Activity>[] {
    return this.sent.slice(from);
  }
}

export interface Person {
  id: string;
  name: string;
}

export const ADA: Person = { id: '29:ada-global-admin', name: 'Ada Admin' };
export const BJORN: Person = { id: '29:bjorn-app-admin', name: 'Bjørn Appadmin' };

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface HarnessOptions extends Partial<Omit<SignInConfig, 'userState'>> {
  sso?: boolean;
  dedupeStorage?: Storage;
}

export interface TurnOutcome {
  /** The invoke response the adapter returned to the channel (invokes only). */
  invokeResponse?: InvokeResponse;
  /** Activities the bot sent during this turn. */
  sent: Partial<Activity>[];
  /** The sign-in dialog's result, when it ended this turn. */
  result?: SignInResult;
}

export class SignInHarness {
  readonly tokenService = new TokenServiceEmulator();
  readonly channel = new ChannelRecorder();
  /** Bot state storage (user state + private conversation state). Inspected by the "no token stored" test. */
  private readonly memory: Record<string, string> = {};
  readonly storage = new MemoryStorage(this.memory);
  readonly userState = new UserState(this.storage);
  readonly conversationState = new PrivateConversationState(this.storage);
  dialog!: SignInDialog;
  private adapter!: LoopbackCloudAdapter;
  private auth!: ConfigurationBotFrameworkAuthentication;
  private dialogs!: DialogSet;
  private counter = 0;

  constructor(private readonly options: HarnessOptions = {}) {}

  async start(): Promise<this> {
    const oauthUrl = await this.tokenService.start();
    await this.channel.start();
    this.auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', OAuthUrl: oauthUrl } as never);
    this.adapter = new LoopbackCloudAdapter(this.auth);
    this.adapter.onTurnError = async (_context, error) => {
      throw error;
    };
    const mode = this.options.mode ?? 'live';
    if (mode === 'live' && this.options.sso !== false) {
      const names = [this.options.connectionName ?? READ_CONNECTION, this.options.writeConnectionName].filter(
        (n): n is string => Boolean(n),
      );
      this.adapter.use(createSsoMiddleware(names, this.options.dedupeStorage ?? new CreateOnceStorage(new MemoryRecordStore(systemClock))));
    }
    this.dialog = createSignInDialog({
      mode,
      connectionName: mode === 'live' ? (this.options.connectionName ?? READ_CONNECTION) : this.options.connectionName,
      writeConnectionName: this.options.writeConnectionName,
      defaultPersona: this.options.defaultPersona,
      timeoutMs: this.options.timeoutMs,
      userState: this.userState,
      lang: this.options.lang,
    });
    this.dialogs = new DialogSet(this.conversationState.createProperty('dialogState'));
    this.dialogs.add(this.dialog);
    return this;
  }

  async stop(): Promise<void> {
    await this.tokenService.stop();
    await this.channel.stop();
  }

  /** A message typed by `who` ("check sales" starts a read sign-in, "fix sales" a write sign-in). */
  say(who: Person, text: string, where: ConversationKind = 'personal', locale = 'en-US'): Promise<TurnOutcome> {
    return this.send(who, { type: 'message', text }, where, locale);
  }

  /** A card click (Action.Submit arrives as a message whose value is the action data). */
  click(who: Person, data: Record<string, unknown>, where: ConversationKind = 'personal', locale = 'en-US') {
    return this.send(who, { type: 'message', value: data }, where, locale);
  }

  /** A card click through Action.Execute (an adaptiveCard/action invoke). */
  execute(who: Person, data: Record<string, unknown>, where: ConversationKind = 'personal', locale = 'en-US') {
    return this.send(
      who,
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: data.verb, data } } },
      where,
      locale,
    );
  }

  invoke(who: Person, name: string, value: unknown, where: ConversationKind = 'personal', locale = 'en-US') {
    return this.send(who, { type: 'invoke', name, value }, where, locale);
  }

  async send(
    who: Person,
    partial: Partial<Activity>,
    where: ConversationKind = 'personal',
    locale = 'en-US',
  ): Promise<TurnOutcome> {
    this.counter += 1;
    const conversationId =
      where === 'channel' ? '19:ops@thread.tacv2;messageid=1700000000000' : where === 'groupChat' ? '19:chat@thread.v2' : `a:1on1-${who.id}`;
    const activity = {
      id: `in-${this.counter}`,
      channelId: 'msteams',
      serviceUrl: this.channel.url,
      from: { id: who.id, name: who.name, aadObjectId: `aad-${who.id}` },
      recipient: { id: `28:${BOT_APP_ID}`, name: 'SyncHelper' },
      conversation: { id: conversationId, conversationType: where, isGroup: where !== 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      locale,
      timestamp: new Date().toISOString(),
      ...partial,
    } as Activity;
    const sentBefore = this.channel.sent.length;
    const claimsIdentity = this.adapter.identityFor(BOT_APP_ID);
    let result: SignInResult | undefined;
    const invokeResponse = await this.adapter.run(
      {
        audience: 'https://api.botframework.com',
        claimsIdentity,
        callerId: 'urn:botframework:azure',
        connectorFactory: this.auth.createConnectorFactory(claimsIdentity),
      },
      activity,
      async (context) => {
        result = await this.turn(context);
        // As SyncHelperBot does: a card click the dialog left unanswered gets a short 200 message after the turn.
        if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
          await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Got it.' } } });
        }
      },
    );
    return { invokeResponse, sent: this.channel.since(sentBefore), result };
  }

  /** The test bot: sign-in commands, then the dialog, then "check …" / "fix …" to begin sign-in. */
  private async turn(context: TurnContext): Promise<SignInResult | undefined> {
    const dc = await this.dialogs.createContext(context);
    const activity = context.activity;
    let ended: SignInResult | undefined;
    const command = activity.type === 'message' ? parseSignInCommand(activity.text) : undefined;
    if (command?.kind === 'signout') {
      await dc.cancelAllDialogs();
      await this.dialog.signOut(context);
    } else if (command?.kind === 'persona' && !dc.activeDialog) {
      await this.dialog.setPersona(context, command.persona);
    } else {
      let turn = await dc.continueDialog();
      if (turn.status === DialogTurnStatus.empty) {
        const text = (activity.text ?? '').toLowerCase();
        if (activity.type === 'message' && /^(check|fix)\b/.test(text)) {
          turn = await dc.beginDialog(SIGNIN_DIALOG_ID, { purpose: text.startsWith('fix') ? 'write' : 'read' });
        }
      }
      if (turn.status === DialogTurnStatus.complete) ended = turn.result as SignInResult;
    }
    await this.userState.saveChanges(context);
    await this.conversationState.saveChanges(context);
    return ended;
  }

  /** Everything the bot keeps in its state storage, as JSON text. */
  async storedStateText(): Promise<string> {
    return JSON.stringify(this.memory);
  }
}

/** The attachments of a given content type among sent activities. */
export function attachmentsOf(sent: Partial<Activity>[], contentType: string) {
  return sent.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === contentType);
}

export const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** All texts of sent activities (message text + TextBlocks of adaptive cards), joined for assertions. */
export function textOf(sent: Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') parts.push(o.text);
      if (typeof o.title === 'string') parts.push(o.title);
      Object.values(o).forEach(walk);
    }
  };
  for (const a of sent) {
    if (a.text) parts.push(a.text);
    walk(a.attachments);
  }
  return parts.join('\n');
}
