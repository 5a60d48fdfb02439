/**
 * HTTP front door (restify 11):
 *   POST /api/messages  Bot Framework activities → adapter → bot
 *   GET  /healthz       {status: 'ok', mode}
 * The body is read here (not by a restify plugin) so every bad request gets a clear JSON answer and never reaches
 * the adapter: 413 over MAX_BODY_BYTES, 400 for malformed JSON or something that is not an activity.
 */
import type { AddressInfo } from 'net';
import type { IncomingMessage } from 'http';
import * as restify from 'restify';
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

export interface SyncHelperServer {
  server: restify.Server;
  listen(port: number, host?: string): Promise<RunningServer>;
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

function sendProblem(res: restify.Response, problem: HttpProblem): void {
  if (problem.status === 413) res.header('Connection', 'close');
  res.send(problem.status, { error: { code: problem.code, message: problem.message } });
}

export function createServer(deps: ServerDeps): SyncHelperServer {
  const { config, adapter, bot } = deps;
  const policy: ActivityPolicy = config.bot ? {} : { localServiceOrigins: config.sampleServiceOrigins ?? [] };
  const server = restify.createServer({ name: 'SyncHelper' });

  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { status: 'ok', mode: config.mode });
    next();
  });

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
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
    const early = earlyAnswerable(res);
    try {
      await adapter.process(req as unknown as BotRequest, early.res as unknown as BotResponse, (context) => {
        context.turnState.set(ANSWER_NOW, early.answerNow);
        return bot.run(context);
      });
    } catch (err) {
      log.error('adapter failed outside a turn', { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      if (!res.headersSent) res.send(500, { error: { code: 'InternalError', message: 'The bot could not process the activity.' } });
    }
  });

  return {
    server,
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
                (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
              }),
          });
        };
        if (host) server.listen(port, host, started);
        else server.listen(port, started);
      });
    },
  };
}
