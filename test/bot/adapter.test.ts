import { botFrameworkAuthSettings, createAdapter, SyncHelperAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';

const APP_ID = '0b0b0b0b-1111-4222-8333-444455556666';
const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('the adapter for each way SyncHelper is deployed', () => {
  it('sample-tenant mode passes no credentials, so inbound auth is off (Agents Playground, local dev)', () => {
    expect(botFrameworkAuthSettings(loadConfig({}))).toEqual({});
  });

  it('a multi-tenant bot passes its app id and secret', () => {
    expect(botFrameworkAuthSettings(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' }))).toEqual({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
  });

  it('a single-tenant bot also passes its tenant', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT });
    expect(botFrameworkAuthSettings(config)).toMatchObject({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT });
  });

  it('a managed-identity bot passes no secret', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT });
    expect(botFrameworkAuthSettings(config)).toEqual({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT });
  });

  it('createAdapter builds a SyncHelperAdapter with the turn-error handler set', () => {
    const adapter = createAdapter(loadConfig({}));
    expect(adapter).toBeInstanceOf(SyncHelperAdapter);
    expect(typeof adapter.onTurnError).toBe('function');
  });
});
