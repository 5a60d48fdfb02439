/**
 * Graph traffic of the end-to-end suites, checked against Microsoft's v1.0 metadata and Learn's query rules by the
 * vendored checker in tools/graph-conformance (see its README and ours: "Graph conformance").
 *
 * - `recordTraffic()` gives the sample tenant an `onExchange` sink that appends every round trip to JSON-lines
 *   files under `.graph-traffic/`: `requests.<pid>.jsonl` (method, url, headers, body; a $batch with its parts)
 *   and `responses.<pid>.jsonl` (each answer, a $batch part answered on its own url). One file pair per jest
 *   worker process, so parallel workers never write to the same file.
 * - `checkTraffic()` runs the checker (a separate `node` process: it is an ES module with no dependencies) over
 *   everything recorded and sums up the verdicts.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { GraphExchange } from '../../src/sampleTenant';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TRAFFIC_DIR = path.join(REPO_ROOT, '.graph-traffic');
export const CHECKER_DIR = path.join(REPO_ROOT, 'tools', 'graph-conformance');

/** The scopes SyncHelper's connections grant (README "Running it in Teams"): read, and the separate write one. */
export const GRANTED_READ = 'User.Read Directory.Read.All AuditLog.Read.All Synchronization.Read.All';
export const GRANTED_WRITE = 'Synchronization.ReadWrite.All';

export interface RequestLine {
  source?: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface ResponseLine {
  source?: string;
  method: string;
  url: string;
  status: number;
  response?: unknown;
}

/** The checker's input lines for one round trip: one request line; one response line per answer (batch parts on their own). */
export function trafficLines(x: GraphExchange, source?: string): { request: RequestLine; responses: ResponseLine[] } {
  const src = source ? { source } : {};
  const request: RequestLine = { ...src, method: x.method, url: x.url, headers: x.headers, ...(x.body !== undefined ? { body: x.body } : {}) };
  const responses: ResponseLine[] = x.parts
    ? x.parts.map((p) => ({ ...src, method: p.method, url: p.url, status: p.status, ...(p.response !== undefined ? { response: p.response } : {}) }))
    : [{ ...src, method: x.method, url: x.url, status: x.status, ...(x.response !== undefined ? { response: x.response } : {}) }];
  return { request, responses };
}

/** An `onExchange` sink for startSampleTenant that appends to this worker's files in `dir`. */
export function recordTraffic(source?: string, dir = TRAFFIC_DIR): (x: GraphExchange) => void {
  fs.mkdirSync(dir, { recursive: true });
  const requests = path.join(dir, `requests.${process.pid}.jsonl`);
  const responses = path.join(dir, `responses.${process.pid}.jsonl`);
  return (x) => {
    const lines = trafficLines(x, source);
    fs.appendFileSync(requests, JSON.stringify(lines.request) + '\n');
    fs.appendFileSync(responses, lines.responses.map((l) => JSON.stringify(l)).join('\n') + '\n');
  };
}

/** The test file calling (for the `source` of each line), relative to the repository. */
export function currentTestFile(): string | undefined {
  const p = (expect as unknown as { getState(): { testPath?: string } }).getState().testPath;
  return p ? path.relative(REPO_ROOT, p) : undefined;
}

export interface Finding {
  sev: 'error' | 'beta' | 'aq' | 'warn' | 'info';
  code: string;
  msg: string;
}

export interface CheckedItem {
  verdict: string;
  label: string;
  source?: string;
  findings: Finding[];
}

export interface TrafficReport {
  requests: number;
  responses: number;
  /** Verdict → how many (requests and batch parts counted separately; distinct lines only). */
  requestVerdicts: Record<string, number>;
  responseVerdicts: Record<string, number>;
  /** Requests, batch parts and responses whose verdict is invalid, beta-only or missing-consistencylevel. */
  failures: CheckedItem[];
  /** Distinct warnings left, as "code: message" → how many lines gave it. */
  warnings: Map<string, number>;
  /** Requests no granted scope covers, and property-level gaps (from the checker's permissions analysis). */
  permissionGaps: string[];
}

/**
 * Warnings the checker may still give on our traffic, each with the reason it is fine (README, "Graph
 * conformance"). A warning whose code is not here fails the run: explain it (or fix the request) first.
 */
export const EXPLAINED_WARNINGS: Record<string, string> = {
  'select-unsupported-metadata-conflict':
    "GET /subscribedSkus?$select=…: the v1.0 $metadata marks $select as unsupported on subscribedSkus, but Learn's subscribedSku-list page documents $select as the one query option it supports; the sample tenant honours it and real Graph does too.",
};

const BAD = new Set(['invalid', 'beta-only', 'missing-consistencylevel']);

function readLines(dir: string, prefix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const seen = new Set<string>();
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.startsWith(prefix) || !f.endsWith('.jsonl')) continue;
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) if (line.trim()) seen.add(line);
  }
  return [...seen];
}

