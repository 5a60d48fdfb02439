/**
 * `npm run dev` as a developer meets it: the built script (`node dist/scripts/dev.js`) started in a folder with a
 * `.env`, next to ports something else already holds. Every start-up mistake ends with exit code 1 and a message
 * that names the port or setting and what to do; nothing is left running.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { builtScript } from '../helpers/built';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

let devScript: string;
let folder: string;
const holders: net.Server[] = [];

beforeAll(() => {
  devScript = builtScript('scripts/dev');
}, 120_000);

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'synchelper-dev-'));
});

afterEach(async () => {
  await Promise.all(holders.splice(0).map((s) => new Promise((r) => s.close(r))));
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Another program holding a port (on loopback, as a forgotten dev server would). */
async function occupy(): Promise<number> {
  const server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  holders.push(server);
  return (server.address() as net.AddressInfo).port;
}

/** A port nobody holds right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function startDev(dotEnv: string, env: Record<string, string> = {}) {
  fs.writeFileSync(path.join(folder, '.env'), dotEnv);
  const child = spawn(process.execPath, [devScript], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: folder, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  let exited = false;
  let wake = () => {};
  child.stdout.on('data', (c: Buffer) => {
    out.stdout += c.toString();
    wake();
  });
  child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      wake();
      resolve({ code, ...out });
    }),
  );
  const waitFor = async (text: string): Promise<void> => {
    while (!out.stdout.includes(text)) {
      if (exited) throw new Error(`dev exited before "${text}":\n${out.stdout}\n${out.stderr}`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return { child, done, waitFor };
}

describe('npm run dev refuses to start next to a taken port', () => {
  it("names the bot's port from .env when another program holds it, and starts nothing", async () => {
    const taken = await occupy();
    const { done } = startDev(`PORT=${taken}\n`, { DEV_PLAYGROUND: 'off' });
    const outcome = await done;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`port ${taken} (PORT, SyncHelper's bot endpoint) is already in use by another program`);
    expect(outcome.stderr).toContain(`PORT=${taken + 1} in .env`);
    expect(outcome.stdout).not.toContain('running');
    expect(outcome.stdout).not.toContain('[synchelper]');
  });

  it("names the Playground's port from .env when it is taken, before the bot is started", async () => {
    const taken = await occupy();
    const bot = await freePort();
    const { done } = startDev(`PORT=${bot}\nPLAYGROUND_PORT=${taken}\n`);
    const outcome = await done;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`port ${taken} (PLAYGROUND_PORT, the Agents Playground) is already in use by another program`);
    expect(outcome.stdout).not.toContain('[synchelper]');
    expect(outcome.stdout).not.toContain('running');
  });

  it('lets a real environment variable win over .env', async () => {
    const taken = await occupy();
    const { done } = startDev('PORT=abc\n', { PORT: String(taken), DEV_PLAYGROUND: 'off' });
    const outcome = await done;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`port ${taken} (PORT,`);
  });
});

describe('npm run dev reports bad port settings as the bot does', () => {
  it.each([
    ['PORT=abc', 'PORT must be a whole number between 0 and 65535 (got "abc")'],
    ['PORT=70000', 'PORT must be between 0 and 65535 (got 70000)'],
    ['PORT=0', "PORT=0 (any free port) can't be used with npm run dev"],
    ['PLAYGROUND_PORT=http', 'PLAYGROUND_PORT must be a whole number between 1 and 65535 (got "http")'],
  ])('%s', async (line, message) => {
    const outcome = await startDev(`${line}\n`).done;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).not.toContain('NaN');
    expect(outcome.stdout).not.toContain('[synchelper]');
  });

  it('refuses the same port for the bot and the Playground', async () => {
    const port = await freePort();
    const outcome = await startDev(`PORT=${port}\nPLAYGROUND_PORT=${port}\n`).done;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`PORT and PLAYGROUND_PORT are both ${port}`);
  });
});

describe('npm run dev on free ports', () => {
  it('starts the bot on the port from .env, says so only once it answers, and stops cleanly on Ctrl+C', async () => {
    const port = await freePort();
    const dev = startDev(`PORT=${port}\n`, { DEV_PLAYGROUND: 'off' });
    await dev.waitFor('SyncHelper is running');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'sample' });
    dev.child.kill('SIGINT');
    const outcome = await dev.done;
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).not.toContain('stopped on its own');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
