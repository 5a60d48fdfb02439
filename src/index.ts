/**
 * Composition root: config → storage → states → adapter → bot → server. Nothing else lives here.
 * Places the lead still wires are marked "LEAD:".
 */
import { MemoryStorage, PrivateConversationState, Storage, UserState } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { createAdapter } from './bot/adapter';
import { InMemoryConversationReferenceStore } from './bot/conversationReferences';
import { SyncHelperBot } from './bot/syncHelperBot';
import { Config, ConfigError, readConfig } from './config';
import { RootDialog } from './dialogs/rootDialog';
import { sendWelcome } from './dialogs/welcome';
import { log } from './log';
import { createRecognizer } from './recognizer';
import { startSampleTenant } from './sampleTenant';
import { createServer, RunningServer } from './server';

function createStorage(config: Config): Storage {
  if (config.storage.kind === 'blob') return new BlobsStorage(config.storage.connectionString, config.storage.container);
  return new MemoryStorage();
}

export async function start(config: Config): Promise<RunningServer> {
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

  // LEAD: the live-check dialog (sign-in from src/auth — OAuthPrompt with config.oauthConnectionName in live mode,
  // persona sign-in as config.sampleTenant.persona in sample mode — plus the Graph client on `graphBaseUrl` with
  // config.graphTimeoutMs) goes into `liveCheck`, and `onSignOut` clears the user's token. Without them the
  // dialogs offer the guided steps only.
  const rootDialog = new RootDialog({
    recognizer: createRecognizer(),
    userState,
    liveCheck: undefined,
    onSignOut: undefined,
  });

  const bot = new SyncHelperBot({
    rootDialog,
    privateConversationState,
    userState,
    storage,
    onInstalled: (context) => sendWelcome(context),
    conversationReferences: new InMemoryConversationReferenceStore(),
  });

  const running = await createServer({ config, adapter, bot }).listen(config.port);
  log.info('SyncHelper is listening', {
    url: `${running.url}/api/messages`,
    mode: config.mode,
    graph: graphBaseUrl,
    storage: config.storage.kind,
  });
  return {
    url: running.url,
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
