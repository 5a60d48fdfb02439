/**
 * Composition root: config → storage → states → adapter → bot → server. Nothing else lives here.
 */
import { MemoryStorage, PrivateConversationState, Storage, UserState } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { createAdapter } from './bot/adapter';
import { createSsoMiddleware, SignInDialog } from './auth';
import { StoredChannelDirectory } from './bot/channelDirectory';
import { InMemoryConversationReferenceStore, type ConversationReferenceStore } from './bot/conversationReferences';
import { SyncHelperBot } from './bot/syncHelperBot';
import { Config, ConfigError, readConfig } from './config';
import { systemClock, type Clock } from './clock';
import { LiveCheckDialog } from './dialogs/liveCheckDialog';
import { RootDialog } from './dialogs/rootDialog';
import { createGraphClient } from './graph';
import { sendWelcome } from './dialogs/welcome';
import { log } from './log';
import { createRecognizer } from './recognizer';
import { startSampleTenant } from './sampleTenant';
import { createServer, RunningServer } from './server';

/**
 * The dialogs with live checks when sign-in is possible: a persona in sample-tenant mode, the Azure Bot's OAuth
 * connection in live mode. Live mode without OAUTH_CONNECTION_NAME offers the guided steps only.
 */
export function createDialogs(
  config: Config,
  deps: { userState: UserState; graphBaseUrl: string; conversationReferences: ConversationReferenceStore } & StartSeams,
): { rootDialog: RootDialog; ssoConnections: string[] } {
  const canSignIn = config.mode === 'sample' || Boolean(config.oauthConnectionName);
  const signIn = canSignIn
    ? new SignInDialog({
        mode: config.mode,
        connectionName: config.oauthConnectionName,
        writeConnectionName: config.oauthWriteConnectionName,
        defaultPersona: config.sampleTenant.persona,
        userState: deps.userState,
      })
    : undefined;
  const liveCheck = signIn
    ? new LiveCheckDialog({
        signIn,
        graphFor: (token) =>
          createGraphClient({ accessToken: token, baseUrl: deps.graphBaseUrl, timeoutMs: config.graphTimeoutMs, ...(deps.graphSleep ? { sleep: deps.graphSleep } : {}) }),
        clock: deps.clock ?? systemClock,
        userState: deps.userState,
        channels: new StoredChannelDirectory(deps.conversationReferences, config.bot?.appId ?? ''),
      })
    : undefined;
  const rootDialog = new RootDialog({
    recognizer: createRecognizer(),
    userState: deps.userState,
    liveCheck,
    onSignOut: signIn
      ? async (context) => {
          await signIn.signOut(context);
          return true;
        }
      : undefined,
    onSignInAs: signIn && config.mode === 'sample' ? (context, persona) => signIn.setPersona(context, persona) : undefined,
  });
  const ssoConnections = config.mode === 'live' ? [config.oauthConnectionName, config.oauthWriteConnectionName].filter((c): c is string => !!c) : [];
  return { rootDialog, ssoConnections };
}

function createStorage(config: Config): Storage {
  if (config.storage.kind === 'blob') return new BlobsStorage(config.storage.connectionString, config.storage.container);
  return new MemoryStorage();
}

/** What tests and the benchmark may replace; production passes nothing. */
export interface StartSeams {
  clock?: Clock;
  /** How the Graph client waits before a retry (tests record Retry-After instead of waiting). */
  graphSleep?: (ms: number) => Promise<void>;
}

export async function start(config: Config, seams: StartSeams = {}): Promise<RunningServer> {
  // The logger reads LOG_LEVEL at each line; make it the validated value.
  process.env.LOG_LEVEL = config.logLevel;

  const storage = createStorage(config);
  const userState = new UserState(storage); // preferences only (language)
  const privateConversationState = new PrivateConversationState(storage); // dialog stacks, per user per conversation

  // Sample-tenant mode: the loopback Graph-compatible tenant, unless GRAPH_BASE_URL names another server.
  const sampleTenant =
    config.mode === 'sample' && config.graphBaseUrl === 'https://graph.microsoft.com'
      ? await startSampleTenant({ port: config.sampleTenant.port })
      : undefined;
  const graphBaseUrl = sampleTenant?.url ?? config.graphBaseUrl;

  const adapter = createAdapter(config);

  const conversationReferences = new InMemoryConversationReferenceStore();
  const { rootDialog, ssoConnections } = createDialogs(config, { userState, graphBaseUrl, conversationReferences, ...seams });
  if (ssoConnections.length > 0) adapter.use(createSsoMiddleware(ssoConnections));

  const bot = new SyncHelperBot({
    rootDialog,
    privateConversationState,
    userState,
    storage,
    onInstalled: (context) => sendWelcome(context),
    conversationReferences,
    ...(seams.clock ? { clock: seams.clock } : {}),
  });

  // Sample mode answers unauthenticated requests: loopback only. Live mode (JWT on every request) listens on all interfaces.
  const running = await createServer({ config, adapter, bot }).listen(config.port, config.mode === 'sample' ? '127.0.0.1' : undefined);
  log.info('SyncHelper is listening', {
    url: `${running.url}/api/messages`,
    address: running.address,
    mode: config.mode,
    graph: graphBaseUrl,
    storage: config.storage.kind,
  });
  return {
    url: running.url,
    address: running.address,
    close: async () => {
      await running.close();
      await sampleTenant?.close();
    },
  };
}

if (require.main === module) {
  let config: Config;
  try {
    config = readConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  start(config).then(
    (running) => {
      const stop = () => {
        running.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      log.error('SyncHelper could not start', { error: err instanceof Error ? err.message : String(err) });
      process.exit(1);
    },
  );
}
