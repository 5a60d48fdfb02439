/**
 * Boots the REAL server (createServer + createAdapter + SyncHelperBot) on 127.0.0.1:0 against a loopback Bot
 * Connector, and posts activities to it over HTTP like the Teams channel does.
 *
 *   const bot = await startTestBot({ rootDialog: new RootDialog(...), onInstalled: sendWelcome });
 *   const { status } = await bot.post(bot.teams.personalMessage('my group will not sync'));
 *   expect(bot.connector.texts()).toContain(...);
 *   await bot.close();
 *
 * With `auth: await startJwtIssuer(BOT_APP_ID)` the bot runs in live mode with JWT validation on, and `post`
 * signs a valid channel token for each activity unless told otherwise (`{ token: null }` or `{ token: '...' }`).
 */
import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { createAdapter, SyncHelperAdapter } from '../../src/bot/adapter';
import { ConversationReferenceStore, RecordConversationReferenceStore } from '../../src/bot/conversationReferences';
import { GuardedConversationState, MergingUserState, RecordStorage } from '../../src/state/botState';
import { MemoryRecordStore, type RecordStore } from '../../src/state/records';
import { SyncHelperBot } from '../../src/bot/syncHelperBot';
import { Config, loadConfig } from '../../src/config';
import { createServer } from '../../src/server';
import { fixedClock } from '../../src/clock';
import { BotConnector, startBotConnector } from './botConnector';
import { EchoDialog } from './echoDialog';
import type { JwtIssuer } from './jwt';
import { BOT, BOT_APP_ID, teamsActivities, TeamsActivities, TENANT_ID } from './teamsActivity';

export interface TestBotOptions {
  /** The dialog under test; defaults to the echo test dialog. */
  rootDialog?: Dialog;
  onInstalled?: (context: TurnContext) => Promise<void>;
  /** Extra environment for loadConfig (e.g. { MAX_BODY_BYTES: '2kb' }). */
  env?: Record<string, string>;
  /** Turn on live-mode JWT validation against this loopback issuer. */
  auth?: JwtIssuer;
  /** Reuse a connector (else one is started and closed with the bot). */
  connector?: BotConnector;
  /** Where state and records live (two bots on one store behave like two instances); default: memory. */
  records?: RecordStore;
  conversationReferences?: ConversationReferenceStore;
}

export interface PostOptions {
  /** Authorization token: a string to send, null for no header; default: a valid one when auth is on. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  /** Parsed JSON when the answer is JSON, else the text ('' for no body). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestBot {
  url: string;
  config: Config;
  adapter: SyncHelperAdapter;
  bot: SyncHelperBot;
  connector: BotConnector;
  teams: TeamsActivities;
  records: RecordStore;
  /** The echo dialog when no rootDialog was given. */
  echo?: EchoDialog;
  conversationReferences: ConversationReferenceStore;
  post(activity: unknown, options?: PostOptions): Promise<PostResult>;
  /** Post any body as-is (malformed JSON, huge bodies). */
  postRaw(body: string | Buffer, headers?: Record<string, string>): Promise<PostResult>;
  get(path: string): Promise<PostResult>;
  close(): Promise<void>;
}

async function toResult(response: Response): Promise<PostResult> {
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body };
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const connector = options.connector ?? (await startBotConnector());
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    // Live: a MultiTenant bot serving the test tenant. Sample: the loopback connector is the one channel answered.
    ...(options.auth
      ? { MicrosoftAppId: options.auth.appId, MicrosoftAppPassword: 'test-only-secret', ALLOWED_TENANTS: TENANT_ID }
      : { SAMPLE_SERVICE_URLS: connector.serviceUrl }),
    ...(options.env ?? {}),
  };
  const config = loadConfig(env);
  const adapter = createAdapter(
    config,
    options.auth
      ? { botFrameworkAuthConfig: options.auth.authSettings(), credentialsFactory: options.auth.credentialsFactory() }
      : {},
  );
  const clock = fixedClock('2025-11-21T09:30:00.000Z');
  const records = options.records ?? new MemoryRecordStore(clock);
  const storage = new RecordStorage(records);
  const echo = options.rootDialog ? undefined : new EchoDialog();
  const conversationReferences = options.conversationReferences ?? new RecordConversationReferenceStore(records);
  const bot = new SyncHelperBot({
    rootDialog: options.rootDialog ?? echo!,
    privateConversationState: new GuardedConversationState(storage),
    userState: new MergingUserState(storage),
    records,
    onInstalled: options.onInstalled,
    conversationReferences,
    clock,
  });
  const running = await createServer({ config, adapter, bot }).listen(0, '127.0.0.1');

  const post = async (activity: unknown, postOptions: PostOptions = {}): Promise<PostResult> => {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...(postOptions.headers ?? {}) };
    let token = postOptions.token;
    if (token === undefined && options.auth) {
      const serviceUrl = (activity as { serviceUrl?: string })?.serviceUrl ?? connector.serviceUrl;
      token = options.auth.sign(serviceUrl);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    return toResult(await fetch(`${running.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) }));
  };

  return {
    url: running.url,
    config,
    adapter,
    bot,
    connector,
    teams: teamsActivities(connector.serviceUrl, BOT),
    records,
    echo,
    conversationReferences,
    post,
    postRaw: async (body, headers = {}) =>
      toResult(
        await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        }),
      ),
    get: async (path) => toResult(await fetch(`${running.url}${path}`)),
    close: async () => {
      await running.close();
      if (!options.connector) await connector.close();
    },
  };
}

export { BOT, BOT_APP_ID };
