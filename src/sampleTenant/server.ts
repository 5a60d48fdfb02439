/**
 * The sample tenant's HTTP side: a node:http server on 127.0.0.1 that speaks Microsoft Graph v1.0 (paths under
 * /v1.0, `$batch`), authenticates personas from `Authorization: Bearer <persona>`, logs one entry per round trip,
 * injects faults for tests and adds optional latency. The Graph semantics live in graph.ts.
 */
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { systemClock, type Clock } from '../clock';
import { createSampleDataset, PERSONAS, type Dataset, type PersonaName } from './dataset';
import { GraphHandler } from './graph';
import type { ExchangePart, GraphExchange, LoggedRequest } from './exchange';
import { ODataError } from './odata';
import { graphError, randomId, safeDecode, type GraphRequest, type GraphResponse } from './query';
import { answerBatch } from './routes/batch';

export type { ExchangePart, GraphExchange, LoggedRequest, LoggedSubRequest } from './exchange';

export interface FaultSpec {
  /** Matched against the decoded "path?query" (e.g. "/v1.0/groups?$filter=…"); batch sub-requests are matched as "/v1.0" + their url. */
  match: RegExp | string;
  /** Answer with this Graph error; omit for a pure delay. */
  status?: 429 | 500 | 503 | 401 | 403 | 404;
  /** How many matching requests it hits (default: every one until cleared). */
  times?: number;
  /** Retry-After header in seconds (429 default 1; 503 only when given). */
  retryAfterSeconds?: number;
  /** Answer this much later (provokes client time-outs). */
  delayMs?: number;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(fault: FaultSpec): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first live fault matching `target`, consuming one of its `times`. */
  take(target: string): FaultSpec | undefined {
    const f = this.faults.find((x) => x.remaining > 0 && (typeof x.match === 'string' ? target.includes(x.match) : x.match.test(target)));
    if (!f) return undefined;
    f.remaining--;
    if (typeof f.match !== 'string') f.match.lastIndex = 0;
    return f;
  }
}

export interface SampleTenant {
  /** e.g. http://127.0.0.1:53123 (no /v1.0) */
  url: string;
  requests: LoggedRequest[];
  faults: FaultInjector;
  dataset: Dataset;
  close(): Promise<void>;
}

export interface SampleTenantOptions {
  port?: number;
  clock?: Clock;
  /** Fixed delay per HTTP round trip (benchmarks). */
  latencyMs?: number;
  dataset?: Dataset;
  /** Called once per HTTP round trip with the request and the answer (see GraphExchange). */
  onExchange?: (exchange: GraphExchange) => void;
}

const MAX_BODY = 1024 * 1024;
const FAULT_CODES: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please retry after the number of seconds in the Retry-After header.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.'],
  401: ['InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'],
  403: ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
  404: ['Request_ResourceNotFound', 'The requested resource does not exist.'],
};

