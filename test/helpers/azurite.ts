/**
 * A local Azure Blob Storage emulator (Azurite, from node_modules) for tests of the `STORAGE=blob` path.
 *   const azurite = await startAzurite();   // BLOB_CONNECTION_STRING = azurite.connectionString
 *   …
 *   await azurite.close();
 * Offline by construction: it listens on 127.0.0.1 only, keeps everything in memory and has telemetry off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Azurite's well-known development account (public; the same in every Azurite and in Microsoft's docs). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** Standard development connection string pointing at this instance's blob endpoint. */
  connectionString: string;
  /** http://127.0.0.1:PORT/devstoreaccount1 */
  blobEndpoint: string;
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

/** The blob service's JS entry (what node_modules/.bin/azurite-blob links to), run with this Node. */
function azuriteBlobEntry(): string {
  return path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');
}

/** A port nothing listens on right now (the OS picks it; tiny race until Azurite binds it, handled by retrying). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true once 127.0.0.1:port accepts a TCP connection, false if the child exits first. */
function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let exited = child.exitCode !== null || child.signalCode !== null;
    const onExit = () => {
      exited = true;
    };
    child.once('exit', onExit);
    const attempt = () => {
      if (exited) return resolve(false);
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        child.off('exit', onExit);
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) {
          child.off('exit', onExit);
          reject(new Error(`Azurite did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms`));
        } else {
          // Poll the port again on the next turn of the event loop after a short back-off (connection refusal is instant).
          setTimeout(attempt, 25);
        }
      });
    };
    attempt();
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startAzurite(): Promise<Azurite> {
  // Azurite refuses --location together with --inMemoryPersistence; it runs in a temp working directory instead,
  // so any file it might create stays out of the repository and is removed on close.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'synchelper-azurite-'));
  let lastOutput = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        azuriteBlobEntry(),
        '--blobHost', '127.0.0.1',
        '--blobPort', String(port),
        '--inMemoryPersistence',
        '--extentMemoryLimit', '64',
        '--silent',
        '--skipApiVersionCheck',
        '--loose',
        '--disableTelemetry',
      ],
      { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    let ready: boolean;
    try {
      ready = await waitForPort(port, child, READY_TIMEOUT_MS);
    } catch (err) {
      await stop(child);
      rmSync(workDir, { recursive: true, force: true });
      throw new Error(`${(err as Error).message}\n${output}`);
    }
    if (!ready) {
      // Exited before listening (most likely someone took the port in between): try another port.
      lastOutput = output;
      continue;
    }

    const blobEndpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
    return {
      blobEndpoint,
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
      close: async () => {
        await stop(child);
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  }
  rmSync(workDir, { recursive: true, force: true });
  throw new Error(`Azurite exited before listening (3 attempts):\n${lastOutput}`);
}
