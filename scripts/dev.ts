/**
 * `npm run dev`: SyncHelper (sample tenant by default) + the Microsoft 365 Agents Playground, a Teams-like chat
 * client that runs offline. Open the printed URL and chat. Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { projectRoot } from '../src/paths';

const botPort = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix(line) + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(prefix(`exited (${signal ?? code})`) + '\n');
    shutdown(code ?? 0);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function waitForHealth(url: string, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`SyncHelper did not answer on ${url}`);
}

async function main(): Promise<void> {
  // In sample mode the bot answers only the Playground's connector (SAMPLE_SERVICE_URLS, default port 56150).
  const serviceUrls =
    process.env.PLAYGROUND_PORT && !process.env.SAMPLE_SERVICE_URLS
      ? { SAMPLE_SERVICE_URLS: `http://localhost:${playgroundPort},http://127.0.0.1:${playgroundPort}` }
      : {};
  run('synchelper', process.execPath, [path.join(projectRoot, 'dist', 'src', 'index.js')], { ...process.env, ...serviceUrls, PORT: String(botPort) });
  await waitForHealth(`http://127.0.0.1:${botPort}/healthz`);
  const playground = path.join(projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  run('playground', process.execPath, [playground, '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--dt'], {
    ...process.env,
    BROWSER: 'none',
  });
  process.stdout.write(`\nSyncHelper is running. Chat with it in your browser: http://localhost:${playgroundPort}\n` +
    `Try: "my group won't update", "users aren't provisioned to Salesforce", or "hei, gruppa mi synkroniserer ikke".\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm run dev failed: ${err instanceof Error ? err.message : String(err)}\n`);
  shutdown(1);
});
