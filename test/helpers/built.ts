/**
 * Tests that run a script the way npm does (`node dist/...`) need the build to match the sources. `ensureBuilt`
 * compiles (`tsc -p tsconfig.json`, incremental) only when a file under src/ or scripts/ is newer than its output.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../../src/paths';

function staleOutputs(): string[] {
  const stale: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(projectRoot, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts')) {
        const out = path.join(projectRoot, 'dist', rel.replace(/\.ts$/, '.js'));
        const source = fs.statSync(path.join(projectRoot, rel)).mtimeMs;
        if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < source) stale.push(rel);
      }
    }
  };
  walk('src');
  walk('scripts');
  return stale;
}

/** Path of a built script, e.g. builtScript('scripts/dev') → <root>/dist/scripts/dev.js, built first if needed. */
export function builtScript(relative: string): string {
  if (staleOutputs().length > 0) {
    try {
      execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: projectRoot, stdio: 'pipe' });
    } catch {
      // Type errors elsewhere still emit JavaScript; what matters is checked below.
    }
    // An incremental build leaves an output alone when its source changed back to what was built (a checkout): it
    // is current then, only older than the source. Missing outputs are what the build failed to produce.
    const now = new Date();
    const left = staleOutputs().filter((rel) => {
      const out = path.join(projectRoot, 'dist', rel.replace(/\.ts$/, '.js'));
      if (!fs.existsSync(out)) return true;
      fs.utimesSync(out, now, now);
      return false;
    });
    if (left.length > 0) throw new Error(`the build did not produce: ${left.join(', ')}`);
  }
  return path.join(projectRoot, 'dist', `${relative}.js`);
}
