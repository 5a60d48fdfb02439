import * as fs from 'fs';
import { ConfigError, loadConfig } from '../src/config';
import { resourcePath } from '../src/paths';

const APP_ID = '0b0b0b0b-1111-4222-8333-444455556666';
const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';

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
      maxBodyBytes: 256 * 1024,
    });
    expect(config.bot).toBeUndefined();
  });

  it('empty values in .env ("NAME=") count as not set', () => {
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '  ', PORT: '' }).mode).toBe('sample');
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
  it('refuses sample mode when a bot password is set without an app id', () => {
    const problems = problemsOf({ MicrosoftAppPassword: 'real-secret' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MicrosoftAppPassword is set but MicrosoftAppId is empty/);
    expect(problems[0]).not.toContain('real-secret');
  });

  it('refuses sample mode when a bot tenant id is set without an app id', () => {
    expect(problemsOf({ MicrosoftAppTenantId: TENANT })[0]).toMatch(/^MicrosoftAppTenantId is set but MicrosoftAppId is empty/);
  });

  it.each(['SAMPLE_TENANT_PERSONA', 'SAMPLE_TENANT_PORT'])('refuses live mode with the sample switch %s forced on', (name) => {
    const problems = problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', [name]: name.endsWith('PORT') ? '4010' : 'ga' });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} is a sample-tenant setting and cannot be used with MicrosoftAppId`))]);
  });

  it.each([
    ['a loopback server', 'http://127.0.0.1:4010'],
    ['a non-Microsoft https host', 'https://graph.contoso.example'],
  ])('refuses live mode when GRAPH_BASE_URL is %s (real tokens would go there)', (_label, url) => {
    const problems = problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', GRAPH_BASE_URL: url });
    expect(problems).toEqual([expect.stringMatching(/^GRAPH_BASE_URL must be https on a Microsoft Graph host/)]);
  });

  it('live mode with a national-cloud Graph host is fine', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', GRAPH_BASE_URL: 'https://graph.microsoft.us' });
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.us');
  });
});

describe('live mode credentials', () => {
  it('MultiTenant with an app id and password runs live', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', OAUTH_CONNECTION_NAME: 'GraphConnection' });
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
    expect(problemsOf({ MicrosoftAppId: APP_ID })).toEqual(['MicrosoftAppPassword is required when MicrosoftAppId is set (MicrosoftAppType MultiTenant)']);
  });

  it('an app id that is not a GUID is refused', () => {
    expect(problemsOf({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 's' })[0]).toMatch(/^MicrosoftAppId must be the bot's Entra app \(client\) ID/);
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
      connectionString: 'UseDevelopmentStorage=true',
      container: 'synchelper-state',
    });
  });
});

describe('.env.example', () => {
  const text = fs.readFileSync(resourcePath('.env.example'), 'utf8');
  const names = [...text.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);

  it('lists every setting, each with a comment above it', () => {
    expect(names.sort()).toEqual(
      [
        'PORT',
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'MicrosoftAppType',
        'OAUTH_CONNECTION_NAME',
        'OAUTH_WRITE_CONNECTION_NAME',
        'GRAPH_BASE_URL',
        'GRAPH_TIMEOUT_MS',
        'SAMPLE_TENANT_PERSONA',
        'SAMPLE_TENANT_PORT',
        'STORAGE',
        'BLOB_CONNECTION_STRING',
        'BLOB_CONTAINER',
        'LOG_LEVEL',
        'MAX_BODY_BYTES',
      ].sort(),
    );
    const lines = text.split('\n');
    for (const name of names) {
      const index = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(lines[index - 1]).toMatch(/^#/);
    }
  });

  it('copied as is, it starts the sample tenant', () => {
    const env = Object.fromEntries(names.map((n) => [n, '']));
    expect(loadConfig(env).mode).toBe('sample');
  });
});
