import { ActivityTypes, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { botFrameworkAuthSettings, createAdapter, handleTurnError, SyncHelperAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';

const APP_ID = '0b0b0b0b-1111-4222-8333-444455556666';
const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('the adapter for each way SyncHelper is deployed', () => {
  it('sample-tenant mode passes no credentials, so inbound auth is off (Agents Playground, local dev)', () => {
    expect(botFrameworkAuthSettings(loadConfig({}))).toEqual({});
  });

  it('a multi-tenant bot passes its app id and secret', () => {
    expect(botFrameworkAuthSettings(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', ALLOWED_TENANTS: '*' }))).toEqual({
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

describe('the regional token service', () => {
  it("OAUTH_URL reaches the user-token client that sign-in uses (an EU bot's tokens stay in the EU)", async () => {
    const config = loadConfig({ BOT_ID: APP_ID, BOT_PASSWORD: 's', ALLOWED_TENANTS: TENANT, OAUTH_URL: 'https://europe.token.botframework.com' });
    expect(botFrameworkAuthSettings(config)).toMatchObject({ MicrosoftAppId: APP_ID, OAuthUrl: 'https://europe.token.botframework.com' });
    const adapter = createAdapter(config);
    const auth = (adapter as unknown as { botFrameworkAuthentication: { createUserTokenClient(c: ClaimsIdentity): Promise<unknown> } }).botFrameworkAuthentication;
    const client = (await auth.createUserTokenClient(new ClaimsIdentity([{ type: 'aud', value: APP_ID }], true))) as { client: { baseUri: string } };
    expect(client.client.baseUri).toBe('https://europe.token.botframework.com');
  });
});

describe('the turn-error handler never throws, whatever the activity looked like', () => {
  /** A context over botbuilder's TestAdapter, with the activity exactly as given (no defaults filled in). */
  function contextFor(activity: Record<string, unknown>, sendFails = false): { context: TurnContext; sent: Partial<Activity>[] } {
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, {} as Activity);
    (context as unknown as { _activity: unknown })._activity = activity;
    const sent: Partial<Activity>[] = [];
    context.onSendActivities(async (_ctx, activities, next) => {
      if (sendFails) throw new Error('channel refused the reply');
      sent.push(...activities);
      return next();
    });
    return { context, sent };
  }
  const quiet = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

  it.each([
    ['a number as locale', { type: 'message', locale: 42, conversation: { id: 'a:1' }, serviceUrl: 'http://127.0.0.1:1/' }],
    ['an object as locale', { type: 'message', locale: { toString: null }, conversation: { id: 'a:1' }, serviceUrl: 'http://127.0.0.1:1/' }],
    ['a string as conversation', { type: 'message', conversation: 'a:1', serviceUrl: 'http://127.0.0.1:1/' }],
    ['no fields at all', {}],
    ['an invoke with an object name and array locale', { type: 'invoke', name: { a: 1 }, locale: ['nb-NO'], conversation: { id: 7 } }],
    ['a card click with a numeric serviceUrl', { type: 'invoke', name: 'adaptiveCard/action', serviceUrl: 5, conversation: { id: 'a:1' } }],
  ])('%s', async (_label, activity) => {
    const spy = quiet();
    try {
      const { context } = contextFor(activity);
      await expect(handleTurnError(context, new Error('dialog failed'))).resolves.toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });

  it('a card click is still answered in place, in Norwegian for nb-NO', async () => {
    const { context, sent } = contextFor({ type: 'invoke', name: 'adaptiveCard/action', locale: 'nb-NO', conversation: { id: 'a:1' } });
    await handleTurnError(context, new Error('x'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { value: expect.stringMatching(/^Beklager, noe gikk galt/) } } });
  });

  it('an error thrown while apologising, or a context without an activity, stays inside', async () => {
    const spy = quiet();
    try {
      const { context } = contextFor({ type: 'message', locale: 'en-US', conversation: { id: 'a:1' }, serviceUrl: 'http://127.0.0.1:1/' }, true);
      await expect(handleTurnError(context, new Error('x'))).resolves.toBeUndefined();
      await expect(handleTurnError(undefined as unknown as TurnContext, 'not even an Error')).resolves.toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });
});
