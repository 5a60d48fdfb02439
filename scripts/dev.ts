/**
 * `npm run dev`: SyncHelper (sample tenant by default) + the Microsoft 365 Agents Playground, a Teams-like chat
 * client that runs offline. Open the printed URL and chat. Ctrl+C stops both.
 *
 * Settings come from the environment and `.env` in the current folder (the environment wins), checked the way the
 * bot checks them: PORT (the bot, default 3978) and PLAYGROUND_PORT (default 56150). Both ports are checked before
 * anything starts; a port in use, a bad setting, or either program stopping on its own ends the script with exit
 * code 1 and a message saying what to do. It says "running" only once both answer.
 * DEV_PLAYGROUND=off starts the bot alone (for tests and for using another client).
 */
import { spawn, type ChildProcess } from 'child_process';
import * as dotenv from 'dotenv';
import * as net from 'net';
import * as path from 'path';
import { ConfigError, DEFAULTS, loadConfig, readPort } from '../src/config';
import { projectRoot } from '../src/paths';

/** A start-up problem the developer can fix; its message is all they see. */
class DevError extends Error {}

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<number>;
}

const children: Child[] = [];
let stopping = false;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) say(`[${name}] ${line}`);
    });
  }
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => {
      say(`[${name}] exited (${signal ?? code})`);
      if (!stopping) {
        process.stderr.write(`npm run dev: ${name} stopped on its own (${signal ?? `exit code ${code}`}); see its output above.\n`);
        void shutdown(code || 1);
      }
      resolve(code ?? 1);
    });
  });
  const started = { name, process: child, exited };
  children.push(started);
  return started;
}

/** Stops every child, waits for them (at most 5 s), then exits with `code`. */
async function shutdown(code: number): Promise<never> {
  stopping = true;
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
  const giveUp = new Promise((resolve) => setTimeout(resolve, 5000).unref());
  await Promise.race([Promise.all(children.map((c) => c.exited)), giveUp]);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Whether something already listens on `port` on any local address (a wildcard bind conflicts with all of them). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve(true) : reject(err)));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

async function ensureFree(port: number, setting: string, what: string, suggestion: number): Promise<void> {
  if (!(await portInUse(port))) return;
  throw new DevError(
    `port ${port} (${setting}, ${what}) is already in use by another program. Stop that program (an earlier ` +
      `"npm run dev" perhaps; "lsof -i :${port}" shows which one), or pick a free port, e.g. ${setting}=${suggestion} in .env.`,
  );
}

/** Polls `url` until it answers (any HTTP status) while `child` runs; fails when the child stops first. */
async function waitUntilAnswering(child: Child, url: string, what: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) break;
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (child.process.exitCode === null && child.process.signalCode === null) throw new DevError(`${what} did not answer on ${url} within 30 s.`);
  await new Promise<never>(() => undefined); // the exit handler reports it and ends the script
}

async function main(): Promise<void> {
  dotenv.config(); // .env in the current folder; real environment variables win
  const config = loadConfig(process.env);
  if (config.port === 0) {
    throw new DevError(`PORT=0 (any free port) can't be used with npm run dev: the Playground must know the bot's port. Set PORT=${DEFAULTS.PORT} or another free port.`);
  }
  const botPort = config.port;
  const playgroundPort = readPort(process.env, 'PLAYGROUND_PORT', DEFAULTS.PLAYGROUND_PORT, 1);
  const withPlayground = (process.env.DEV_PLAYGROUND ?? '').toLowerCase() !== 'off';
  if (withPlayground && playgroundPort === botPort) {
    throw new DevError(`PORT and PLAYGROUND_PORT are both ${botPort}; give them different ports.`);
  }
  await ensureFree(botPort, 'PORT', "SyncHelper's bot endpoint", botPort + 1);
  if (withPlayground) await ensureFree(playgroundPort, 'PLAYGROUND_PORT', 'the Agents Playground', playgroundPort + 1);

  // In sample mode the bot answers only the Playground's connector (SAMPLE_SERVICE_URLS, default port 56150).
  const serviceUrls =
    playgroundPort !== DEFAULTS.PLAYGROUND_PORT && config.mode === 'sample' && !process.env.SAMPLE_SERVICE_URLS
      ? { SAMPLE_SERVICE_URLS: `http://localhost:${playgroundPort},http://127.0.0.1:${playgroundPort}` }
      : {};
  const bot = run('synchelper', process.execPath, [path.join(projectRoot, 'dist', 'src', 'index.js')], { ...process.env, ...serviceUrls, PORT: String(botPort) });
  await waitUntilAnswering(bot, `http://127.0.0.1:${botPort}/healthz`, 'SyncHelper');
  const endpoint = `http://127.0.0.1:${botPort}/api/messages`;
  if (!withPlayground) {
    say(`\nSyncHelper is running without the Playground (DEV_PLAYGROUND=off): ${endpoint}\n`);
    return;
  }
  const cli = path.join(projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const playground = run('playground', process.execPath, [cli, '-e', endpoint, '-c', 'msteams', '-p', String(playgroundPort), '--dt'], {
    ...process.env,
    BROWSER: 'none',
  });
  await waitUntilAnswering(playground, `http://127.0.0.1:${playgroundPort}/`, 'The Agents Playground');
  say(
    `\nSyncHelper is running. Chat with it in your browser: http://localhost:${playgroundPort}\n` +
      `Try: "my group won't update", "users aren't provisioned to Salesforce", or "hei, gruppa mi synkroniserer ikke".\n`,
  );
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof DevError ? err.message : err instanceof Error ? err.stack ?? err.message : String(err);
  process.stderr.write(`npm run dev failed: ${message}\n`);
  void shutdown(1);
});
