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
  config: Pick<Config, 'mode' | 'maxBodyBytes' | 'bot'>;
  adapter: HttpAdapter;
  bot: TurnRunner;
}

export interface RunningServer {
  url: string;
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

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

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

/** Checks the envelope every Bot Framework activity must have; the bot deals with the rest. */
export function parseActivity(body: Buffer, authOff: boolean): Record<string, unknown> {
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
  // Without bot credentials nobody is authenticated, so replies may only go back to a local channel
  // (Agents Playground, tests) — never to an address a stranger chose.
  if (authOff && !LOOPBACK.has(serviceUrl.hostname)) {
    throw new HttpProblem(
      400,
      'BadRequest',
      'Without MicrosoftAppId (sample-tenant mode) the bot only answers local channels: "serviceUrl" must be a loopback address.',
    );
  }
  return parsed;
}

function sendProblem(res: restify.Response, problem: HttpProblem): void {
  if (problem.status === 413) res.header('Connection', 'close');
  res.send(problem.status, { error: { code: problem.code, message: problem.message } });
}

export function createServer(deps: ServerDeps): SyncHelperServer {
  const { config, adapter, bot } = deps;
  const authOff = !config.bot;
  const server = restify.createServer({ name: 'SyncHelper' });

  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { status: 'ok', mode: config.mode });
    next();
  });

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    let activity: Record<string, unknown>;
    try {
      activity = parseActivity(await readBody(req, config.maxBodyBytes), authOff);
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
