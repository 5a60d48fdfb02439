/**
 * The one Microsoft Graph client factory. Built on @microsoft/microsoft-graph-client 3.0.7 with our own
 * middleware chain:
 *
 *   AuthMiddleware → RetryMiddleware → TimeoutMiddleware → HTTPMessageHandler (the library's fetch)
 *
 * Why our own middleware instead of the library's defaults (checked in node_modules, 3.0.7):
 * - `AuthenticationHandler` only attaches the token when `isGraphURL`/`isCustomHost` is true, and both only
 *   recognise `https://` URLs, so an http loopback server (the sample tenant, tests) would get no token.
 *   Ours attaches the token to requests for the configured base URL's origin only — and to nothing else.
 * - `RetryHandler` retries 429/503/504 but has no overall time budget, and knows nothing about $batch
 *   sub-responses. Ours shares one budget per logical call (a GET, a paged GET, a whole $batch with its
 *   sub-request retries), passed per request as a middleware option.
 * - There is no timeout at all. Ours aborts with an AbortController and also covers reading the body.
 * - `PageIterator`/`GraphRequest.parsePath` only split off the host of `https://` absolute URLs, so an
 *   http `@odata.nextLink` would be mangled. `getAll` strips the base URL and version itself and hands the
 *   library a relative path + query.
 * - Errors thrown inside middleware are re-wrapped by `GraphErrorHandler` unless they are a
 *   `GraphClientError`; our transport error extends it so "timeout" vs "network" survives the library.
 *
 * Every call returns data, never throws for an HTTP failure: `get`/`getAll`/`post` give a `Part`,
 * `request`/`batch` give `GraphResponse`s (status 0 for a timeout or network failure).
 * The token is never logged: only the method, path, status and duration are reported.
 */
import {
  Client,
  GraphClientError,
  HTTPMessageHandler,
  ResponseType,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'crypto';
import type { Part } from '../diagnostics/snapshot';
import { log } from '../log';
import { countGraphRoundTrip, trackEvent } from '../telemetry';
import {
  correlationIds,
  type GraphResponse,
  isSuccess,
  NETWORK_CODE,
  requestLabel,
  TIMEOUT_CODE,
  toFailed,
  transportFailure,
} from './errors';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const GRAPH_VERSION = 'v1.0';
export const MAX_BATCH = 20;

export interface RoundTripInfo {
  method: string;
  /** Path and query relative to the version root, e.g. '/$batch' or '/groups?$filter=…'. Never carries the token. */
  path: string;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  durationMs: number;
  /** 0 for the first attempt of this HTTP request, 1.. for HTTP-level retries. */
  attempt: number;
}

export interface GraphClientOptions {
  /** The delegated access token, or a function returning a fresh one per request. */
  accessToken: string | (() => Promise<string>);
  /** GRAPH_BASE_URL; default https://graph.microsoft.com. An http:// loopback URL is accepted too. */
  baseUrl?: string;
  /** Per HTTP request (including reading the body); default 10000. */
  timeoutMs?: number;
  /** Retries per HTTP request and per $batch sub-request; default 3. */
  maxRetries?: number;
  /** Total time one logical call may spend waiting before retries; default 8000. */
  retryBudgetMs?: number;
  /** Injectable wait (tests record the ms instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** Wall clock in ms, for Retry-After given as an HTTP date; default Date.now. */
  now?: () => number;
  /** Called once per HTTP round trip (a $batch counts once). */
  onRoundTrip?: (info: RoundTripInfo) => void;
}

export interface BatchRequest {
  id: string;
  method: string;
  /** Relative to the version root, e.g. '/groups/{id}?$select=id'. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface GraphApi {
  /** The base URL requests go to (no trailing slash, no version). */
  readonly baseUrl: string;
  /** One request with the full response (never throws for HTTP/transport failures). */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<GraphResponse>;
  get<T>(path: string, headers?: Record<string, string>): Promise<Part<T>>;
  /** GET a collection and follow @odata.nextLink up to maxPages pages (default 10). */
  getAll<T>(path: string, maxPages?: number, headers?: Record<string, string>): Promise<Part<T[]>>;
  /** POST JSON; a 2xx with no body gives Read(undefined). */
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<Part<T | undefined>>;
  /** JSON batching: chunks of ≤ 20, retries only throttled/5xx sub-requests; a response for every id. */
  batch(requests: BatchRequest[]): Promise<Map<string, GraphResponse>>;
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Thrown inside the middleware chain for a request that got no response. Extends GraphClientError so that
 * GraphRequest.send rethrows it as is (it re-wraps every other error into a GraphError and loses the cause). */
export class GraphTransportError extends GraphClientError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    // GraphClientError's constructor resets the prototype to its own; restore ours so instanceof works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphTransportError';
  }
}

