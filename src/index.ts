/**
 * Composition root: config → storage → states → adapter → bot → server. Nothing else lives here.
 */
import type { UserState } from 'botbuilder';
import { AppInsightsExporter } from './appInsights';
import { createAdapter } from './bot/adapter';
import { createSignInDialog, createSsoMiddleware, CreateOnceStorage } from './auth';
import { StoredChannelDirectory } from './bot/channelDirectory';
import { RecordConversationReferenceStore, type ConversationReferenceStore } from './bot/conversationReferences';
import { SyncHelperBot } from './bot/syncHelperBot';
import { createTurnLogMiddleware } from './bot/turnLog';
import { Config, ConfigError, readConfig } from './config';
import { systemClock, type Clock } from './clock';
import { LangStore } from './dialogs/lang';
import { CheckDialog } from './dialogs/checkDialog';
import type { LiveCheckDeps } from './dialogs/liveDialog';
import { ShareDialog } from './dialogs/shareDialog';
import { WriteActionDialog } from './dialogs/writeActionDialog';
import { PendingActions } from './dialogs/pendingActions';
import type { Budgets } from './deadline';
import { RootDialog } from './dialogs/rootDialog';
import { createGraphClient } from './graph';
import { sendWelcome } from './dialogs/welcome';
import { log } from './log';
import { createRecognizer } from './recognizer';
import { startSampleTenant } from './sampleTenant';
import { registerLegalPages } from './legal';
import { createServer, RunningServer } from './server';
import { BlobRecordStore } from './state/blobRecords';
import { GuardedConversationState, MergingUserState, RecordStorage } from './state/botState';
import { MemoryRecordStore, type RecordStore } from './state/records';
import { setTelemetrySink, telemetrySink } from './telemetry';
import { ConversationNotifier, renderWatchMessage } from './bot/watchNotifier';
import { WatchDialog } from './dialogs/watchDialog';
import { watcherGraph } from './watch/access';
import { WatchStore } from './watch/store';
import { Watcher } from './watch/watcher';
import type { GraphApi } from './graph';

/** The watches' parts the dialogs need (issue #10). */
export interface WatchParts {
  store: WatchStore;
  watcher: Watcher;
  graphFor: (tenantId: string) => GraphApi | undefined;
}

/**
 * The dialogs with live checks when sign-in is possible: a persona in sample-tenant mode, the Azure Bot's OAuth
 * connection in live mode. Live mode without OAUTH_CONNECTION_NAME offers the guided steps only.
 */
