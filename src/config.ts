/**
 * Configuration: environment variables (plus `.env`, read by `readConfig`) parsed and validated once into a typed,
 * frozen `Config`. A bad value stops start-up with a message that names the variable.
 *
 * Mode rule (sample vs live), stated once:
 *  - the bot's app id set (`MicrosoftAppId` or an alias: BOT_ID, CLIENT_ID, connections__serviceConnection__settings__clientId)
 *                                    ⇒ live mode: Bot Framework JWT auth on, real Graph.
 *  - no app id                       ⇒ sample-tenant mode: auth off (local dev / Agents Playground), Graph points at
 *                                       the loopback sample tenant (or a Graph-compatible GRAPH_BASE_URL).
 *  - A demo mode never runs next to real credentials, so start-up is REFUSED when
 *      • sample mode would start while anything looks like a credential: a bot setting under any of its names or
 *        casings (even declared empty), an Azure client secret or certificate, a storage account key or SAS
 *        (`credentialLookalikes`), or
 *      • one bot setting is given under two names with different values, or
 *      • live mode would start with a sample-tenant switch forced on (`SAMPLE_TENANT_PERSONA`, `SAMPLE_TENANT_PORT`,
 *        `SAMPLE_SERVICE_URLS`), or
 *      • a MultiTenant bot has no ALLOWED_TENANTS (a list of tenant ids, or an explicit `*`), or
 *      • live mode would send real user tokens to something that is not Microsoft Graph (`GRAPH_BASE_URL` must be
 *        https on a Microsoft Graph host in live mode).
 */
import * as dotenv from 'dotenv';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Mode = 'sample' | 'live';

export interface BotCredentials {
  readonly appId: string;
  /** Absent for UserAssignedMSI. */
  readonly appPassword?: string;
  readonly tenantId?: string;
  readonly appType: AppType;
}

/**
 * How the Blob store signs in to Azure Storage, from BLOB_CONNECTION_STRING: a connection string with a key or SAS,
 * or Azurite's `UseDevelopmentStorage=true`; or `BlobEndpoint=…` alone (what infra/azure.bicep sets), which means
 * Microsoft Entra ID: the managed identity named by AZURE_CLIENT_ID, or the default Azure credential chain without it.
 */
export type BlobAccess =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'identity'; readonly endpoint: string; readonly clientId?: string };

export type StorageConfig =
  | { readonly kind: 'memory' }
  | { readonly kind: 'blob'; readonly access: BlobAccess; readonly container: string };

/** Tenants whose users may talk to the bot: '*' (any) or tenant ids, lower-case. */
export type AllowedTenants = '*' | readonly string[];

export interface Config {
  readonly mode: Mode;
  readonly port: number;
  /** Present only in live mode. */
  readonly bot?: BotCredentials;
  /** Regional Bot Framework token service (OAUTH_URL), e.g. https://europe.token.botframework.com. Unset → global. */
  readonly oauthUrl?: string;
  /** Live: ALLOWED_TENANTS, default the bot's own tenant for SingleTenant/UserAssignedMSI. Sample: '*' unless set. */
  readonly allowedTenants: AllowedTenants;
  /**
   * Sample mode only: origins (scheme://host:port) of the local channels replies may be posted to
   * (SAMPLE_SERVICE_URLS, default the Agents Playground on 56150). Empty in live mode (JWT auth decides).
   */
  readonly sampleServiceOrigins: readonly string[];
  readonly oauthConnectionName?: string;
  /** Second OAuth connection with Synchronization.ReadWrite.All, for the confirmed write actions. Unset → no writes. */
  readonly oauthWriteConnectionName?: string;
  readonly graphBaseUrl: string;
  readonly graphTimeoutMs: number;
  readonly sampleTenant: { readonly persona: string; readonly port: number };
  readonly storage: StorageConfig;
  readonly logLevel: LogLevel;
  readonly maxBodyBytes: number;
  /** How often the watcher evaluates the watches (WATCH_INTERVAL_SECONDS, default 300, at least 5). */
  readonly watchIntervalSeconds: number;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING, parsed. Unset → no telemetry export at all. */
  readonly appInsights?: AppInsightsTarget;
}