/** The retry budget of one logical call, shared by HTTP-level and $batch sub-request retries. */
export class RetryBudget implements MiddlewareOptions {
  constructor(public remainingMs: number) {}
  /** Reserves `ms` of waiting; false when it would exceed the budget. */
  take(ms: number): boolean {
    if (ms > this.remainingMs) return false;
    this.remainingMs -= ms;
    return true;
  }
}

const RETRYABLE_HTTP = new Set([429, 503, 504]);
const isRetryableSub = (status: number) => status === 429 || (status >= 500 && status <= 599);

/** Milliseconds to wait: Retry-After in seconds or as an HTTP date, else exponential back-off (1 s, 2 s, 4 s…). */
export function retryDelayMs(retryAfter: string | null | undefined, attempt: number, now: () => number): number {
  if (retryAfter != null && retryAfter.trim() !== '') {
    const value = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(parseFloat(value) * 1000);
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - now());
  }
  return 1000 * 2 ** attempt;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return String(v);
  return undefined;
}

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

function setHeader(context: Context, name: string, value: string | undefined): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    if (value === undefined) headers.delete(name);
    else headers.set(name, value);
    return;
  }
  const plain: Record<string, string> = { ...((headers as Record<string, string> | undefined) ?? {}) };
  for (const k of Object.keys(plain)) if (k.toLowerCase() === name.toLowerCase()) delete plain[k];
  if (value !== undefined) plain[name] = value;
  options.headers = plain;
}