export function createDialogs(
  config: Config,
  deps: { userState: UserState; graphBaseUrl: string; conversationReferences: ConversationReferenceStore; records: RecordStore; watch?: WatchParts } & StartSeams,
): { rootDialog: RootDialog; ssoConnections: string[] } {
  const clock = deps.clock ?? systemClock;
  const actions = new PendingActions(deps.records, clock);
  const canSignIn = config.mode === 'sample' || Boolean(config.oauthConnectionName);
  const langs = new LangStore(deps.userState);
  const signIn = canSignIn
    ? createSignInDialog({
        mode: config.mode,
        connectionName: config.oauthConnectionName,
        writeConnectionName: config.oauthWriteConnectionName,
        defaultPersona: config.sampleTenant.persona,
        userState: deps.userState,
        // The dialogs' language (explicit choice, Teams locale, the language the admin writes in), not the locale alone.
        lang: (context) => langs.get(context),
      })
    : undefined;
  const graphFor = (token: string) =>
    createGraphClient({ accessToken: token, baseUrl: deps.graphBaseUrl, timeoutMs: config.graphTimeoutMs, ...(deps.graphSleep ? { sleep: deps.graphSleep } : {}) });
  const liveDeps: LiveCheckDeps | undefined = signIn
    ? {
        signIn,
        graphFor,
        clock,
        userState: deps.userState,
        channels: new StoredChannelDirectory(deps.conversationReferences, config.bot?.appId ?? ''),
        actions,
        ...(deps.budgets ? { budgets: deps.budgets } : {}),
      }
    : undefined;
  // The live check, the write action a verdict suggests and sharing a verdict: three dialogs on the same deps.
  const live = liveDeps
    ? { liveCheck: new CheckDialog(liveDeps, langs), writeAction: new WriteActionDialog(liveDeps, langs), share: new ShareDialog(liveDeps, langs) }
    : {};
  const watch = deps.watch
    ? new WatchDialog({
        ...(signIn ? { signIn } : {}),
        graphFor,
        store: deps.watch.store,
        watcher: deps.watch.watcher,
        watcherGraph: deps.watch.graphFor,
        clock,
        userState: deps.userState,
        intervalSeconds: config.watchIntervalSeconds,
      })
    : undefined;
  const rootDialog = new RootDialog({
    recognizer: createRecognizer(),
    userState: deps.userState,
    ...live,
    watch,
    actions,
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

/** In-memory default limits (stated in the README): beyond these the least recently used entries go first. */
export const MEMORY_LIMITS = {
  /** Dialog state and conversation references: one entry per conversation (per user, for dialog state). */
  conversationEntries: 10_000,
  /** Dialog state nobody changed for this long is dropped (the OAuth prompt itself gives up after 15 minutes). */
  dialogIdleMs: 24 * 60 * 60 * 1000,
  /** Shared records: teams, welcome marks, preferences, SSO de-duplication, pending actions. */
  records: 10_000,
} as const;

interface Stores {
  /** Small shared records (teams, welcome marks, preferences, SSO de-duplication, pending actions). */
  records: RecordStore;
  /** One entry per conversation: dialog state and conversation references. */
  conversations: RecordStore;
  /** Dialog state and preferences as a botbuilder Storage over `conversations` (idle expiry in memory). */
  stateStorage: RecordStorage;
}

/** Memory (bounded, one instance) by default; Azure Blob (STORAGE=blob) shared by every instance. */
function createStores(config: Config, clock: Clock): Stores {
  if (config.storage.kind === 'blob') {
    const blob = new BlobRecordStore(config.storage.access, config.storage.container, clock);
    return { records: blob, conversations: blob, stateStorage: new RecordStorage(blob) };
  }
  const conversations = new MemoryRecordStore(clock, MEMORY_LIMITS.conversationEntries);
  return {
    records: new MemoryRecordStore(clock, MEMORY_LIMITS.records),
    conversations,
    stateStorage: new RecordStorage(conversations, MEMORY_LIMITS.dialogIdleMs),
  };
}

/** What tests and the benchmark may replace; production passes nothing. */
export interface StartSeams {
  clock?: Clock;
  /** How the Graph client waits before a retry (tests record Retry-After instead of waiting). */
  graphSleep?: (ms: number) => Promise<void>;
  /** Time budgets (tests use short ones against a slowed-down sample tenant). */
  budgets?: Budgets;
  /** 'manual': the watcher polls only when told (`running.watcher.tick()`); default: every WATCH_INTERVAL_SECONDS. */
  watchPolling?: 'timer' | 'manual';
}

/** The running bot; `watcher` is exposed for tests and the benchmark (tick on their own clock). */
export interface RunningSyncHelper extends RunningServer {
  watcher: Watcher;
}

export async function start(config: Config, seams: StartSeams = {}): Promise<RunningSyncHelper> {
  // The logger reads LOG_LEVEL at each line; make it the validated value.
  process.env.LOG_LEVEL = config.logLevel;

  const clock = seams.clock ?? systemClock;
  // Telemetry export only when APPLICATIONINSIGHTS_CONNECTION_STRING is set; otherwise nothing is sent anywhere.
  const telemetry = config.appInsights ? new AppInsightsExporter(config.appInsights, { now: () => clock.now() }) : undefined;
  if (telemetry) setTelemetrySink(telemetry);
  const { records, conversations, stateStorage } = createStores(config, clock);
  const userState = new MergingUserState(stateStorage); // preferences only (language, sample persona), merged per field
  const privateConversationState = new GuardedConversationState(stateStorage); // dialog stacks, per user per conversation

  // Sample-tenant mode: the loopback Graph-compatible tenant, unless GRAPH_BASE_URL names another server.
  const sampleTenant =
    config.mode === 'sample' && config.graphBaseUrl === 'https://graph.microsoft.com'
      ? await startSampleTenant({ port: config.sampleTenant.port })
      : undefined;
  const graphBaseUrl = sampleTenant?.url ?? config.graphBaseUrl;

  const adapter = createAdapter(config);
  adapter.use(createTurnLogMiddleware());

  const conversationReferences = new RecordConversationReferenceStore(records, conversations);
  // Watches (issue #10): stored with the shared records; read with the bot's own access; posted proactively.
  const watchStore = new WatchStore(records);
  const watchGraph = watcherGraph(config, { graphBaseUrl, ...(seams.graphSleep ? { sleep: seams.graphSleep } : {}) });
  const watcher = new Watcher({
    store: watchStore,
    graphFor: watchGraph,
    clock,
    intervalMs: config.watchIntervalSeconds * 1000,
    notifier: new ConversationNotifier(adapter, conversationReferences, config.bot?.appId ?? ''),
    render: renderWatchMessage,
  });
  const watch: WatchParts = { store: watchStore, watcher, graphFor: watchGraph };
  const { rootDialog, ssoConnections } = createDialogs(config, { userState, graphBaseUrl, conversationReferences, records, watch, ...seams });
  if (ssoConnections.length > 0) adapter.use(createSsoMiddleware(ssoConnections, new CreateOnceStorage(records)));

  const bot = new SyncHelperBot({
    rootDialog,
    privateConversationState,
    userState,
    records,
    onInstalled: (context) => sendWelcome(context),
    conversationReferences,
    ...(seams.clock ? { clock: seams.clock } : {}),
    ...(seams.budgets ? { budgets: seams.budgets } : {}),
  });

  const web = createServer({ config, adapter, bot });
  registerLegalPages(web); // the manifest's privacy and terms URLs
  // Sample mode answers unauthenticated requests: loopback only. Live mode (JWT on every request) listens on all interfaces.
  const running = await web.listen(config.port, config.mode === 'sample' ? '127.0.0.1' : undefined);
  log.info('SyncHelper is listening', {
    url: `${running.url}/api/messages`,
    address: running.address,
    mode: config.mode,
    graph: graphBaseUrl,
    storage: config.storage.kind,
  });
  if (seams.watchPolling !== 'manual') watcher.start();
  return {
    url: running.url,
    address: running.address,
    watcher,
    close: async () => {
      await watcher.stop();
      await running.close();
      await sampleTenant?.close();
      if (telemetry) {
        await telemetry.close();
        if (telemetrySink() === telemetry) setTelemetrySink();
      }
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
