import * as fs from 'fs';
import { ConfigError, loadConfig, SETTING_NAMES } from '../src/config';
import { resourcePath } from '../src/paths';

const APP_ID = '0b0b0b0b-1111-4222-8333-444455556666';
const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';
/** A MultiTenant live bot serving one tenant. */
/** Azurite's published development key (not a secret). */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const LIVE = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', ALLOWED_TENANTS: TENANT };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  throw new Error('expected loadConfig to refuse this configuration');
}

describe('configuration for a newcomer with no Azure account', () => {
  it('an empty environment starts the sample tenant with the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      mode: 'sample',
      port: 3978,
      graphBaseUrl: 'https://graph.microsoft.com',
      graphTimeoutMs: 10000,
      sampleTenant: { persona: 'ga', port: 0 },
      storage: { kind: 'memory' },
      logLevel: 'info',
      maxBodyBytes: 128 * 1024,
      watchIntervalSeconds: 300,
      allowedTenants: '*',
      sampleServiceOrigins: ['http://localhost:56150', 'http://127.0.0.1:56150'],
    });
    expect(config.bot).toBeUndefined();
  });

  it('empty values in .env ("NAME=") count as not set', () => {
    expect(loadConfig({ MicrosoftAppType: '', PORT: '', OAUTH_URL: '', ALLOWED_TENANTS: '' }).mode).toBe('sample');
  });

  it('the configuration is frozen, deeply', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.sampleTenant)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow();
  });

  it('a sample tenant persona and port, and a loopback Graph-compatible server, are accepted', () => {
    const config = loadConfig({ SAMPLE_TENANT_PERSONA: 'helpdesk', SAMPLE_TENANT_PORT: '4010', GRAPH_BASE_URL: 'http://127.0.0.1:4010/' });
    expect(config.sampleTenant).toEqual({ persona: 'helpdesk', port: 4010 });
    expect(config.graphBaseUrl).toBe('http://127.0.0.1:4010');
  });
});

