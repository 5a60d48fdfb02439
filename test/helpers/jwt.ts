/**
 * Loopback Bot Framework token issuer: OpenID metadata + JWKS signed with a test RSA key, so the REAL inbound
 * validation in `ConfigurationBotFrameworkAuthentication` runs against it. It works only when all of
 * ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, ToBotFromEmulatorOpenIdMetadataUrl,
 * ToChannelFromBotLoginUrl, ToChannelFromBotOAuthScope, OAuthUrl, CallerId and ValidateAuthority are given together
 * (`authSettings()` returns exactly that set).
 *
 * Outbound (bot → connector) tokens: MSAL refuses http authorities, so tests inject `StaticCredentialsFactory`
 * through `createAdapter(config, { credentialsFactory })` instead of touching production code.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as jwt from 'jsonwebtoken';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

export const TEST_ISSUER = 'https://api.botframework.test';
export const TEST_OUTBOUND_TOKEN = 'test-outbound-token';

export interface SignOptions {
  /** Claims merged over the valid defaults (aud, iss, serviceurl, nbf, exp, iat). */
  claims?: Record<string, unknown>;
  /** Sign with a different key (bad signature). */
  wrongKey?: boolean;
  algorithm?: jwt.Algorithm;
  /** Key id header; defaults to the published key. */
  kid?: string;
}

export interface JwtIssuer {
  url: string;
  appId: string;
  /** A token Teams' channel service could have sent for an activity to `serviceUrl`. */
  sign(serviceUrl: string, options?: SignOptions): string;
  /** An unsigned token (`alg: none`). */
  unsigned(serviceUrl: string): string;
  /** An HS256 token whose secret is the public key (the classic algorithm-confusion attack). */
  hs256(serviceUrl: string): string;
  authSettings(oauthUrl?: string): Record<string, string>;
  credentialsFactory(): ServiceClientCredentialsFactory;
  /** Number of metadata/JWKS fetches (shows the real validation used this server). */
  fetches: { metadata: number; keys: number };
  close(): Promise<void>;
}

/** Outbound credential for tests: signs connector calls with a fixed bearer token; validates our app id. */
export class StaticCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly token = TEST_OUTBOUND_TOKEN,
  ) {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials() {
    const token = this.token;
    return {
      async signRequest<T extends { headers: { set(name: string, value: string): void } }>(request: T): Promise<T> {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    } as unknown as Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>;
  }
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export async function startJwtIssuer(appId: string): Promise<JwtIssuer> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-signing-key';
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const fetches = { metadata: 0, keys: 0 };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path.endsWith('/.well-known/openid-configuration')) {
      fetches.metadata += 1;
      json(200, {
        issuer: TEST_ISSUER,
        authorization_endpoint: `${base}/authorize`,
        jwks_uri: `${base}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    } else if (path === '/keys') {
      fetches.keys += 1;
      json(200, { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'emulator', 'webchat', 'directline'] }] });
    } else {
      json(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const claimsFor = (serviceUrl: string, extra: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: TEST_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...extra };
  };

  return {
    url,
    appId,
    fetches,
    sign(serviceUrl, options = {}) {
      const key = options.wrongKey ? other.privateKey : privateKey;
      return jwt.sign(claimsFor(serviceUrl, options.claims), key, {
        algorithm: options.algorithm ?? 'RS256',
        keyid: options.kid ?? kid,
        noTimestamp: true,
      });
    },
    unsigned(serviceUrl) {
      const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid }));
      return `${header}.${base64url(JSON.stringify(claimsFor(serviceUrl)))}.`;
    },
    hs256(serviceUrl) {
      const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }));
      const payload = base64url(JSON.stringify(claimsFor(serviceUrl)));
      const secret = publicKey.export({ format: 'pem', type: 'spki' }) as string;
      const signature = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      return `${header}.${payload}.${signature}`;
    },
    authSettings(oauthUrl = `${url}/oauth`) {
      return {
        ToBotFromChannelOpenIdMetadataUrl: `${url}/channel/.well-known/openid-configuration`,
        ToBotFromChannelTokenIssuer: TEST_ISSUER,
        ToBotFromEmulatorOpenIdMetadataUrl: `${url}/emulator/.well-known/openid-configuration`,
        ToChannelFromBotLoginUrl: `${url}/login`,
        ToChannelFromBotOAuthScope: TEST_ISSUER,
        OAuthUrl: oauthUrl,
        CallerId: 'urn:botframework:test',
        ValidateAuthority: 'false',
      };
    },
    credentialsFactory: () => new StaticCredentialsFactory(appId),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
