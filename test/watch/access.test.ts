/** Who reads the tenant for the watcher: the persona in sample mode; the bot's own app-only access in live mode, where it has some. */
import { loadConfig } from '../../src/config';
import { watcherGraph } from '../../src/watch/access';

const HOME = '11111111-2222-4333-8444-555555555555';
const OTHER = '66666666-7777-4888-9999-000000000000';
const live = (env: Record<string, string>) =>
  loadConfig({ LOG_LEVEL: 'silent', MicrosoftAppId: '0b0b0b0b-1111-4222-8333-444455556666', ALLOWED_TENANTS: '*', ...env });

describe('watcher access', () => {
  it('sample-tenant mode: the configured persona, for any conversation tenant', () => {
    const graph = watcherGraph(loadConfig({ LOG_LEVEL: 'silent' }), { graphBaseUrl: 'http://127.0.0.1:1' });
    expect(graph(OTHER)).toBeDefined();
    expect(graph(HOME)).toBe(graph(OTHER));
  });

  it('a single-tenant bot reads its own tenant only; a multi-tenant bot each tenant (with that tenant’s admin consent)', () => {
    const single = watcherGraph(live({ MicrosoftAppPassword: 'test-only', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: HOME }), { graphBaseUrl: 'https://graph.microsoft.com' });
    expect(single(HOME)).toBeDefined();
    expect(single(OTHER)).toBeUndefined();
    const multi = watcherGraph(live({ MicrosoftAppPassword: 'test-only' }), { graphBaseUrl: 'https://graph.microsoft.com' });
    expect(multi(OTHER)).toBeDefined();
    expect(multi(OTHER)).toBe(multi(OTHER.toUpperCase()));
  });

  it('a user-assigned managed identity reads the tenant it lives in', () => {
    const msi = watcherGraph(live({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: HOME }), { graphBaseUrl: 'https://graph.microsoft.com' });
    expect(msi(HOME)).toBeDefined();
    expect(msi(OTHER)).toBeUndefined();
  });
});