/** Runs check.mjs in `mode` over the lines (through a temporary file) and returns its --json output. */
function runChecker(mode: 'requests' | 'responses', lines: string[], workDir: string): unknown {
  const input = path.join(workDir, `all-${mode}.jsonl`);
  fs.writeFileSync(input, lines.join('\n') + '\n');
  const m = (f: string) => path.join(CHECKER_DIR, 'metadata', f);
  const args = [
    path.join(CHECKER_DIR, 'check.mjs'),
    mode,
    '--csdl', m('v1.0.xml'),
    '--beta', `${m('beta-entity-types.json')},${m('beta-complex-types.json')}`,
    ...(mode === 'requests' ? ['--permissions', m('permissions.json'), '--granted', GRANTED_READ, '--granted-write', GRANTED_WRITE] : []),
    '--json',
    input,
  ];
  let out: string;
  try {
    out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    // Exit code 1 means "something is not conformant": the JSON is still on stdout.
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status !== 1 || !err.stdout) throw new Error(`graph-conformance ${mode} failed (exit ${err.status}): ${err.stderr ?? ''}`);
    out = err.stdout;
  }
  return JSON.parse(out);
}

interface RawRequestResult {
  method: string;
  url: string;
  source?: string;
  id?: string;
  verdict: string;
  ownVerdict?: string;
  findings: Finding[];
  subResults?: RawRequestResult[];
}

interface RawPermissions {
  missing?: { method: string; template: string }[];
  propertyGaps?: { request: string; needsOneOf: string[] }[];
}

/** Checks everything recorded in `dir`. */
export function checkTraffic(dir = TRAFFIC_DIR): TrafficReport {
  const reqLines = readLines(dir, 'requests.');
  const resLines = readLines(dir, 'responses.');
  const report: TrafficReport = { requests: reqLines.length, responses: resLines.length, requestVerdicts: {}, responseVerdicts: {}, failures: [], warnings: new Map(), permissionGaps: [] };
  if (reqLines.length === 0 && resLines.length === 0) return report;
  const work = fs.mkdtempSync(path.join(dir, '.check-'));
  try {
    const warn = (f: Finding) => {
      if (f.sev !== 'warn') return;
      const key = `${f.code}: ${f.msg.replace(/\[\d+\]/g, '[]')}`;
      report.warnings.set(key, (report.warnings.get(key) ?? 0) + 1);
    };
    if (reqLines.length) {
      const { results, permissions } = runChecker('requests', reqLines, work) as { results: RawRequestResult[]; permissions?: RawPermissions };
      for (const r of permissions?.missing ?? []) report.permissionGaps.push(`no granted scope covers ${r.method} ${r.template}`);
      for (const g of permissions?.propertyGaps ?? []) report.permissionGaps.push(`${g.request} needs one of ${g.needsOneOf.join('/')} for some properties`);
      const visit = (r: RawRequestResult, source: string | undefined, batchUrl?: string) => {
        const own = r.ownVerdict ?? r.verdict;
        report.requestVerdicts[own] = (report.requestVerdicts[own] ?? 0) + 1;
        const label = `${r.method} ${safeDecode(r.url)}${batchUrl ? `  (part '${r.id}' of ${batchUrl})` : ''}`;
        if (BAD.has(own)) report.failures.push({ verdict: own, label, source, findings: r.findings.filter((f) => f.sev !== 'info') });
        r.findings.forEach(warn);
        for (const s of r.subResults ?? []) visit(s, source, `${r.method} ${r.url}`);
      };
      for (const r of results) visit(r, r.source);
    }
    if (resLines.length) {
      const results = runChecker('responses', resLines, work) as { label: string; verdict: string; findings: Finding[] }[];
      results.forEach((r, i) => {
        report.responseVerdicts[r.verdict] = (report.responseVerdicts[r.verdict] ?? 0) + 1;
        const source = (JSON.parse(resLines[i]) as ResponseLine).source;
        if (BAD.has(r.verdict)) report.failures.push({ verdict: r.verdict, label: `response to ${safeDecode(r.label)}`, source, findings: r.findings.filter((f) => f.sev !== 'info') });
        r.findings.forEach(warn);
      });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return report;
}

/** Why the run must fail ([] when it passes): non-conformant traffic, permission gaps, unexplained warnings. */
export function problemsOf(r: TrafficReport): string[] {
  const problems = r.failures.map((f) => `${f.verdict}: ${f.label}`);
  problems.push(...r.permissionGaps);
  for (const w of r.warnings.keys()) {
    const code = w.slice(0, w.indexOf(':'));
    if (!EXPLAINED_WARNINGS[code]) problems.push(`unexplained warning ${w}`);
  }
  return problems;
}

/** A readable summary for the console. */
export function formatReport(r: TrafficReport): string {
  const counts = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `Graph conformance (tools/graph-conformance) over the e2e suites' traffic: ${r.requests} distinct requests, ${r.responses} distinct responses`,
    `  requests and batch parts: ${counts(r.requestVerdicts)}`,
    `  responses: ${counts(r.responseVerdicts)}`,
  ];
  if (r.warnings.size) {
    lines.push('  warnings left (each explained in README.md, "Graph conformance"):');
    for (const [w, n] of r.warnings) lines.push(`    ${n}× ${w}`);
  }
  for (const g of r.permissionGaps) lines.push(`  PERMISSION  ${g}  (granted: ${GRANTED_READ}; write: ${GRANTED_WRITE})`);
  for (const f of r.failures) {
    lines.push(`  ${f.verdict.toUpperCase()}  ${f.label}${f.source ? `  [${f.source}]` : ''}`);
    for (const x of f.findings) lines.push(`      [${x.sev}] ${x.code}: ${x.msg}`);
  }
  return lines.join('\n');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
