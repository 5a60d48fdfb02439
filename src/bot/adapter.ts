/**
 * The Bot Framework adapter: `CloudAdapter` + `ConfigurationBotFrameworkAuthentication`, and the turn-error policy.
 *
 * Inbound auth: no `MicrosoftAppId` ⇒ auth off (local dev, Agents Playground, sample-tenant mode); with app
 * credentials ⇒ every request must carry a valid Bot Framework JWT. Stock 4.23 answers 500 for some rejected tokens
 * (bad signature, future `nbf`, disallowed algorithm) because those errors are not `AuthenticationError`s; here
 * EVERY failure of the authentication step becomes an `AuthenticationError` (→ 401), and only failures after a
 * successful authentication can be a 500.
 */
import {
  Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  InvokeResponse,
  TurnContext,
} from 'botbuilder';
// botframework-connector is the auth layer botbuilder 4.23.3 is built on (same release, installed with it).
import { AuthenticateRequestResult, AuthenticationError, ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../config';
import { resolveLang, t } from '../i18n';
import { log } from '../log';
import { errorResponse, messageResponse } from '../cards/invoke';
import { createTenantGate } from './tenantGate';

export interface AdapterOptions {
  /**
   * Extra/overriding ConfigurationBotFrameworkAuthentication settings (tests: loopback OpenID metadata, issuer,
   * OAuthUrl, …). Merged over the settings derived from `config`.
   */
  botFrameworkAuthConfig?: Record<string, string>;
  /** Outbound (bot → channel) credentials. Tests inject a static one; production derives it from the settings. */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

type Logic = (context: TurnContext) => Promise<void>;

function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return {
      error: `${error.name}: ${error.message}`,
      stack: error.stack?.split('\n').slice(1, 6).map((l) => l.trim()).join(' | '),
    };
  }
  return { error: String(error) };
}

export class SyncHelperAdapter extends CloudAdapter {
  /** Authenticates first; any failure there is a 401, whatever the library threw. */
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined> {
    let authenticated: AuthenticateRequestResult;
    if (typeof auth === 'string') {
      try {
        authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
      } catch (err) {
        // Reason only (e.g. "invalid signature", "jwt not active"): never the header or the token.
        log.warn('inbound request rejected: token not valid', {
          reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
          hadAuthorizationHeader: auth.trim().length > 0,
        });
        throw new AuthenticationError('Unauthorized: the request did not carry a valid Bot Framework token.', 401);
      }
    } else {
      authenticated = auth;
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

/**
 * ConfigurationBotFrameworkAuthentication settings for the bot's own credentials (empty in sample mode ⇒ auth off),
 * and the regional token service (OAUTH_URL → `OAuthUrl`, used by the user-token client behind sign-in).
 */
export function botFrameworkAuthSettings(config: Config): Record<string, string> {
  if (!config.bot) return {};
  const settings: Record<string, string> = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppType: config.bot.appType,
  };
  if (config.bot.appPassword) settings.MicrosoftAppPassword = config.bot.appPassword;
  if (config.bot.tenantId) settings.MicrosoftAppTenantId = config.bot.tenantId;
  if (config.oauthUrl) settings.OAuthUrl = config.oauthUrl;
  return settings;
}

/** Fields of an activity as given, or undefined when missing or of the wrong type (the handler must not throw on them). */
function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * What the user sees when a turn fails, and what an invoke answers so Teams never waits for nothing. Never throws,
 * whatever the activity looks like (it may be the malformed activity that made the turn fail).
 */
export async function handleTurnError(context: TurnContext, error: unknown): Promise<void> {
  try {
    await reportTurnError(context, error);
  } catch (handlerError) {
    try {
      log.error('the turn-error handler itself failed', describeError(handlerError));
    } catch {
      // Nothing left to do: never let the error handler throw.
    }
  }
}

async function reportTurnError(context: TurnContext, error: unknown): Promise<void> {
  const activity = (context?.activity ?? {}) as Partial<Activity>;
  const conversation = (typeof activity.conversation === 'object' && activity.conversation) || undefined;
  log.error('turn failed', {
    ...describeError(error),
    activityType: stringField(activity.type),
    name: stringField(activity.name),
    channelId: stringField(activity.channelId),
    conversationType: stringField(conversation?.conversationType),
  });
  const text = t(resolveLang(stringField(activity.locale)), 'common.error.turn');
  try {
    if (activity.type === 'invoke') {
      const isCardAction = activity.name === 'adaptiveCard/action';
      if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
        // A card click shows the message in place; other invokes get a proper error response.
        const value: InvokeResponse = isCardAction
          ? { status: 200, body: messageResponse(text) }
          : { status: 500, body: errorResponse(500, 'InternalError', text) };
        await context.sendActivity({ type: 'invokeResponse', value });
      }
      if (isCardAction) return;
    }
    if (stringField(conversation?.id) && stringField(activity.serviceUrl)) await context.sendActivity(text);
  } catch (sendError) {
    log.error('could not tell the user that the turn failed', describeError(sendError));
  }
}

export function createAdapter(config: Config, opts: AdapterOptions = {}): SyncHelperAdapter {
  const settings = { ...botFrameworkAuthSettings(config), ...(opts.botFrameworkAuthConfig ?? {}) };
  const auth = new ConfigurationBotFrameworkAuthentication(settings, opts.credentialsFactory);
  const adapter = new SyncHelperAdapter(auth);
  adapter.onTurnError = handleTurnError;
  // First middleware: activities from tenants not in ALLOWED_TENANTS go no further.
  const tenantGate = createTenantGate(config.allowedTenants);
  if (tenantGate) adapter.use(tenantGate);
  return adapter;
}