/** Where Application Insights telemetry goes: the resource's instrumentation key and ingestion endpoint (no trailing slash). */
export interface AppInsightsTarget {
  readonly instrumentationKey: string;
  readonly ingestionEndpoint: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The longest message text SyncHelper reads (UTF-8 bytes): Teams' largest chat message, about 28 KB. Longer text
 * gets a short answer instead of going through the recogniser.
 */
export const MAX_MESSAGE_BYTES = 28 * 1024;

export const DEFAULTS = Object.freeze({
  PORT: 3978,
  GRAPH_BASE_URL: 'https://graph.microsoft.com',
  SAMPLE_TENANT_PERSONA: 'ga',
  SAMPLE_TENANT_PORT: 0,
  STORAGE: 'memory',
  BLOB_CONTAINER: 'synchelper-state',
  LOG_LEVEL: 'info' as LogLevel,
  GRAPH_TIMEOUT_MS: 10_000,
  /**
   * A Teams message activity with the largest text: the text (≤ 28 KB) at most doubles when JSON-escaped (`"` and
   * `\` become two bytes each), Teams repeats the message as a text/html attachment (≤ 56 KB escaped again), and
   * the envelope (ids, conversation, channelData, mention entities) stays under 8 KB: 120 KB, rounded up to 128 KB.
   */
  MAX_BODY_BYTES: 128 * 1024,
  WATCH_INTERVAL_SECONDS: 300,
  /** The Agents Playground's default port (scripts/dev.ts PLAYGROUND_PORT); its connector is http://localhost:PORT/_connector. */
  PLAYGROUND_PORT: 56150,
});

/**
 * Each bot setting and every name it is accepted under: the Bot Framework name first, then the Microsoft 365 Agents
 * Toolkit names (env/.env.* files, Bicep app settings) and the Microsoft 365 Agents SDK names. Names are matched
 * case-insensitively (Linux environment names are case-sensitive, so `MICROSOFTAPPID` would otherwise be ignored).
 */
export const SETTING_NAMES = Object.freeze({
  MicrosoftAppId: ['MicrosoftAppId', 'BOT_ID', 'CLIENT_ID', 'connections__serviceConnection__settings__clientId'],
  MicrosoftAppPassword: ['MicrosoftAppPassword', 'BOT_PASSWORD', 'SECRET_BOT_PASSWORD', 'CLIENT_SECRET', 'connections__serviceConnection__settings__clientSecret'],
  MicrosoftAppTenantId: ['MicrosoftAppTenantId', 'BOT_TENANT_ID', 'TENANT_ID', 'connections__serviceConnection__settings__tenantId'],
  MicrosoftAppType: ['MicrosoftAppType', 'BOT_TYPE'],
} as const);
type BotSetting = keyof typeof SETTING_NAMES;

/** Names that hold a credential for something other than the bot (Azure SDK identity, storage keys). Case-insensitive. */
const OTHER_CREDENTIAL_NAMES: readonly string[] = [
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_PASSWORD',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_ACCOUNT_KEY',
  'AZURE_STORAGE_ACCESS_KEY',
  'AZURE_STORAGE_SAS_TOKEN',
];
/** Name shapes of bot credentials under other spellings (any Agents SDK connection, SECRET_BOT_*, MicrosoftApp*). */
const CREDENTIAL_NAME_PATTERNS: readonly RegExp[] = [
  /^connections__[^_]+__settings__(clientid|clientsecret|tenantid|certpemfile|certkeyfile|federatedclientid)$/i,
  /^microsoftapp(?!type$)/i,
  /bot.*(password|secret)/i,
];
/** Azurite's published development account key: not a secret (https://learn.microsoft.com/azure/storage/common/storage-use-azurite). */
const AZURITE_DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Token service hosts (Bot Framework public, US Government and 21Vianet clouds; https://learn.microsoft.com/azure/bot-service/ref-oauth-redirect-urls). */
const OAUTH_HOST = /^(?:[a-z0-9-]+\.)+(?:botframework\.com|botframework\.azure\.us|botframework\.azure\.cn)$/i;

/** Microsoft Graph hosts (global and national clouds) that may receive real user tokens in live mode. */
export const GRAPH_HOSTS: readonly string[] = [
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const GUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Env = Record<string, string | undefined>;

/** A value counts as set when it has non-blank text (`FOO=` in .env means "not set"). */
function read(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A bot setting under any of its names. Two names with different values is a mistake worth stopping for (which one
 * would win is not obvious); the message names the variables, never their values.
 */
function readSetting(problems: string[], env: Env, setting: BotSetting): string | undefined {
  const accepted = new Set<string>(SETTING_NAMES[setting].map((n) => n.toLowerCase()));
  const found = Object.keys(env)
    .filter((name) => accepted.has(name.toLowerCase()))
    .map((name) => ({ name, value: read(env, name) }))
    .filter((f): f is { name: string; value: string } => f.value !== undefined);
  const values = new Set(found.map((f) => f.value));
  if (values.size > 1) {
    problems.push(
      `${setting} is given under several names with different values (${found.map((f) => f.name).join(', ')}): ` +
        `keep one of them, or give them the same value`,
    );
  }
  return found[0]?.value;
}

/**
 * Environment variables that look like a credential, by name (every name and casing of a bot setting, even when
 * declared empty; Azure SDK secrets; storage keys) or by value (a storage connection string with an account key
 * other than Azurite's published one, or a SAS). Names only: values are never reported.
 */
export function credentialLookalikes(env: Env): string[] {
  const botNames = new Set<string>(Object.values(SETTING_NAMES).flat().map((n) => n.toLowerCase()));
  botNames.delete('microsoftapptype');
  botNames.delete('bot_type');
  const otherNames = new Set(OTHER_CREDENTIAL_NAMES.map((n) => n.toLowerCase()));
  return Object.keys(env)
    .filter((name) => {
      const lower = name.toLowerCase();
      if (botNames.has(lower) || otherNames.has(lower) || CREDENTIAL_NAME_PATTERNS.some((p) => p.test(name))) return true;
      const value = env[name] ?? '';
      const accountKey = /AccountKey=([^;]+)/i.exec(value);
      return (accountKey !== null && accountKey[1].trim() !== AZURITE_DEV_KEY) || /SharedAccessSignature=/i.test(value);
    })
    .sort();
}

function parseInteger(
  problems: string[],
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) {
    problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min || value > max) {
    problems.push(`${name} must be between ${min} and ${max} (got ${value})`);
    return fallback;
  }
  return value;
}

/**
 * One port setting on its own (scripts/dev.ts reads PORT and PLAYGROUND_PORT before anything starts), with the same
 * message `loadConfig` gives. Throws `ConfigError`.
 */
export function readPort(env: Env, name: string, fallback: number, min = 0): number {
  const problems: string[] = [];
  const port = parseInteger(problems, name, read(env, name), fallback, min, 65535);
  if (problems.length > 0) throw new ConfigError(problems);
  return port;
}

/** "262144", "256kb", "256 KB", "1mb" → bytes. */
function parseBytes(problems: string[], name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|k|mb|m)?$/i.exec(raw);
  const min = 1024;
  const max = 10 * 1024 * 1024;
  if (!match) {
    problems.push(`${name} must be a size in bytes, e.g. 262144 or 256kb (got "${raw}")`);
    return fallback;
  }
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  const value = Number(match[1]) * factor;
  if (value < min || value > max) {
    problems.push(`${name} must be between 1kb and 10mb (got "${raw}")`);
    return fallback;
  }
  return value;
}

function parseGraphBaseUrl(problems: string[], raw: string | undefined, mode: Mode): string {
  const name = 'GRAPH_BASE_URL';
  const value = raw ?? DEFAULTS.GRAPH_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} must be an absolute URL such as ${DEFAULTS.GRAPH_BASE_URL} (got "${value}")`);
    return DEFAULTS.GRAPH_BASE_URL;
  }
  if (url.username || url.password) {
    problems.push(`${name} must not contain a user name or password`);
  }
  if (url.search || url.hash) {
    problems.push(`${name} must not contain a query or fragment (got "${value}")`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    problems.push(`${name} must use https (plain http is allowed only for a loopback server such as http://127.0.0.1:PORT; got "${value}")`);
  } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`${name} must be an http(s) URL (got "${value}")`);
  }
  if (mode === 'live' && (url.protocol !== 'https:' || !GRAPH_HOSTS.includes(url.hostname.toLowerCase()))) {
    problems.push(
      `${name} must be https on a Microsoft Graph host (${GRAPH_HOSTS.join(', ')}) when MicrosoftAppId is set, ` +
        `because live mode sends the admin's real token to it (got "${value}")`,
    );
  }
  // Keep the path (e.g. a gateway prefix), drop a trailing slash so callers can append "/v1.0/...".
  return value.replace(/\/+$/, '');
}