export async function startSampleTenant(opts: SampleTenantOptions = {}): Promise<SampleTenant> {
  const clock = opts.clock ?? systemClock;
  const dataset = opts.dataset ?? createSampleDataset(clock);
  const requests: LoggedRequest[] = [];
  const faults = new FaultInjector();
  const sockets = new Set<Socket>();
  const waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;
  let base = '';
  const handler = new GraphHandler({ dataset, get base() { return base; }, now: () => clock.now() });

  function sleep(ms: number): Promise<void> {
    if (ms <= 0 || closed) return Promise.resolve();
    return new Promise((resolve) => {
      const w = {
        timer: setTimeout(() => {
          waits.delete(w);
          resolve();
        }, ms),
        resolve,
      };
      w.timer.unref();
      waits.add(w);
    });
  }

  function faultResponse(f: FaultSpec, clientRequestId: string | undefined): GraphResponse | undefined {
    if (!f.status) return undefined;
    const [code, message] = FAULT_CODES[f.status];
    const extra: Record<string, string> = {};
    const retry = f.retryAfterSeconds ?? (f.status === 429 ? 1 : undefined);
    if (retry !== undefined && (f.status === 429 || f.status === 503)) extra['Retry-After'] = String(retry);
    return graphError(f.status, code, message, clock.now(), clientRequestId, extra);
  }

  function personaOf(header: string | undefined): PersonaName | null {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!m) return null;
    return (PERSONAS as readonly string[]).includes(m[1]) ? (m[1] as PersonaName) : null;
  }

  /** One Graph request (top-level or inside a batch), after authentication. */
  async function serve(method: string, target: string, headers: Record<string, string>, body: unknown, persona: PersonaName): Promise<GraphResponse> {
    let parsed: { path: string; params: [string, string][]; display: string };
    try {
      parsed = parseTarget(target);
    } catch (e) {
      const err = e as ODataError;
      return graphError(err.status ?? 400, err.code ?? 'BadRequest', err.message, clock.now(), headers['client-request-id']);
    }
    const fault = faults.take(parsed.display);
    if (fault?.delayMs) await sleep(fault.delayMs);
    const injected = fault && faultResponse(fault, headers['client-request-id']);
    if (injected) return injected;
    if (!parsed.path.startsWith('/v1.0/') && parsed.path !== '/v1.0') {
      return graphError(400, 'BadRequest', `Invalid version: the sample tenant serves /v1.0 only (got '${parsed.path.split('/')[1] ?? ''}').`, clock.now(), headers['client-request-id']);
    }
    const req: GraphRequest = { method, path: parsed.path.slice('/v1.0'.length), params: parsed.params, headers, body, persona };
    return handler.handle(req);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      void respond(req, res, size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8'));
    });
  });

  async function respond(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string | null): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const persona = personaOf(headers['authorization']);
    const rawUrl = req.url ?? '/';
    const qIndex = rawUrl.indexOf('?');
    const log: LoggedRequest = {
      method,
      path: safeDecode(qIndex < 0 ? rawUrl : rawUrl.slice(0, qIndex)),
      query: qIndex < 0 ? '' : safeDecode(rawUrl.slice(qIndex + 1).replace(/\+/g, ' ')),
      persona,
      status: 0,
    };
    requests.push(log);
    await sleep(opts.latencyMs ?? 0);
    const cid = headers['client-request-id'];
    let out: GraphResponse;
    let body: unknown;
    const parts: ExchangePart[] = [];
    if (rawBody === null) {
      out = graphError(413, 'Request_EntityTooLarge', 'The request body is too large.', clock.now(), cid);
    } else if (!headers['authorization']) {
      out = graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', clock.now(), cid, wwwAuthenticate());
    } else if (!persona) {
      out = graphError(401, 'InvalidAuthenticationToken', `IDX14100: JWT is not well formed. The sample tenant accepts the persona tokens ${PERSONAS.join(', ')}.`, clock.now(), cid, wwwAuthenticate());
    } else {
      let badJson = false;
      if (rawBody) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          badJson = true;
        }
      }
      if (badJson) {
        out = graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', clock.now(), cid);
      } else if (log.path === '/v1.0/$batch') {
        const fault = faults.take(log.path + (log.query ? '?' + log.query : ''));
        if (fault?.delayMs) await sleep(fault.delayMs);
        const injected = fault && faultResponse(fault, cid);
        out = injected ? injected : method === 'POST' ? await answerBatch({ clock, serve }, body, headers, persona, log, parts) : graphError(405, 'Request_BadRequest', 'Use POST for $batch.', clock.now(), cid);
      } else {
        out = await serve(method, rawUrl, headers, body, persona);
      }
    }
    log.status = out.status;
    if (opts.onExchange) {
      const sent: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) if (k !== 'authorization' && k !== 'cookie') sent[k] = v;
      opts.onExchange({
        method,
        url: rawUrl,
        headers: sent,
        ...(body !== undefined ? { body } : {}),
        status: out.status,
        ...(out.body !== undefined ? { response: out.body } : {}),
        ...(log.subRequests ? { parts } : {}),
      });
    }
    if (closed || res.destroyed) return;
    const requestId = out.headers['request-id'] ?? randomId();
    const h: Record<string, string> = {
      'Cache-Control': 'no-cache',
      'OData-Version': '4.0',
      'request-id': requestId,
      'client-request-id': cid ?? requestId,
      'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Norway East', Slice: 'E', Ring: '5', ScaleUnit: '000', RoleInstance: 'sample-tenant' } }),
      ...out.headers,
    };
    if (cid) h['client-request-id'] = cid;
    const payload = out.body === undefined ? '' : JSON.stringify(out.body);
    if (payload) h['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(out.status, h);
    res.end(payload);
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    requests,
    faults,
    dataset,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const w of waits) {
          clearTimeout(w.timer);
          w.resolve();
        }
        waits.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function wwwAuthenticate(): Record<string, string> {
  return {
    'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  };
}

/** "/v1.0/groups?$filter=…" (raw, percent-encoded) → decoded path, decoded params in order, and the decoded display form. */
function parseTarget(target: string): { path: string; params: [string, string][]; display: string } {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      throw new ODataError(400, 'BadRequest', `Invalid percent-encoding in '${s}'.`);
    }
  };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new ODataError(400, 'BadRequest', `Invalid percent-encoding in '${rawPath}'.`);
  }
  const params: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    params.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  const display = params.length ? `${path}?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : path;
  return { path: path.replace(/\/+$/, '') || '/', params, display };
}
