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
import { errorResponse, messageResponse } from '../dialogs/invokeResponse';

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

/** ConfigurationBotFrameworkAuthentication settings for the bot's own credentials (empty in sample mode ⇒ auth off). */
export function botFrameworkAuthSettings(config: Config): Record<string, string> {
  if (!config.bot) return {};
  const settings: Record<string, string> = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppType: config.bot.appType,
  };
  if (config.bot.appPassword) settings.MicrosoftAppPassword = config.bot.appPassword;
  if (config.bot.tenantId) settings.MicrosoftAppTenantId = config.bot.tenantId;
  return settings;
}

/** What the user sees when a turn fails, and what an invoke answers so Teams never waits for nothing. */
export async function handleTurnError(context: TurnContext, error: unknown): Promise<void> {
  const activity = context.activity;
  log.error('turn failed', {
    ...describeError(error),
    activityType: activity?.type,
    name: activity?.name,
    channelId: activity?.channelId,
    conversationType: activity?.conversation?.conversationType,
  });
  const text = t(resolveLang(activity?.locale), 'common.error.turn');
  try {
    if (activity?.type === 'invoke') {
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
    if (activity?.conversation?.id && activity.serviceUrl) await context.sendActivity(text);
  } catch (sendError) {
    log.error('could not tell the user that the turn failed', describeError(sendError));
  }
}

export function createAdapter(config: Config, opts: AdapterOptions = {}): SyncHelperAdapter {
  const settings = { ...botFrameworkAuthSettings(config), ...(opts.botFrameworkAuthConfig ?? {}) };
  const auth = new ConfigurationBotFrameworkAuthentication(settings, opts.credentialsFactory);
  const adapter = new SyncHelperAdapter(auth);
  adapter.onTurnError = handleTurnError;
  return adapter;
}
