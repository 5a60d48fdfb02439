/**
 * HTTP front door, on Node's own `http` (restify 11 can't load on Node 24 and restify 12 not on Node 20; three
 * routes don't need a framework):
 *   POST /api/messages  Bot Framework activities → adapter → bot
 *   GET  /healthz       {status: 'ok', mode}
 *   GET  …              pages registered with `get` (privacy, terms)
 * The body is read here so every bad request gets a clear JSON answer and never reaches the adapter: 413 over
 * MAX_BODY_BYTES, 400 for malformed JSON or something that is not an activity; 404/405 for other paths and methods.
 */
import type { AddressInfo } from 'net';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { Request as BotRequest, Response as BotResponse, TurnContext } from 'botbuilder';
import type { Config } from './config';
import { log } from './log';
import { ANSWER_NOW, earlyAnswerable } from './bot/answerNow';

/** The part of the adapter the server needs (a `SyncHelperAdapter` / `CloudAdapter`). */
export interface HttpAdapter {
  process(req: BotRequest, res: BotResponse, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

export interface ServerDeps {
  config: Pick<Config, 'mode' | 'maxBodyBytes' | 'bot'> & Partial<Pick<Config, 'sampleServiceOrigins'>>;
  adapter: HttpAdapter;
  bot: TurnRunner;
}

export interface RunningServer {
  url: string;
  /** The address the socket is bound to: '127.0.0.1' in sample mode, '::' or '0.0.0.0' (all interfaces) in live mode. */
  address: string;
  close(): Promise<void>;
}

/** A GET page: the query string and request headers in, the response written by the handler. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => void;

export interface SyncHelperServer {
  server: Server;
  /** Serves GET (and HEAD) `path` with `handler`. */
  get(path: string, handler: PageHandler): void;
  listen(port: number, host?: string): Promise<RunningServer>;
}

/**
 * The response shape Bot Framework's CloudAdapter writes to (status → send → end, as Express and restify have it),
 * over a plain ServerResponse.
 */
export class BotHttpResponse {
  private body: string | undefined;
  constructor(private readonly res: ServerResponse) {}
  get headersSent(): boolean {
    return this.res.headersSent;
  }
  status(code: number): this {
    this.res.statusCode = code;
    return this;
  }
  header(name: string, value: string | number | readonly string[]): this {
    this.res.setHeader(name, value);
    return this;
  }
  send(body?: unknown): this {
    if (body === undefined || body === null) return this;
    const json = typeof body !== 'string' || !this.res.hasHeader('content-type');
    this.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (json && !this.res.hasHeader('content-type')) this.res.setHeader('Content-Type', typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
    return this;
  }
  end(): this {
    if (this.res.writableEnded) return this;
    if (this.body !== undefined) this.res.setHeader('Content-Length', Buffer.byteLength(this.body));
    this.res.end(this.body);
    return this;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  new BotHttpResponse(res).status(status).header('Content-Type', 'application/json');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  new BotHttpResponse(res).send(body).end();
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where replies may go when nobody is authenticated (sample mode): these origins only. Undefined = auth on. */
export interface ActivityPolicy {
  localServiceOrigins?: readonly string[];
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume(); // discard; the 413 goes out with Connection: close
      reject(new HttpProblem(413, 'PayloadTooLarge', `The request body is larger than ${maxBytes} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        reject(new HttpProblem(413, 'PayloadTooLarge', `The request body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => reject(new HttpProblem(400, 'BadRequest', `The request body could not be read: ${err.message}`)));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(message: string): HttpProblem {
  return new HttpProblem(400, 'BadRequest', message);
}

/** Optional activity fields and the JSON type each must have when present (null counts as absent). */
const FIELD_TYPES: readonly [string, 'string' | 'object' | 'array'][] = [
  ['id', 'string'],
  ['name', 'string'],
  ['text', 'string'],
  ['textFormat', 'string'],
  ['locale', 'string'],
  ['action', 'string'],
  ['replyToId', 'string'],
  ['timestamp', 'string'],
  ['localTimestamp', 'string'],
  ['from', 'object'],
  ['recipient', 'object'],
  ['channelData', 'object'],
  ['membersAdded', 'array'],
  ['membersRemoved', 'array'],
  ['attachments', 'array'],
  ['entities', 'array'],
];

function hasType(value: unknown, type: 'string' | 'object' | 'array'): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isRecord(value);
  return typeof value === 'string';
}

/** The fields the bot and the SDK read without re-checking: a wrong type is a 400 here, never a crash in a turn. */
function checkFields(activity: Record<string, unknown>): void {
  if (typeof activity.channelId !== 'string' || !activity.channelId.trim()) throw bad('The activity has no "channelId".');
  for (const [field, type] of FIELD_TYPES) {
    const value = activity[field];
    if (value !== undefined && value !== null && !hasType(value, type)) {
      throw bad(`The activity's "${field}" must be ${type === 'array' ? 'an array' : type === 'object' ? 'an object' : 'a string'}.`);
    }
  }
  for (const field of ['from', 'recipient'] as const) {
    const account = activity[field];
    if (isRecord(account) && account.id !== undefined && account.id !== null && typeof account.id !== 'string') {
      throw bad(`The activity's "${field}.id" must be a string.`);
    }
  }
  for (const field of ['membersAdded', 'membersRemoved', 'attachments', 'entities'] as const) {
    const list = activity[field];
    if (Array.isArray(list) && !list.every(isRecord)) throw bad(`Every entry of the activity's "${field}" must be an object.`);
  }
  const conversation = activity.conversation as Record<string, unknown>;
  for (const field of ['conversationType', 'tenantId', 'name'] as const) {
    const value = conversation[field];
    if (value !== undefined && value !== null && typeof value !== 'string') throw bad(`The activity's "conversation.${field}" must be a string.`);
  }
}

/** Checks the envelope every Bot Framework activity must have and the types of the fields the bot reads. */
export function parseActivity(body: Buffer, policy: ActivityPolicy = {}): Record<string, unknown> {
  const text = body.toString('utf8');
  if (!text.trim()) throw new HttpProblem(400, 'BadRequest', 'The request body is empty; expected a Bot Framework activity (JSON).');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'BadRequest', 'The request body is not valid JSON; expected a Bot Framework activity.');
  }
  if (!isRecord(parsed)) throw new HttpProblem(400, 'BadRequest', 'The request body must be a JSON object (a Bot Framework activity).');
  if (typeof parsed.type !== 'string' || !parsed.type.trim()) {
    throw new HttpProblem(400, 'BadRequest', 'The activity has no "type".');
  }
  if (!isRecord(parsed.conversation) || typeof parsed.conversation.id !== 'string' || !parsed.conversation.id) {
    throw new HttpProblem(400, 'BadRequest', 'The activity has no "conversation.id".');
  }
  if (typeof parsed.serviceUrl !== 'string') throw new HttpProblem(400, 'BadRequest', 'The activity has no "serviceUrl".');
  let serviceUrl: URL;
  try {
    serviceUrl = new URL(parsed.serviceUrl);
  } catch {
    throw new HttpProblem(400, 'BadRequest', 'The activity\'s "serviceUrl" is not a URL.');
  }
  if (serviceUrl.protocol !== 'https:' && serviceUrl.protocol !== 'http:') {
    throw new HttpProblem(400, 'BadRequest', 'The activity\'s "serviceUrl" must be http(s).');
  }
  // Without bot credentials nobody is authenticated, so replies may only go back to the local channels configured
  // (Agents Playground, SAMPLE_SERVICE_URLS) — never to an address a stranger chose, not even another loopback port.
  if (policy.localServiceOrigins && !policy.localServiceOrigins.includes(serviceUrl.origin)) {
    throw new HttpProblem(
      400,
      'BadRequest',
      'Without MicrosoftAppId (sample-tenant mode) the bot only answers the local channels in SAMPLE_SERVICE_URLS ' +
        '(default: the Agents Playground on loopback); this activity\'s "serviceUrl" is not one of them.',
    );
  }
  checkFields(parsed);
  return parsed;
}

function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  sendJson(res, problem.status, { error: { code: problem.code, message: problem.message } }, problem.status === 413 ? { Connection: 'close' } : {});
}

export function createServer(deps: ServerDeps): SyncHelperServer {
  const { config, adapter, bot } = deps;
  const policy: ActivityPolicy = config.bot ? {} : { localServiceOrigins: config.sampleServiceOrigins ?? [] };
  const pages = new Map<string, PageHandler>();
  pages.set('/healthz', (_req, res) => sendJson(res, 200, { status: 'ok', mode: config.mode }));

  async function messages(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let activity: Record<string, unknown>;
    try {
      activity = parseActivity(await readBody(req, config.maxBodyBytes), policy);
    } catch (err) {
      const problem = err instanceof HttpProblem ? err : new HttpProblem(400, 'BadRequest', 'The request could not be read.');
      log.warn('request to /api/messages refused', { status: problem.status, code: problem.code, reason: problem.message });
      sendProblem(res, problem);
      return;
    }
    (req as unknown as { body: unknown }).body = activity;
    // A turn may answer its HTTP request before it ends (a slow check started from a card): see bot/answerNow.ts.
    const early = earlyAnswerable(new BotHttpResponse(res));
    try {
      await adapter.process(req as unknown as BotRequest, early.res as unknown as BotResponse, (context) => {
        context.turnState.set(ANSWER_NOW, early.answerNow);
        return bot.run(context);
      });
    } catch (err) {
      log.error('adapter failed outside a turn', { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      sendJson(res, 500, { error: { code: 'InternalError', message: 'The bot could not process the activity.' } });
    }
  }

  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname === '/api/messages') {
      if (method === 'POST') {
        void messages(req, res).catch((err) => {
          log.error('request failed', { error: err instanceof Error ? err.message : String(err) });
          sendJson(res, 500, { error: { code: 'InternalError', message: 'The bot could not process the activity.' } });
        });
        return;
      }
      req.resume();
      sendJson(res, 405, { error: { code: 'MethodNotAllowed', message: 'Use POST for /api/messages.' } }, { Allow: 'POST' });
      return;
    }
    const page = pages.get(url.pathname);
    req.resume();
    if (!page) {
      sendJson(res, 404, { error: { code: 'NotFound', message: `${url.pathname} does not exist.` } });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, 405, { error: { code: 'MethodNotAllowed', message: `Use GET for ${url.pathname}.` } }, { Allow: 'GET, HEAD' });
      return;
    }
    page(req, res, url.searchParams);
  });

  return {
    server,
    get(path, handler) {
      pages.set(path, handler);
    },
    listen(port: number, host?: string): Promise<RunningServer> {
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        const started = () => {
          server.removeListener('error', onError);
          const address = server.address() as AddressInfo;
          const shownHost = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
          resolve({
            url: `http://${shownHost}:${address.port}`,
            address: address.address,
            close: () =>
              new Promise<void>((done) => {
                server.close(() => done());
                // Keep-alive sockets would hold close() open; tests and shutdown want it now.
                server.closeAllConnections();
              }),
          });
        };
        if (host) server.listen(port, host, started);
        else server.listen(port, started);
      });
    },
  };
}
