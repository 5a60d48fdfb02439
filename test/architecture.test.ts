/**
 * The rules between the floors of the house (docs/architecture.md), checked on the real import graph of src/:
 * no import cycle, and no arrow from a lower floor to a higher one. A maintainer who breaks a rule sees which file
 * and which import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../src');

/** Floor of each top-level area of src/ (file name without .ts, or folder). Higher floors may import lower ones. */
const FLOORS: Record<string, number> = {
  topics: 0, clock: 0, deadline: 0, log: 0, telemetry: 0, textScan: 0, paths: 0, config: 0, state: 0,
  i18n: 1,
  diagnostics: 2, graph: 2, recognizer: 2, cards: 2,
  auth: 3, dialogs: 3, watch: 3,
  bot: 4,
  server: 5, legal: 5, appInsights: 5, sampleTenant: 5, index: 6,
};

/** Same-floor neighbours that must not know each other (diagnostics stays pure; graph and cards stay apart). */
const FORBIDDEN: Record<string, string[]> = {
  diagnostics: ['graph', 'cards', 'recognizer'],
  graph: ['cards', 'recognizer'],
  cards: ['graph', 'recognizer'],
  recognizer: ['diagnostics', 'graph', 'cards'],
  auth: ['dialogs', 'watch'],
  watch: ['dialogs', 'auth'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
}

const IMPORT = /^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gms;

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1])).filter((t): t is string => t !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

const rel = (f: string) => path.relative(SRC, f);
const areaOf = (f: string) => rel(f).split(path.sep)[0].replace(/\.ts$/, '');

function brokenArrows(graph: Map<string, string[]>): string[] {
  const broken: string[] = [];
  for (const [file, targets] of graph) {
    const from = areaOf(file);
    for (const target of targets) {
      const to = areaOf(target);
      if (from === to) continue;
      if (FLOORS[to] > FLOORS[from] || FORBIDDEN[from]?.includes(to)) broken.push(`${rel(file)} → ${rel(target)}`);
    }
  }
  return broken;
}

function cyclesOf(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' → '));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return cycles;
}

describe('the import structure of src/', () => {
  const graph = importGraph();

  it('knows the floor of every area, so a new folder is placed on purpose', () => {
    const unknown = [...new Set([...graph.keys()].map(areaOf))].filter((a) => FLOORS[a] === undefined);
    expect(unknown).toEqual([]);
  });

  it('has no import pointing from a lower floor to a higher one, nor between neighbours kept apart', () => {
    expect(brokenArrows(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('reports an upward arrow, a forbidden neighbour and a cycle when there are some (the checker itself works)', () => {
    const at = (p: string) => path.join(SRC, p);
    const bad = new Map<string, string[]>([
      [at('diagnostics/a.ts'), [at('dialogs/b.ts'), at('graph/c.ts')]],
      [at('dialogs/b.ts'), [at('diagnostics/a.ts')]],
      [at('graph/c.ts'), []],
    ]);
    expect(brokenArrows(bad)).toEqual(['diagnostics/a.ts → dialogs/b.ts', 'diagnostics/a.ts → graph/c.ts']);
    expect(cyclesOf(bad)).toEqual(['diagnostics/a.ts → dialogs/b.ts → diagnostics/a.ts']);
    expect([...`import { x } from '../dialogs/checks';\nexport type { Y } from './y';`.matchAll(IMPORT)].map((m) => m[1])).toEqual(['../dialogs/checks', './y']);
  });
});