describe('a demo mode never runs next to real credentials', () => {
  const REAL_LOOKING_KEY = 'q2VcB9x0ZZmZ3tY7l1w8n0aWm9QkS4uJt6R5e3Yc1Xo8pLhD2fGk7sA4bN0vM1cE9rT3yU6iO5pQ8wZ2xC4vB7n==';

  it.each([
    ['a bot password without an app id', { MicrosoftAppPassword: 'real-secret' }, ['MicrosoftAppPassword']],
    ['a bot tenant id without an app id', { MicrosoftAppTenantId: TENANT }, ['MicrosoftAppTenantId']],
    ["the Agents Toolkit's BOT_PASSWORD (this repo's env/ files use these names)", { BOT_PASSWORD: 'real-secret' }, ['BOT_PASSWORD']],
    ['SECRET_BOT_PASSWORD', { SECRET_BOT_PASSWORD: 'real-secret' }, ['SECRET_BOT_PASSWORD']],
    ['an upper-case app password', { MICROSOFTAPPPASSWORD: 'real-secret' }, ['MICROSOFTAPPPASSWORD']],
    ['a blank password, declared as in an old .env', { MicrosoftAppPassword: '' }, ['MicrosoftAppPassword']],
    ['a blank app id next to a blank password', { MicrosoftAppId: ' ', MicrosoftAppPassword: '' }, ['MicrosoftAppId', 'MicrosoftAppPassword']],
    ['an Azure SDK client secret', { AZURE_CLIENT_SECRET: 'real-secret' }, ['AZURE_CLIENT_SECRET']],
    ['a storage account key', { AZURE_STORAGE_KEY: REAL_LOOKING_KEY }, ['AZURE_STORAGE_KEY']],
    [
      'a blob connection string with a real account key',
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: `DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${REAL_LOOKING_KEY};EndpointSuffix=core.windows.net` },
      ['BLOB_CONNECTION_STRING'],
    ],
    ['a connection string with a SAS', { SOME_STORAGE: 'BlobEndpoint=https://contoso.blob.core.windows.net/;SharedAccessSignature=sv=2024&sig=abc' }, ['SOME_STORAGE']],
    ['the Agents SDK client secret and tenant', { CLIENT_SECRET: 'real-secret', TENANT_ID: TENANT }, ['CLIENT_SECRET', 'TENANT_ID']],
    [
      'an Agents SDK connection, spelled the .NET way',
      { Connections__ServiceConnection__Settings__ClientSecret: 'real-secret', connections__graph__settings__clientSecret: 'real-secret' },
      ['Connections__ServiceConnection__Settings__ClientSecret', 'connections__graph__settings__clientSecret'],
    ],
  ])('refuses sample mode next to %s, naming the variables and never the values', (_label, env, names) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^No bot app id is set \(MicrosoftAppId, BOT_ID, CLIENT_ID\), so this would start the sample tenant/);
    expect(problems[0]).toContain(`look like credentials: ${names.join(', ')}`);
    for (const value of Object.values(env)) if (value.trim()) expect(problems[0]).not.toContain(value);
    expect(problems[0]).not.toContain(REAL_LOOKING_KEY);
  });

  it('says which credentials are declared but empty', () => {
    expect(problemsOf({ MicrosoftAppPassword: '', BOT_ID: '' })[0]).toContain('(declared but empty: BOT_ID, MicrosoftAppPassword)');
  });

  it("Azurite's published development key is not a credential: sample mode with Blob storage on Azurite starts", () => {
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connectionString }).mode).toBe('sample');
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).mode).toBe('sample');
  });

  it('the app type alone is not a credential', () => {
    expect(loadConfig({ MicrosoftAppType: 'SingleTenant' }).mode).toBe('sample');
  });

  it.each([
    ['SAMPLE_TENANT_PERSONA', 'ga'],
    ['SAMPLE_TENANT_PORT', '4010'],
    ['SAMPLE_SERVICE_URLS', 'http://127.0.0.1:3979'],
  ])('refuses live mode with the sample switch %s forced on', (name, value) => {
    const problems = problemsOf({ ...LIVE, [name]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} is a sample-tenant setting and cannot be used with MicrosoftAppId`))]);
  });

  it.each([
    ['a loopback server', 'http://127.0.0.1:4010'],
    ['a non-Microsoft https host', 'https://graph.contoso.example'],
  ])('refuses live mode when GRAPH_BASE_URL is %s (real tokens would go there)', (_label, url) => {
    const problems = problemsOf({ ...LIVE, GRAPH_BASE_URL: url });
    expect(problems).toEqual([expect.stringMatching(/^GRAPH_BASE_URL must be https on a Microsoft Graph host/)]);
  });

  it('live mode with a national-cloud Graph host is fine', () => {
    const config = loadConfig({ ...LIVE, GRAPH_BASE_URL: 'https://graph.microsoft.us' });
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.us');
  });
});

describe('live mode credentials', () => {
  it('MultiTenant with an app id and password runs live', () => {
    const config = loadConfig({ ...LIVE, MicrosoftAppPassword: 'secret', OAUTH_CONNECTION_NAME: 'GraphConnection' });
    expect(config.mode).toBe('live');
    expect(config.bot).toEqual({ appId: APP_ID, appPassword: 'secret', tenantId: undefined, appType: 'MultiTenant' });
    expect(config.oauthConnectionName).toBe('GraphConnection');
  });

  it('SingleTenant needs the tenant id; the app type is matched case-insensitively', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'singletenant' })).toEqual([
      'MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant',
    ]);
    const ok = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: TENANT });
    expect(ok.bot?.appType).toBe('SingleTenant');
  });

  it('UserAssignedMSI takes no password but needs a tenant', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'UserAssignedMSI' })).toEqual([
      'MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI',
      'MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI',
    ]);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).bot?.appPassword).toBeUndefined();
  });

  it('an app id without a password is refused', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID, ALLOWED_TENANTS: '*' })).toEqual(['MicrosoftAppPassword is required when MicrosoftAppId is set (MicrosoftAppType MultiTenant)']);
  });

  it('an app id that is not a GUID is refused', () => {
    expect(problemsOf({ ...LIVE, MicrosoftAppId: 'my-bot' })[0]).toMatch(/^MicrosoftAppId must be the bot's Entra app \(client\) ID/);
  });
});

describe('bad values stop start-up with a message naming the variable', () => {
  it.each([
    ['PORT', 'eighty', /^PORT must be a whole number/],
    ['PORT', '70000', /^PORT must be between 0 and 65535/],
    ['MicrosoftAppType', 'Personal', /^MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI/],
    ['GRAPH_BASE_URL', 'graph.microsoft.com', /^GRAPH_BASE_URL must be an absolute URL/],
    ['GRAPH_BASE_URL', 'http://graph.contoso.example', /^GRAPH_BASE_URL must use https/],
    ['GRAPH_BASE_URL', 'ftp://127.0.0.1/', /^GRAPH_BASE_URL must be an http\(s\) URL/],
    ['GRAPH_BASE_URL', 'https://user:pw@graph.microsoft.com', /^GRAPH_BASE_URL must not contain a user name or password/],
    ['GRAPH_TIMEOUT_MS', '10s', /^GRAPH_TIMEOUT_MS must be a whole number/],
    ['WATCH_INTERVAL_SECONDS', '4', /^WATCH_INTERVAL_SECONDS must be between 5 and 86400/],
    ['WATCH_INTERVAL_SECONDS', '5m', /^WATCH_INTERVAL_SECONDS must be a whole number/],
    ['GRAPH_TIMEOUT_MS', '5', /^GRAPH_TIMEOUT_MS must be between 100 and 120000/],
    ['MAX_BODY_BYTES', 'lots', /^MAX_BODY_BYTES must be a size in bytes/],
    ['MAX_BODY_BYTES', '20mb', /^MAX_BODY_BYTES must be between 1kb and 10mb/],
    ['SAMPLE_TENANT_PERSONA', 'Global Admin', /^SAMPLE_TENANT_PERSONA must be a persona name/],
    ['SAMPLE_TENANT_PORT', '-1', /^SAMPLE_TENANT_PORT must be a whole number/],
    ['STORAGE', 'cosmos', /^STORAGE must be memory or blob/],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL must be one of debug, info, warn, error, silent/],
  ])('%s=%s', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('reports every problem at once', () => {
    const err = (() => {
      try {
        loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err.message).toBe(
      'Invalid configuration:\n  - PORT must be a whole number between 0 and 65535 (got "x")\n  - LOG_LEVEL must be one of debug, info, warn, error, silent (got "loud")',
    );
  });

  it('sizes accept units', () => {
    expect(loadConfig({ MAX_BODY_BYTES: '512kb' }).maxBodyBytes).toBe(512 * 1024);
    expect(loadConfig({ MAX_BODY_BYTES: '1 MB' }).maxBodyBytes).toBe(1024 * 1024);
    expect(loadConfig({ MAX_BODY_BYTES: '4096' }).maxBodyBytes).toBe(4096);
  });
});

describe('blob storage', () => {
  it('needs a connection string and a valid container name', () => {
    expect(problemsOf({ STORAGE: 'blob', BLOB_CONTAINER: 'Bot_State' })).toEqual([
      'BLOB_CONNECTION_STRING is required when STORAGE=blob',
      expect.stringMatching(/^BLOB_CONTAINER must be a valid blob container name/),
    ]);
  });

  it('defaults the container to synchelper-state', () => {
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage).toEqual({
      kind: 'blob',
      access: { kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' },
      container: 'synchelper-state',
    });
  });

  const IDENTITY = '7f3e2a10-5b4c-4d3e-9f80-112233445566';

  it('an endpoint without a key (as infra/azure.bicep sets it) means signing in as the managed identity in AZURE_CLIENT_ID', () => {
    const config = loadConfig({
      ...LIVE,
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: 'BlobEndpoint=https://contosobotstate.blob.core.windows.net/',
      BLOB_CONTAINER: 'bot-state',
      AZURE_CLIENT_ID: IDENTITY,
    });
    expect(config.storage).toEqual({
      kind: 'blob',
      access: { kind: 'identity', endpoint: 'https://contosobotstate.blob.core.windows.net', clientId: IDENTITY },
      container: 'bot-state',
    });
  });

  it('without AZURE_CLIENT_ID the endpoint still means Entra sign-in (the default Azure credential chain)', () => {
    const storage = loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'BlobEndpoint=https://contosobotstate.blob.core.windows.net;' }).storage;
    expect(storage).toEqual({ kind: 'blob', access: { kind: 'identity', endpoint: 'https://contosobotstate.blob.core.windows.net' }, container: 'synchelper-state' });
  });

  it('keeps a connection string with a key as it is (Azurite in the tests)', () => {
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: connectionString }).storage).toMatchObject({
      access: { kind: 'connectionString', connectionString },
    });
  });

  it.each([
    ['https://contosobotstate.blob.core.windows.net/', /^BLOB_CONNECTION_STRING must be an Azure Storage connection string .*\(part 1 is not Name=value\)$/],
    ['AccountName=contosobotstate', /without a key or SharedAccessSignature it must hold only BlobEndpoint/],
    ['BlobEndpoint=http://contosobotstate.blob.core.windows.net/', /BlobEndpoint must be the https URL .*got "http:\/\/contosobotstate.blob.core.windows.net\/"/],
    ['BlobEndpoint=blob-endpoint', /BlobEndpoint must be the https URL .*got "not a URL"/],
    [`AccountKey=${AZURITE_KEY}`, /^BLOB_CONNECTION_STRING has an AccountKey but no AccountName$/],
  ])('refuses a malformed BLOB_CONNECTION_STRING: %s', (value, message) => {
    const problems = problemsOf({ STORAGE: 'blob', BLOB_CONNECTION_STRING: value });
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).not.toContain('AccountKey=');
  });

  it('refuses an AZURE_CLIENT_ID that is not a client ID', () => {
    expect(
      problemsOf({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'BlobEndpoint=https://contosobotstate.blob.core.windows.net/', AZURE_CLIENT_ID: 'synchelper-id' }),
    ).toEqual(["AZURE_CLIENT_ID must be the managed identity's client ID, a GUID (got \"synchelper-id\")"]);
  });
});

describe('.env.example', () => {
  const text = fs.readFileSync(resourcePath('.env.example'), 'utf8');
  // `#Name=`: a credential setting, commented out so a copied file doesn't declare it empty.
  const names = [...text.matchAll(/^#?([A-Za-z_]+)=/gm)].map((m) => m[1]);
  const uncommented = [...text.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);

  it('lists every setting, each with a comment above it', () => {
    expect(names.sort()).toEqual(
      [
        'PORT',
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'MicrosoftAppType',
        'ALLOWED_TENANTS',
        'OAUTH_URL',
        'OAUTH_CONNECTION_NAME',
        'OAUTH_WRITE_CONNECTION_NAME',
        'GRAPH_BASE_URL',
        'GRAPH_TIMEOUT_MS',
        'SAMPLE_TENANT_PERSONA',
        'SAMPLE_TENANT_PORT',
        'SAMPLE_SERVICE_URLS',
        'STORAGE',
        'BLOB_CONNECTION_STRING',
        'BLOB_CONTAINER',
        'AZURE_CLIENT_ID',
        'LOG_LEVEL',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'MAX_BODY_BYTES',
        'WATCH_INTERVAL_SECONDS',
      ].sort(),
    );
    const lines = text.split('\n');
    for (const name of names) {
      const index = lines.findIndex((l) => l.startsWith(`${name}=`) || l.startsWith(`#${name}=`));
      expect(lines[index - 1]).toMatch(/^#/);
    }
  });

  it('copied as is, it starts the sample tenant; the credential settings are the commented-out ones', () => {
    const env = Object.fromEntries(uncommented.map((n) => [n, '']));
    expect(loadConfig(env).mode).toBe('sample');
    expect(names.filter((n) => !uncommented.includes(n)).sort()).toEqual(['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId']);
  });

  it('names every alias it accepts', () => {
    for (const alias of Object.values(SETTING_NAMES).flat()) expect(text).toContain(alias);
  });
});

describe('the Agents Toolkit and Agents SDK names work as the Bot Framework ones', () => {
  it.each([
    ['Agents Toolkit', { BOT_ID: APP_ID, BOT_PASSWORD: 'secret', BOT_TENANT_ID: TENANT, BOT_TYPE: 'SingleTenant' }],
    ['Agents Toolkit, secret as SECRET_BOT_PASSWORD', { BOT_ID: APP_ID, SECRET_BOT_PASSWORD: 'secret', BOT_TENANT_ID: TENANT, BOT_TYPE: 'SingleTenant' }],
    ['Agents SDK', { CLIENT_ID: APP_ID, CLIENT_SECRET: 'secret', TENANT_ID: TENANT, MicrosoftAppType: 'SingleTenant' }],
    [
      'Agents SDK connection settings',
      {
        connections__serviceConnection__settings__clientId: APP_ID,
        connections__serviceConnection__settings__clientSecret: 'secret',
        connections__serviceConnection__settings__tenantId: TENANT,
        BOT_TYPE: 'singletenant',
      },
    ],
    ['other casings of the Bot Framework names', { MICROSOFTAPPID: APP_ID, microsoftAppPassword: 'secret', MicrosoftAppTenantID: TENANT, MICROSOFTAPPTYPE: 'SingleTenant' }],
  ])('%s: live mode starts, never the sample tenant', (_label, env) => {
    const config = loadConfig(env);
    expect(config.mode).toBe('live');
    expect(config.bot).toEqual({ appId: APP_ID, appPassword: 'secret', tenantId: TENANT, appType: 'SingleTenant' });
    expect(config.allowedTenants).toEqual([TENANT]);
  });

  it('one setting under two names with the same value is fine', () => {
    expect(loadConfig({ ...LIVE, BOT_ID: APP_ID }).bot?.appId).toBe(APP_ID);
  });

  it.each([
    ['MicrosoftAppId', { ...LIVE, BOT_ID: '99999999-9999-4999-8999-999999999999' }, 'MicrosoftAppId, BOT_ID'],
    ['MicrosoftAppPassword', { ...LIVE, SECRET_BOT_PASSWORD: 'other-secret' }, 'MicrosoftAppPassword, SECRET_BOT_PASSWORD'],
    ['MicrosoftAppTenantId', { ...LIVE, MicrosoftAppTenantId: TENANT, TENANT_ID: 'b1b2c3d4-0000-4000-8000-000000000002' }, 'MicrosoftAppTenantId, TENANT_ID'],
    ['MicrosoftAppType', { ...LIVE, MicrosoftAppType: 'MultiTenant', BOT_TYPE: 'SingleTenant', MicrosoftAppTenantId: TENANT }, 'MicrosoftAppType, BOT_TYPE'],
  ])('two different values for %s stop start-up, naming both variables and neither value', (setting, env, names) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toContainEqual(`${setting} is given under several names with different values (${names}): keep one of them, or give them the same value`);
    expect(problems.join('\n')).not.toMatch(/other-secret|99999999/);
  });
});

describe('the regional token service (OAUTH_URL)', () => {
  it.each(['https://europe.token.botframework.com', 'https://europe.token.botframework.com/', 'https://token.botframework.azure.us'])('%s is accepted', (url) => {
    expect(loadConfig({ ...LIVE, OAUTH_URL: url }).oauthUrl).toBe(url.replace(/\/$/, ''));
  });

  it('unset means the global service', () => {
    expect(loadConfig(LIVE).oauthUrl).toBeUndefined();
  });

  it.each([
    'http://europe.token.botframework.com',
    'https://europe.token.botframework.com.evil.example',
    'https://token.contoso.example',
    'https://botframework.com',
    'europe.token.botframework.com',
  ])('%s is refused', (url) => {
    expect(problemsOf({ ...LIVE, OAUTH_URL: url })).toEqual([expect.stringMatching(/^OAUTH_URL must be the https URL of a Bot Framework token service/)]);
  });
});

describe('allowed tenants', () => {
  const OTHER = 'b1b2c3d4-0000-4000-8000-000000000002';

  it('a MultiTenant bot must say which tenants it serves', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' })).toEqual([
      'ALLOWED_TENANTS is required for a MultiTenant bot: list the tenant IDs (GUIDs) whose users may use it, separated by commas, or * to serve every tenant',
    ]);
    expect(loadConfig({ ...LIVE, ALLOWED_TENANTS: '*' }).allowedTenants).toBe('*');
    expect(loadConfig({ ...LIVE, ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , ${OTHER}` }).allowedTenants).toEqual([TENANT, OTHER]);
  });

  it("a SingleTenant or managed-identity bot serves its own tenant unless told otherwise", () => {
    const single = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT };
    expect(loadConfig(single).allowedTenants).toEqual([TENANT]);
    expect(loadConfig({ ...single, ALLOWED_TENANTS: `${TENANT},${OTHER}` }).allowedTenants).toEqual([TENANT, OTHER]);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).allowedTenants).toEqual([TENANT]);
  });

  it('the sample tenant serves any tenant unless told otherwise', () => {
    expect(loadConfig({}).allowedTenants).toBe('*');
    expect(loadConfig({ ALLOWED_TENANTS: TENANT }).allowedTenants).toEqual([TENANT]);
  });

  it.each(['contoso.onmicrosoft.com', `${TENANT};${OTHER}`, '*,' + TENANT, ','])('ALLOWED_TENANTS=%s is refused', (value) => {
    expect(problemsOf({ ...LIVE, ALLOWED_TENANTS: value })).toEqual([expect.stringMatching(/^ALLOWED_TENANTS must be \* or tenant IDs \(GUIDs\) separated by commas/)]);
  });
});

describe('local channels the sample tenant answers (SAMPLE_SERVICE_URLS)', () => {
  it('defaults to the Agents Playground and takes loopback URLs, by origin', () => {
    expect(loadConfig({ SAMPLE_SERVICE_URLS: 'http://127.0.0.1:3979/, http://localhost:4000/_connector' }).sampleServiceOrigins).toEqual([
      'http://127.0.0.1:3979',
      'http://localhost:4000',
    ]);
  });

  it.each(['https://smba.trafficmanager.net/emea/', 'file:///tmp/x', 'not a url'])('%s is refused', (value) => {
    expect(problemsOf({ SAMPLE_SERVICE_URLS: value })).toEqual([expect.stringMatching(/^SAMPLE_SERVICE_URLS must list http\(s\) URLs on loopback/)]);
  });

  it('live mode has none (authentication decides who is answered)', () => {
    expect(loadConfig(LIVE).sampleServiceOrigins).toEqual([]);
  });
});

describe('Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING)', () => {
  const IKEY = '4F1E2D3C-AAAA-4BBB-8CCC-0123456789AB';

  it('unset means no export', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: '' }).appInsights).toBeUndefined();
  });

  it("takes the key and the regional ingestion endpoint from the resource's connection string", () => {
    const raw = `InstrumentationKey=${IKEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=0000`;
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: raw }).appInsights).toEqual({
      instrumentationKey: IKEY.toLowerCase(),
      ingestionEndpoint: 'https://westeurope-5.in.applicationinsights.azure.com',
    });
  });

  it('a national cloud by EndpointSuffix, and the global endpoint when neither is given', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};EndpointSuffix=applicationinsights.us` }).appInsights?.ingestionEndpoint).toBe(
      'https://dc.applicationinsights.us',
    );
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY}` }).appInsights?.ingestionEndpoint).toBe('https://dc.services.visualstudio.com');
  });

  it.each([
    ['IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/', /InstrumentationKey is missing or not a GUID/],
    [`InstrumentationKey=${IKEY.slice(0, 8)}`, /InstrumentationKey is missing or not a GUID/],
    [`InstrumentationKey=${IKEY};IngestionEndpoint=http://westeurope-5.in.applicationinsights.azure.com/`, /IngestionEndpoint must be an https URL/],
    [`InstrumentationKey=${IKEY};IngestionEndpoint=westeurope`, /IngestionEndpoint must be an https URL, got "westeurope"/],
  ])('refuses %s', (raw, message) => {
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: raw })).toEqual([expect.stringMatching(/^APPLICATIONINSIGHTS_CONNECTION_STRING must be the connection string/)]);
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: raw })[0]).toMatch(message);
  });
});
