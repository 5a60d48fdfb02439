/**
 * Loopback emulation of the Bot Framework Token Service — the routes the real `UserTokenClientImpl`
 * (botframework-connector's TokenApiClient) calls on the `OAuthUrl` setting:
 *
 *   GET    api/usertoken/GetToken?userId&connectionName&channelId[&code]   → 200 TokenResponse | 404
 *   POST   api/usertoken/exchange?userId&connectionName&channelId {token}  → 200 TokenResponse | 400 ErrorResponse
 *   DELETE api/usertoken/SignOut?userId[&connectionName]&channelId         → 200
 *   GET    api/usertoken/GetTokenStatus?userId&channelId[&include]         → 200 TokenStatus[]
 *   GET    api/botsignin/GetSignInResource?state                           → 200 SignInUrlResponse
 *   GET    api/botsignin/GetSignInUrl?state                                → 200 text
 *
 * The test plays the parts that happen outside the bot:
 *   - `issueSsoToken(userId, …)`: the Teams client obtained an SSO token for the user (exchangeable or not);
 *   - `completeSignIn(userId, connectionName)`: the user finished the sign-in page in the browser and was
 *     shown a magic code (returned), which the bot redeems through GetToken?code=…;
 *   - `giveToken(userId, connectionName)`: the user already has a token in the service.
 * Tokens are bound to (userId, connectionName): one user's code or SSO token never yields another's token.
 * Only 127.0.0.1 is listened on.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface TokenServiceRequest {
  method: string;
  /** Route without the query, e.g. 'api/usertoken/GetToken'. */
  route: string;
  query: Record<string, string>;
  body?: unknown;
  status: number;
}

export interface SignInState {
  connectionName: string;
  userId?: string;
  conversationId?: string;
  msAppId?: string;
}

interface PendingCode {
  userId: string;
  connectionName: string;
  token: string;
}

interface SsoToken {
  userId: string;
  exchangeable: boolean;
}