function parseOAuthUrl(problems: string[], raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || !OAUTH_HOST.test(url.hostname) || url.username || url.password || url.search || url.hash) {
    problems.push(
      `OAUTH_URL must be the https URL of a Bot Framework token service (a *.botframework.com, *.botframework.azure.us or *.botframework.azure.cn host), ` +
        `e.g. https://europe.token.botframework.com (got "${raw}")`,
    );
    return undefined;
  }
  return raw.replace(/\/+$/, '');
}

function parseAllowedTenants(problems: string[], raw: string | undefined): AllowedTenants | undefined {
  if (raw === undefined) return undefined;
  if (raw === '*') return '*';
  const ids = raw.split(',').map((id) => id.trim().toLowerCase()).filter((id) => id !== '');
  const bad = ids.filter((id) => !GUIDISH.test(id));
  if (ids.length === 0 || bad.length > 0) {
    problems.push(`ALLOWED_TENANTS must be * or tenant IDs (GUIDs) separated by commas (got "${raw}")`);
    return undefined;
  }
  return [...new Set(ids)];
}

/** SAMPLE_SERVICE_URLS → origins; each must be http(s) on loopback (sample mode answers unauthenticated requests). */
function parseSampleServiceOrigins(problems: string[], raw: string | undefined): string[] {
  const fallback = [`http://localhost:${DEFAULTS.PLAYGROUND_PORT}`, `http://127.0.0.1:${DEFAULTS.PLAYGROUND_PORT}`];
  if (raw === undefined) return fallback;
  const origins: string[] = [];
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const item of items) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
      problems.push(`SAMPLE_SERVICE_URLS must list http(s) URLs on loopback (127.0.0.1, localhost, [::1]) separated by commas (got "${item}")`);
    } else {
      origins.push(url.origin);
    }
  }
  if (items.length === 0) problems.push('SAMPLE_SERVICE_URLS is set but lists no URL');
  return origins;
}

