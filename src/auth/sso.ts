/**
 * Teams SSO plumbing around the Bot Framework Token Service (docs/teams-notes.md, "Sign-in"):
 * - a create-once dedupe store for TeamsSSOTokenExchangeMiddleware on the shared RecordStore (never the state
 *   BlobsStorage: its first write already gets 412 and the exchange is swallowed, docs/teams-notes.md, "Sign-in");
 * - the middleware factory (one middleware per OAuth connection, picked by the invoke's connectionName);
 * - sign-out through the turn's UserTokenClient (CloudAdapter has no signOutUser, §2.6);
 * - the `signin/failure` answer (TeamsActivityHandler would answer 501, §2.7).
 * Tokens are never logged or stored here.
 */
import {
  ActivityTypes,
  INVOKE_RESPONSE_KEY,
  TeamsSSOTokenExchangeMiddleware,
  type Middleware,
  type Storage,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import { log } from '../log';
import { tenantOf } from '../state/botState';
import type { RecordStore } from '../state/records';

/**
 * A Storage whose write creates keys and never overwrites them: writing a key that already exists fails with an
 * "eTag conflict" error (what TeamsSSOTokenExchangeMiddleware treats as "a duplicate, already handled").
 * On the shared RecordStore (create-only: If-None-Match * on Blob), so a duplicate exchange arriving at a second
 * instance is dropped too. Entries expire after `ttlMs` (default 15 minutes, the OAuth prompt's lifetime).
 * Keys: `sso/{tenant}/{channel}/{conversation}/{exchange id}`.
 */
export class CreateOnceStorage implements Storage {
  constructor(
    private readonly records: RecordStore,
    private readonly ttlMs = 15 * 60 * 1000,
    private readonly prefix = 'sso/_/',
  ) {}

  /** The same store with keys under one tenant. */
  forTenant(tenantId: string): CreateOnceStorage {
    return new CreateOnceStorage(this.records, this.ttlMs, `sso/${tenantId.replace(/\//g, '%2F')}/`);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const found = await this.records.read(this.prefix + key);
      if (found) out[key] = found.value;
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      if (!(await this.records.create(this.prefix + key, value, { ttlMs: this.ttlMs }))) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict (the key already exists).`);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.records.delete(this.prefix + key);
  }
}

/**
 * Middleware that exchanges the Teams SSO token (`signin/tokenExchange`) and drops duplicates of one exchange
 * (a user signed in on several Teams clients sends one per client). With several connections (read and write),
 * the invoke's `connectionName` picks the matching one; unknown names go to the first.
 */
export function createSsoMiddleware(connectionNames: string | readonly string[], storage: Storage): Middleware {
  const names = (typeof connectionNames === 'string' ? [connectionNames] : [...connectionNames]).filter(
    (n): n is string => typeof n === 'string' && n.length > 0,
  );
  if (names.length === 0) throw new TypeError('createSsoMiddleware needs at least one OAuth connection name');
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const value = context.activity.value as { connectionName?: unknown } | undefined;
      const name = typeof value?.connectionName === 'string' && names.includes(value.connectionName) ? value.connectionName : names[0];
      // Per turn (it is only two fields): de-duplication keys then carry the turn's tenant.
      const scoped = storage instanceof CreateOnceStorage ? storage.forTenant(tenantOf(context)) : storage;
      return new TeamsSSOTokenExchangeMiddleware(scoped, name).onTurn(context, next);
    },
  };
}

/** The UserTokenClient the CloudAdapter put in turn state (undefined with adapters that have none). */
export function userTokenClientOf(context: TurnContext): UserTokenClient | undefined {
  const key = (context.adapter as unknown as { UserTokenClientKey?: symbol }).UserTokenClientKey;
  return key ? context.turnState.get<UserTokenClient>(key) : undefined;
}

/**
 * Sign the person who sent this activity (`activity.from.id`) out of one OAuth connection at the Token Service.
 * Returns false when this adapter has no UserTokenClient (nothing to sign out of).
 */
export async function signOut(context: TurnContext, connectionName: string): Promise<boolean> {
  const client = userTokenClientOf(context);
  const userId = context.activity.from?.id;
  if (!client || !userId) return false;
  await client.signOutUser(userId, connectionName, context.activity.channelId);
  return true;
}

/** Answer an invoke with 200 unless something already answered it this turn. */
export async function acknowledgeInvoke(context: TurnContext, message?: string): Promise<void> {
  if (context.activity.type !== ActivityTypes.Invoke || context.turnState.get(INVOKE_RESPONSE_KEY)) return;
  const isCardAction = context.activity.name === 'adaptiveCard/action';
  // A card click with nothing to say is answered by the bot after the turn (its card, or a short "got it").
  if (isCardAction && !message) return;
  const body = isCardAction
    ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message ?? '' }
    : undefined;
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

export interface SignInFailureInfo {
  code: string;
  message: string;
}

/** The `{code, message}` of a `signin/failure` invoke (e.g. resourcematchfailed), trimmed and without tokens. */
function readSignInFailure(context: TurnContext): SignInFailureInfo {
  const value = (context.activity.value ?? {}) as { code?: unknown; message?: unknown };
  const clean = (v: unknown, fallback: string) =>
    typeof v === 'string' && v.trim() ? v.trim().replace(/[^\w .,:;()'/-]/g, '').slice(0, 120) : fallback;
  return { code: clean(value.code, 'unknown'), message: clean(value.message, '') };
}

/** Log a `signin/failure` (code only, never a token) and answer the invoke with 200. */
export async function recordSignInFailure(context: TurnContext): Promise<SignInFailureInfo> {
  const info = readSignInFailure(context);
  log.warn('signin.sso_failed', {
    code: info.code,
    message: info.message,
    channelId: context.activity.channelId,
    conversationType: context.activity.conversation?.conversationType,
  });
  await acknowledgeInvoke(context);
  return info;
}