export class TokenServiceEmulator {
  /** Every request, in order. Never contains a user token (bodies of exchange calls hold only SSO tokens). */
  readonly requests: TokenServiceRequest[] = [];
  /** Decoded `state` of every GetSignInResource call (who was shown a sign-in card, for which connection). */
  readonly signInResources: SignInState[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly ssoTokens = new Map<string, SsoToken>();
  private counter = 0;
  private server?: http.Server;
  url = '';

  constructor(private readonly options: { exchangeFailureStatus?: 400 | 404 } = {}) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = raw;
        }
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const query: Record<string, string> = {};
        url.searchParams.forEach((v, k) => (query[k] = v));
        const route = url.pathname.replace(/^\/+/, '');
        const { status, payload, contentType } = this.handle(req.method ?? 'GET', route, query, body);
        this.requests.push({ method: req.method ?? 'GET', route, query, body, status });
        res.statusCode = status;
        if (payload === undefined) {
          res.end();
          return;
        }
        res.setHeader('Content-Type', contentType ?? 'application/json; charset=utf-8');
        res.end(typeof payload === 'string' && contentType ? payload : JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** The user already holds a token for this connection (e.g. signed in yesterday). Returns it. */
  giveToken(userId: string, connectionName: string): string {
    const token = this.mint(userId, connectionName);
    this.tokens.set(key(userId, connectionName), token);
    return token;
  }

  hasToken(userId: string, connectionName: string): boolean {
    return this.tokens.has(key(userId, connectionName));
  }

  /** The user completed the sign-in page; the page shows this six-digit magic code. */
  completeSignIn(userId: string, connectionName: string): string {
    this.counter += 1;
    const code = String(100000 + ((this.counter * 7919) % 900000));
    this.codes.set(code, { userId, connectionName, token: this.mint(userId, connectionName) });
    return code;
  }

  /** The Teams client obtained an SSO token for this user; `exchangeable: false` models missing consent / bad App ID URI. */
  issueSsoToken(userId: string, exchangeable = true): string {
    this.counter += 1;
    const sso = `sso-${this.counter}-${userId.replace(/[^a-zA-Z0-9]/g, '')}`;
    this.ssoTokens.set(sso, { userId, exchangeable });
    return sso;
  }

  count(route: string): number {
    return this.requests.filter((r) => r.route.toLowerCase() === route.toLowerCase()).length;
  }

  private mint(userId: string, connectionName: string): string {
    this.counter += 1;
    return `utok.${connectionName}.${userId.replace(/[^a-zA-Z0-9]/g, '')}.${this.counter}`;
  }

  private tokenResponse(userId: string, connectionName: string, channelId: string | undefined, token: string) {
    return { channelId, connectionName, token, expiration: '2099-01-01T00:00:00Z' };
  }

  private handle(
    method: string,
    route: string,
    q: Record<string, string>,
    body: unknown,
  ): { status: number; payload?: unknown; contentType?: string } {
    const r = route.toLowerCase();
    if (method === 'GET' && r === 'api/usertoken/gettoken') {
      if (!q.userId || !q.connectionName) return error(400, 'BadArgument', 'userId and connectionName are required');
      if (q.code) {
        const pending = this.codes.get(q.code);
        if (pending && pending.userId === q.userId && pending.connectionName === q.connectionName) {
          this.codes.delete(q.code);
          this.tokens.set(key(q.userId, q.connectionName), pending.token);
        }
      }
      const token = this.tokens.get(key(q.userId, q.connectionName));
      if (!token) return { status: 404 };
      return { status: 200, payload: this.tokenResponse(q.userId, q.connectionName, q.channelId, token) };
    }
    if (method === 'POST' && r === 'api/usertoken/exchange') {
      const request = (body ?? {}) as { token?: string; uri?: string };
      const sso = request.token ? this.ssoTokens.get(request.token) : undefined;
      if (!sso || !sso.exchangeable || sso.userId !== q.userId || !q.connectionName) {
        const status = this.options.exchangeFailureStatus ?? 400;
        return status === 404 ? { status: 404 } : error(400, 'ExchangeFailed', 'The token could not be exchanged');
      }
      // An exchange signs the user in: later GetToken calls for this connection return the same token.
      let token = this.tokens.get(key(q.userId, q.connectionName));
      if (!token) {
        token = this.mint(q.userId, q.connectionName);
        this.tokens.set(key(q.userId, q.connectionName), token);
      }
      return { status: 200, payload: this.tokenResponse(q.userId, q.connectionName, q.channelId, token) };
    }
    if (method === 'DELETE' && r === 'api/usertoken/signout') {
      if (!q.userId) return error(400, 'BadArgument', 'userId is required');
      for (const k of [...this.tokens.keys()]) {
        const [user, conn] = JSON.parse(k) as [string, string];
        if (user === q.userId && (!q.connectionName || conn === q.connectionName)) this.tokens.delete(k);
      }
      return { status: 200, payload: {} };
    }
    if (method === 'GET' && r === 'api/usertoken/gettokenstatus') {
      if (!q.userId) return error(400, 'BadArgument', 'userId is required');
      const include = q.include ? q.include.split(',').map((s) => s.trim()) : undefined;
      const connections = new Set<string>();
      for (const k of [...this.tokens.keys(), ...[...this.codes.values()].map((c) => key(c.userId, c.connectionName))]) {
        const [user, conn] = JSON.parse(k) as [string, string];
        if (user === q.userId) connections.add(conn);
      }
      const status = [...connections]
        .filter((c) => !include || include.includes(c))
        .map((c) => ({
          channelId: q.channelId,
          connectionName: c,
          hasToken: this.tokens.has(key(q.userId, c)),
          serviceProviderDisplayName: 'Azure Active Directory v2',
        }));
      return { status: 200, payload: status };
    }
    if (method === 'GET' && (r === 'api/botsignin/getsigninresource' || r === 'api/botsignin/getsigninurl')) {
      const state = decodeState(q.state);
      if (!state) return error(400, 'BadArgument', 'state is missing or not valid');
      const link = `${this.url}/signin?connection=${encodeURIComponent(state.connectionName)}&user=${encodeURIComponent(state.userId ?? '')}`;
      if (r === 'api/botsignin/getsigninurl') return { status: 200, payload: link, contentType: 'text/plain' };
      this.signInResources.push(state);
      this.counter += 1;
      return {
        status: 200,
        payload: {
          signInLink: link,
          tokenExchangeResource: {
            id: `ter-${this.counter}`,
            uri: `api://botid-${state.msAppId ?? 'unknown'}`,
            providerId: 'aad-v2',
          },
          tokenPostResource: { sasUrl: `${this.url}/post/${this.counter}` },
        },
      };
    }
    return error(404, 'NotFound', `no route ${method} ${route}`);
  }
}

function key(userId: string, connectionName: string): string {
  return JSON.stringify([userId, connectionName]);
}

function error(status: number, code: string, message: string) {
  return { status, payload: { error: { code, message } } };
}

function decodeState(state: string | undefined): SignInState | undefined {
  if (!state) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(state, 'base64').toString('utf8')) as {
      connectionName?: string;
      msAppId?: string;
      conversation?: { user?: { id?: string }; conversation?: { id?: string } };
    };
    if (!parsed.connectionName) return undefined;
    return {
      connectionName: parsed.connectionName,
      userId: parsed.conversation?.user?.id,
      conversationId: parsed.conversation?.conversation?.id,
      msAppId: parsed.msAppId,
    };
  } catch {
    return undefined;
  }
}