function parseAppType(problems: string[], raw: string | undefined): AppType {
  if (raw === undefined) return 'MultiTenant';
  const found = APP_TYPES.find((t) => t.toLowerCase() === raw.toLowerCase());
  if (!found) {
    problems.push(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')} (got "${raw}")`);
    return 'MultiTenant';
  }
  return found;
}

/**
 * BLOB_CONNECTION_STRING → how to sign in. Messages never repeat the value (it may hold an account key).
 * See https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string.
 */
function parseBlobAccess(problems: string[], raw: string, clientId: string | undefined): BlobAccess | undefined {
  const name = 'BLOB_CONNECTION_STRING';
  const shape =
    `${name} must be an Azure Storage connection string (Name=value pairs separated by ;), e.g. UseDevelopmentStorage=true for Azurite, ` +
    `or BlobEndpoint=https://<account>.blob.core.windows.net/ alone to sign in with a managed identity`;
  const parts = raw.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const pairs = new Map<string, string>();
  for (const part of parts) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(part);
    if (!match) {
      problems.push(`${shape} (part ${parts.indexOf(part) + 1} is not Name=value)`);
      return undefined;
    }
    pairs.set(match[1].toLowerCase(), match[2].trim());
  }
  const keyed = pairs.has('accountkey') || pairs.has('sharedaccesssignature') || pairs.get('usedevelopmentstorage')?.toLowerCase() === 'true';
  if (keyed) {
    if (pairs.has('accountkey') && !pairs.has('accountname')) problems.push(`${name} has an AccountKey but no AccountName`);
    return { kind: 'connectionString', connectionString: raw };
  }
  const endpoint = pairs.get('blobendpoint');
  const others = [...pairs.keys()].filter((k) => k !== 'blobendpoint' && k !== 'defaultendpointsprotocol' && k !== 'endpointsuffix');
  if (endpoint === undefined || others.length > 0) {
    problems.push(`${shape} (without a key or SharedAccessSignature it must hold only BlobEndpoint)`);
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
    problems.push(
      `${name}: BlobEndpoint must be the https URL of the storage account's Blob service without a query, e.g. https://<account>.blob.core.windows.net/ ` +
        `(Microsoft Entra sign-in works over https only; got "${url ? url.origin + url.pathname : 'not a URL'}")`,
    );
    return undefined;
  }
  if (clientId !== undefined && !GUIDISH.test(clientId)) {
    problems.push(`AZURE_CLIENT_ID must be the managed identity's client ID, a GUID (got "${clientId}")`);
  }
  return { kind: 'identity', endpoint: `${url.origin}${url.pathname}`.replace(/\/+$/, ''), ...(clientId ? { clientId } : {}) };
}