abstract class Chained implements Middleware {
  protected next!: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

/** Attaches `Authorization: Bearer …` to requests for the base URL's origin only; strips it from anything else. */
class AuthMiddleware extends Chained {
  constructor(
    private readonly origin: string,
    private readonly token: () => Promise<string>,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    let target: string;
    try {
      target = new URL(requestUrl(context)).origin;
    } catch {
      target = '';
    }
    if (target === this.origin) {
      let token: string;
      try {
        token = await this.token();
      } catch {
        throw new GraphTransportError('token_unavailable', 'No access token could be obtained.');
      }
      setHeader(context, 'Authorization', `Bearer ${token}`);
    } else {
      setHeader(context, 'Authorization', undefined);
    }
    await this.next.execute(context);
  }
}

/** Retries 429/503/504 honouring Retry-After within the per-call budget; hands back the last response otherwise. */
class RetryMiddleware extends Chained {
  constructor(
    private readonly maxRetries: number,
    private readonly defaultBudgetMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const budget =
      (context.middlewareControl?.getMiddlewareOptions(RetryBudget) as RetryBudget | undefined) ??
      new RetryBudget(this.defaultBudgetMs);
    for (let attempt = 0; ; attempt++) {
      (context as AttemptContext).attempt = attempt;
      await this.next.execute(context);
      const response = context.response;
      if (!response || !RETRYABLE_HTTP.has(response.status) || attempt >= this.maxRetries) return;
      const wait = retryDelayMs(response.headers.get('retry-after'), attempt, this.now);
      if (!budget.take(wait)) return;
      await this.sleep(wait);
    }
  }
}

interface AttemptContext extends Context {
  attempt?: number;
}

/** Aborts a request (headers and body) after timeoutMs, buffers the body and reports the round trip. */
class TimeoutMiddleware extends Chained {
  constructor(
    private readonly timeoutMs: number,
    private readonly root: string,
    private readonly onRoundTrip?: (info: RoundTripInfo) => void,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const options = (context.options ??= {});
    options.signal = controller.signal;
    const url = requestUrl(context);
    const method = (options.method ?? 'GET').toUpperCase();
    const path = url.startsWith(this.root) ? url.slice(this.root.length) || '/' : url;
    const started = Date.now();
    const report = (status: number) => {
      countGraphRoundTrip();
      this.onRoundTrip?.({ method, path, status, durationMs: Date.now() - started, attempt: (context as AttemptContext).attempt ?? 0 });
    };
    try {
      await this.next.execute(context);
      const response = context.response as Response;
      const text = await response.text();
      const bodyless = response.status === 204 || response.status === 205 || response.status === 304;
      context.response = new Response(bodyless ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      report(response.status);
    } catch (error) {
      report(0);
      if (error instanceof GraphTransportError) throw error;
      if (timedOut) throw new GraphTransportError(TIMEOUT_CODE, `No answer within ${this.timeoutMs} ms.`);
      const cause = error instanceof Error ? ((error as Error & { cause?: { code?: string } }).cause?.code ?? error.message) : 'unknown';
      throw new GraphTransportError(NETWORK_CODE, `The request could not be completed (${cause}).`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function normalizeBaseUrl(raw: string | undefined): { origin: string; version: string } {
  const value = (raw ?? '').trim() || DEFAULT_GRAPH_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`GRAPH_BASE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`GRAPH_BASE_URL must be http(s): ${value}`);
  // Accept a base URL that already ends in /v1.0 or /beta; any other path prefix is kept in front of the version.
  let prefix = url.pathname.replace(/\/+$/, '');
  let version = GRAPH_VERSION;
  const m = /^(.*)\/(v1\.0|beta)$/.exec(prefix);
  if (m) {
    prefix = m[1];
    version = m[2];
  }
  return { origin: url.origin + prefix, version };
}

/**
 * A request label without the tenant's data, for telemetry: every path segment that is not a plain name (an object
 * id, a user principal name, `servicePrincipals(appId='…')`) becomes `{id}`. "GET /groups/{id}/members".
 */
export function requestShape(label: string): string {
  return label.replace(/\/[^/\s]+/g, (segment) => (/^\/[A-Za-z.$]+$/.test(segment) ? segment : '/{id}'));
}

/**
 * One warn line per failed Graph (sub-)request, with the ids Microsoft support asks for; never the token or body.
 * The telemetry export gets the same, with the request reduced to its shape.
 */
function logFailure(request: string, response: GraphResponse): void {
  const failed = toFailed(response, request);
  const ids = { requestId: failed.requestId ?? null, clientRequestId: failed.clientRequestId ?? null };
  log.warn('graph request failed', { request, status: failed.status, code: failed.code, ...ids });
  trackEvent('graph request failed', { request: requestShape(request), status: failed.status, code: failed.code, ...ids });
}

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => {
    out[k.toLowerCase()] = v;
  });
  return out;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Groups requests so that dependsOn chains stay in one chunk, then packs groups into chunks of ≤ 20. */
export function chunkBatch(requests: BatchRequest[]): BatchRequest[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let p = parent.get(id) ?? id;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    return p;
  };
  for (const r of requests) parent.set(r.id, r.id);
  for (const r of requests) for (const d of r.dependsOn ?? []) if (parent.has(d)) parent.set(find(r.id), find(d));
  const groups = new Map<string, BatchRequest[]>();
  for (const r of requests) {
    const root = find(r.id);
    const g = groups.get(root) ?? [];
    g.push(r);
    groups.set(root, g);
  }
  const chunks: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  for (const g of groups.values()) {
    if (g.length > MAX_BATCH) throw new Error(`A dependsOn chain of ${g.length} requests does not fit one $batch (max ${MAX_BATCH}).`);
    if (current.length + g.length > MAX_BATCH) {
      chunks.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function pick(ids: { requestId?: string; clientRequestId?: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (ids.requestId) out['request-id'] = ids.requestId;
  if (ids.clientRequestId) out['client-request-id'] = ids.clientRequestId;
  return out;
}

export function createGraphClient(opts: GraphClientOptions): GraphApi {
  const { origin, version } = normalizeBaseUrl(opts.baseUrl);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxRetries = opts.maxRetries ?? 3;
  const budgetMs = opts.retryBudgetMs ?? 8_000;
  const sleep = opts.sleep ?? sleepReal;
  const now = opts.now ?? Date.now;
  const tokenSource = opts.accessToken;
  const getToken = typeof tokenSource === 'string' ? async () => tokenSource : tokenSource;
  const root = `${origin}/${version}`;
  const tokenOrigin = new URL(origin).origin;

  const client = Client.initWithMiddleware({
    baseUrl: origin,
    defaultVersion: version,
    middleware: [
      new AuthMiddleware(tokenOrigin, getToken),
      new RetryMiddleware(maxRetries, budgetMs, sleep, now),
      new TimeoutMiddleware(timeoutMs, root, opts.onRoundTrip),
      new HTTPMessageHandler(),
    ],
  });

  async function send(
    method: string,
    path: string,
    budget: RetryBudget,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<GraphResponse> {
    // Every Graph request carries a client-request-id (kept across its retries) so a failure can be traced with Microsoft.
    const clientRequestId = randomUUID();
    const req = client.api(path).responseType(ResponseType.RAW).middlewareOptions([budget]);
    req.headers({ ...(headers ?? {}), 'client-request-id': clientRequestId });
    const label = requestLabel(method, path);
    try {
      let raw: Response;
      switch (method.toUpperCase()) {
        case 'GET':
          raw = await req.get();
          break;
        case 'POST':
          raw = await req.post(body ?? {});
          break;
        case 'PATCH':
          raw = await req.patch(body ?? {});
          break;
        case 'PUT':
          raw = await req.put(body ?? {});
          break;
        case 'DELETE':
          raw = await req.delete();
          break;
        default:
          throw new Error(`Unsupported method ${method}`);
      }
      const response: GraphResponse = { status: raw.status, headers: headersToRecord(raw.headers), body: parseBody(await raw.text()) };
      response.headers['client-request-id'] ||= clientRequestId;
      if (!isSuccess(response.status)) logFailure(label, response);
      return response;
    } catch (error) {
      if (error instanceof GraphTransportError) {
        const response = transportFailure(error.code, error.message, clientRequestId);
        logFailure(label, response);
        return response;
      }
      const message = error instanceof Error ? error.message : String(error);
      log.error('graph request error', { request: label, error: message, clientRequestId });
      trackEvent('graph request failed', { request: requestShape(label), status: 0, code: NETWORK_CODE, clientRequestId });
      return transportFailure(NETWORK_CODE, message, clientRequestId);
    }
  }

  /** Strips our base URL (and version) from an @odata.nextLink; undefined when it points anywhere else. */
  function relativeNextLink(link: string): string | undefined {
    if (link.startsWith('/')) return link;
    if (link.startsWith(root + '/') || link.startsWith(root + '?')) return link.slice(root.length);
    return undefined;
  }

  function asPart<T>(method: string, path: string, res: GraphResponse): Part<T> {
    return isSuccess(res.status) ? { ok: true, value: res.body as T } : toFailed(res, requestLabel(method, path));
  }

  async function runChunk(chunk: BatchRequest[], budget: RetryBudget, out: Map<string, GraphResponse>): Promise<void> {
    let pending = chunk;
    for (let attempt = 0; ; attempt++) {
      const ids = new Set(pending.map((r) => r.id));
      const wire = pending.map((r) => {
        const item: Record<string, unknown> = { id: r.id, method: r.method.toUpperCase(), url: r.url };
        const headers = { ...(r.headers ?? {}) };
        if (r.body !== undefined && !headerValue(headers, 'content-type')) headers['Content-Type'] = 'application/json';
        if (Object.keys(headers).length) item.headers = headers;
        if (r.body !== undefined) item.body = r.body;
        const deps = (r.dependsOn ?? []).filter((d) => ids.has(d));
        if (deps.length) item.dependsOn = deps;
        return item;
      });
      const res = await send('POST', '/$batch', budget, { requests: wire });
      if (!isSuccess(res.status)) {
        for (const r of pending) out.set(r.id, res);
        return;
      }
      const responses = ((res.body as { responses?: unknown[] } | undefined)?.responses ?? []) as {
        id?: unknown;
        status?: unknown;
        headers?: Record<string, string>;
        body?: unknown;
      }[];
      const byId = new Map(responses.map((s) => [String(s.id), s]));
      for (const r of pending) {
        const s = byId.get(r.id);
        if (!s) {
          out.set(r.id, transportFailure('missingBatchResponse', `The $batch answer had no response for '${r.id}'.`));
          continue;
        }
        // A sub-response is traced through its $batch request's ids unless it carries its own.
        const headers: Record<string, string> = { ...pick(correlationIds(res)) };
        for (const [k, v] of Object.entries(s.headers ?? {})) headers[k.toLowerCase()] = String(v);
        const sub: GraphResponse = { status: Number(s.status) || 0, headers, body: s.body };
        if (!isSuccess(sub.status)) logFailure(`${requestLabel(r.method, r.url)} (in $batch)`, sub);
        out.set(r.id, sub);
      }
      const retry = new Set(pending.filter((r) => isRetryableSub(out.get(r.id)!.status)).map((r) => r.id));
      if (retry.size === 0 || attempt >= maxRetries) return;
      // A request that failed only because its dependency was throttled (424) goes along with it.
      for (const r of pending) {
        if (out.get(r.id)!.status === 424 && (r.dependsOn ?? []).some((d) => retry.has(d))) retry.add(r.id);
      }
      let wait = 0;
      for (const id of retry) {
        const sub = out.get(id)!;
        if (sub.status === 424) continue;
        wait = Math.max(wait, retryDelayMs(sub.headers['retry-after'], attempt, now));
      }
      if (!budget.take(wait)) return;
      await sleep(wait);
      pending = pending.filter((r) => retry.has(r.id));
    }
  }

  return {
    baseUrl: origin,
    request: (method, path, body, headers) => send(method, path, new RetryBudget(budgetMs), body, headers),
    async get<T>(path: string, headers?: Record<string, string>): Promise<Part<T>> {
      return asPart<T>('GET', path, await send('GET', path, new RetryBudget(budgetMs), undefined, headers));
    },
    async getAll<T>(path: string, maxPages = 10, headers?: Record<string, string>): Promise<Part<T[]>> {
      const budget = new RetryBudget(budgetMs);
      const items: T[] = [];
      let next: string | undefined = path;
      for (let page = 0; next && page < maxPages; page++) {
        const res = await send('GET', next, budget, undefined, headers);
        if (!isSuccess(res.status)) return toFailed(res, requestLabel('GET', path));
        const body = (res.body ?? {}) as { value?: T[]; '@odata.nextLink'?: string };
        items.push(...(body.value ?? []));
        const link = body['@odata.nextLink'];
        next = link ? relativeNextLink(link) : undefined;
        if (link && !next) {
          log.warn('graph nextLink points outside the base URL; paging stopped', { request: requestLabel('GET', path) });
        }
      }
      return { ok: true, value: items };
    },
    async post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<Part<T | undefined>> {
      return asPart<T | undefined>('POST', path, await send('POST', path, new RetryBudget(budgetMs), body, headers));
    },
    async batch(requests: BatchRequest[]): Promise<Map<string, GraphResponse>> {
      const out = new Map<string, GraphResponse>();
      if (requests.length === 0) return out;
      const seen = new Set<string>();
      for (const r of requests) {
        if (seen.has(r.id)) throw new Error(`Duplicate $batch request id '${r.id}'.`);
        seen.add(r.id);
      }
      const budget = new RetryBudget(budgetMs);
      await Promise.all(chunkBatch(requests).map((chunk) => runChunk(chunk, budget, out)));
      return out;
    },
  };
}
