/**
 * Who reads the tenant for the watcher: nobody is signed in when a watch is evaluated.
 *  - Sample-tenant mode: the configured persona (SAMPLE_TENANT_PERSONA), as every Graph call there.
 *  - Live mode: the bot's own app-only token for https://graph.microsoft.com/.default, through @azure/identity —
 *    the managed identity (MicrosoftAppType=UserAssignedMSI) or the bot's app id and secret. Needs the application
 *    permissions Directory.Read.All and Synchronization.Read.All with admin consent in the tenant
 *    (docs/admin-setup.md). A managed identity and a single-tenant app read their own tenant only.
 * The token is fetched per request by the credential (which caches it) and never stored or logged.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import { createGraphClient, type GraphApi } from '../graph';

export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';

export interface WatcherAccessOptions {
  graphBaseUrl: string;
  /** How the Graph client waits before a retry (tests record instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
}

function credentialFor(config: Config, tenantId: string): TokenCredential | undefined {
  const bot = config.bot;
  if (!bot) return undefined;
  const home = bot.tenantId?.toLowerCase();
  if (bot.appType === 'UserAssignedMSI') {
    return home && home === tenantId.toLowerCase() ? new ManagedIdentityCredential({ clientId: bot.appId }) : undefined;
  }
  if (bot.appType === 'SingleTenant' && home !== tenantId.toLowerCase()) return undefined;
  return bot.appPassword ? new ClientSecretCredential(tenantId, bot.appId, bot.appPassword) : undefined;
}

/** Graph for the watcher, per tenant (cached); undefined where the bot has no access of its own. */
export function watcherGraph(config: Config, opts: WatcherAccessOptions): (tenantId: string) => GraphApi | undefined {
  const common = { baseUrl: opts.graphBaseUrl, timeoutMs: config.graphTimeoutMs, ...(opts.sleep ? { sleep: opts.sleep } : {}) };
  if (config.mode === 'sample') {
    const api = createGraphClient({ accessToken: config.sampleTenant.persona, ...common });
    return () => api;
  }
  const clients = new Map<string, GraphApi | undefined>();
  return (tenantId) => {
    const key = tenantId.toLowerCase();
    if (!clients.has(key)) {
      const credential = credentialFor(config, key);
      clients.set(
        key,
        credential
          ? createGraphClient({
              ...common,
              accessToken: async () => {
                const token = await credential.getToken(GRAPH_APP_SCOPE);
                if (!token) throw new Error('no app-only token for Microsoft Graph');
                return token.token;
              },
            })
          : undefined,
      );
    }
    return clients.get(key);
  };
}