/**
 * APPLICATIONINSIGHTS_CONNECTION_STRING (https://learn.microsoft.com/azure/azure-monitor/app/connection-strings):
 * InstrumentationKey (a GUID) and IngestionEndpoint, or EndpointSuffix for a national cloud; the global endpoint
 * when neither is given.
 */
function parseAppInsights(problems: string[], raw: string | undefined): AppInsightsTarget | undefined {
  if (raw === undefined) return undefined;
  const name = 'APPLICATIONINSIGHTS_CONNECTION_STRING';
  const pairs = new Map(
    raw
      .split(';')
      .map((p) => /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(p))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1].toLowerCase(), m[2]]),
  );
  const instrumentationKey = pairs.get('instrumentationkey') ?? '';
  const suffix = pairs.get('endpointsuffix');
  const endpoint = pairs.get('ingestionendpoint') || (suffix ? `https://dc.${suffix}` : 'https://dc.services.visualstudio.com');
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  const transportOk = url && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)));
  if (!GUIDISH.test(instrumentationKey) || !url || !transportOk || url.search || url.hash || url.username || url.password) {
    problems.push(
      `${name} must be the connection string from the Application Insights resource's Overview page: InstrumentationKey=<GUID>;IngestionEndpoint=https://…/ ` +
        `(${!GUIDISH.test(instrumentationKey) ? 'InstrumentationKey is missing or not a GUID' : `IngestionEndpoint must be an https URL, got "${endpoint}"`})`,
    );
    return undefined;
  }
  return { instrumentationKey: instrumentationKey.toLowerCase(), ingestionEndpoint: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

function validContainerName(name: string): boolean {
  return /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(name);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parse and validate `env` (pure: reads only the object it is given). Throws `ConfigError` listing every problem.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const appId = readSetting(problems, env, 'MicrosoftAppId');
  const appPassword = readSetting(problems, env, 'MicrosoftAppPassword');
  const tenantId = readSetting(problems, env, 'MicrosoftAppTenantId')?.toLowerCase();
  const appType = parseAppType(problems, readSetting(problems, env, 'MicrosoftAppType'));
  const mode: Mode = appId ? 'live' : 'sample';

  // --- The demo/credential rule -------------------------------------------------------------------------
  if (mode === 'sample') {
    const lookalikes = credentialLookalikes(env);
    if (lookalikes.length > 0) {
      const empty = lookalikes.filter((n) => read(env, n) === undefined);
      problems.push(
        `No bot app id is set (MicrosoftAppId, BOT_ID, CLIENT_ID), so this would start the sample tenant with ` +
          `authentication off, but these variables look like credentials: ${lookalikes.join(', ')}` +
          `${empty.length ? ` (declared but empty: ${empty.join(', ')})` : ''}. ` +
          `Sample-tenant mode refuses to start next to real credentials: set the bot's app id for live mode, or remove them`,
      );
    }
  } else {
    for (const name of ['SAMPLE_TENANT_PERSONA', 'SAMPLE_TENANT_PORT', 'SAMPLE_SERVICE_URLS'] as const) {
      if (read(env, name) !== undefined) {
        problems.push(
          `${name} is a sample-tenant setting and cannot be used with MicrosoftAppId (live mode); ` +
            `remove ${name}, or remove MicrosoftAppId/MicrosoftAppPassword to run the sample tenant`,
        );
      }
    }
  }

  let bot: BotCredentials | undefined;
  if (mode === 'live' && appId) {
    if (!GUIDISH.test(appId)) problems.push(`MicrosoftAppId must be the bot's Entra app (client) ID, a GUID (got "${appId}")`);
    if (tenantId !== undefined && !GUIDISH.test(tenantId)) {
      problems.push(`MicrosoftAppTenantId must be a tenant ID (GUID) (got "${tenantId}")`);
    }
    if (appType === 'UserAssignedMSI') {
      if (appPassword) problems.push('MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI');
      if (!tenantId) problems.push('MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI');
    } else {
      if (!appPassword) problems.push(`MicrosoftAppPassword is required when MicrosoftAppId is set (MicrosoftAppType ${appType})`);
      if (appType === 'SingleTenant' && !tenantId) problems.push('MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
    }
    bot = { appId, appPassword, tenantId, appType };
  }

  const oauthUrl = parseOAuthUrl(problems, read(env, 'OAUTH_URL'));
  let allowedTenants = parseAllowedTenants(problems, read(env, 'ALLOWED_TENANTS'));
  if (allowedTenants === undefined && read(env, 'ALLOWED_TENANTS') === undefined) {
    if (mode === 'sample') allowedTenants = '*';
    else if (appType !== 'MultiTenant' && tenantId) allowedTenants = [tenantId];
    else if (appType === 'MultiTenant') {
      problems.push(
        'ALLOWED_TENANTS is required for a MultiTenant bot: list the tenant IDs (GUIDs) whose users may use it, ' +
          'separated by commas, or * to serve every tenant',
      );
    }
  }
  const sampleServiceOrigins = mode === 'sample' ? parseSampleServiceOrigins(problems, read(env, 'SAMPLE_SERVICE_URLS')) : [];

  const port = parseInteger(problems, 'PORT', read(env, 'PORT'), DEFAULTS.PORT, 0, 65535);
  const graphBaseUrl = parseGraphBaseUrl(problems, read(env, 'GRAPH_BASE_URL'), mode);
  const graphTimeoutMs = parseInteger(problems, 'GRAPH_TIMEOUT_MS', read(env, 'GRAPH_TIMEOUT_MS'), DEFAULTS.GRAPH_TIMEOUT_MS, 100, 120_000);
  const watchIntervalSeconds = parseInteger(problems, 'WATCH_INTERVAL_SECONDS', read(env, 'WATCH_INTERVAL_SECONDS'), DEFAULTS.WATCH_INTERVAL_SECONDS, 5, 24 * 60 * 60);
  const maxBodyBytes = parseBytes(problems, 'MAX_BODY_BYTES', read(env, 'MAX_BODY_BYTES'), DEFAULTS.MAX_BODY_BYTES);

  // Same name rule as src/auth/personas.ts (ga, groups, appadmin, helpdesk, or a persona another tenant defines).
  const persona = read(env, 'SAMPLE_TENANT_PERSONA') ?? DEFAULTS.SAMPLE_TENANT_PERSONA;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(persona)) {
    problems.push(`SAMPLE_TENANT_PERSONA must be a persona name such as "ga" or "helpdesk" (letters, digits, '.', '_', '-') (got "${persona}")`);
  }
  const samplePort = parseInteger(problems, 'SAMPLE_TENANT_PORT', read(env, 'SAMPLE_TENANT_PORT'), DEFAULTS.SAMPLE_TENANT_PORT, 0, 65535);

  const storageKind = (read(env, 'STORAGE') ?? DEFAULTS.STORAGE).toLowerCase();
  let storage: StorageConfig = { kind: 'memory' };
  if (storageKind === 'blob') {
    const connectionString = read(env, 'BLOB_CONNECTION_STRING');
    const container = read(env, 'BLOB_CONTAINER') ?? DEFAULTS.BLOB_CONTAINER;
    if (!connectionString) problems.push('BLOB_CONNECTION_STRING is required when STORAGE=blob');
    const access = connectionString ? parseBlobAccess(problems, connectionString, read(env, 'AZURE_CLIENT_ID')) : undefined;
    if (!validContainerName(container)) {
      problems.push(`BLOB_CONTAINER must be a valid blob container name (3-63 lowercase letters, digits, single hyphens) (got "${container}")`);
    }
    if (access) storage = { kind: 'blob', access, container };
  } else if (storageKind !== 'memory') {
    problems.push(`STORAGE must be memory or blob (got "${storageKind}")`);
  }

  const rawLevel = (read(env, 'LOG_LEVEL') ?? DEFAULTS.LOG_LEVEL).toLowerCase();
  const logLevel = LOG_LEVELS.find((l) => l === rawLevel);
  if (!logLevel) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLevel}")`);

  const oauthConnectionName = read(env, 'OAUTH_CONNECTION_NAME');
  const oauthWriteConnectionName = read(env, 'OAUTH_WRITE_CONNECTION_NAME');
  if (oauthWriteConnectionName && !oauthConnectionName) {
    problems.push('OAUTH_WRITE_CONNECTION_NAME needs OAUTH_CONNECTION_NAME too (sign-in for reading comes first)');
  }

  const appInsights = parseAppInsights(problems, read(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING'));

  if (problems.length > 0) throw new ConfigError(problems);

  return deepFreeze<Config>({
    mode,
    port,
    ...(bot ? { bot } : {}),
    ...(oauthUrl ? { oauthUrl } : {}),
    allowedTenants: allowedTenants ?? [],
    sampleServiceOrigins,
    ...(oauthConnectionName ? { oauthConnectionName } : {}),
    ...(oauthWriteConnectionName ? { oauthWriteConnectionName } : {}),
    graphBaseUrl,
    graphTimeoutMs,
    sampleTenant: { persona, port: samplePort },
    storage,
    logLevel: logLevel ?? DEFAULTS.LOG_LEVEL,
    maxBodyBytes,
    ...(appInsights ? { appInsights } : {}),
    watchIntervalSeconds,
  });
}

/** Start-up entry: `.env` (never overriding real environment variables) + process.env → Config. */
export function readConfig(envFile?: string): Config {
  dotenv.config(envFile ? { path: envFile } : undefined);
  return loadConfig(process.env);
}
