/**
 * The Graph conformance check that `npm test` runs after the e2e suites (jest globalTeardown): the vendored
 * checker works here, the sample tenant's rules are generated from it, and recorded traffic that real Graph would
 * refuse fails the check — so a passing run means something.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixedClock } from '../../src/clock';
import { createGraphClient } from '../../src/graph';
import { resolveApp } from '../../src/graph/appSnapshot';
import { resolveGroup } from '../../src/graph/groupSnapshot';
import { SAMPLE, startSampleTenant, type SampleTenant } from '../../src/sampleTenant';
import { CHECKER_DIR, checkTraffic, problemsOf, recordTraffic, REPO_ROOT, type TrafficReport } from '../helpers/graphTraffic';

const clock = fixedClock('2026-11-21T09:00:00Z');

/** A sample tenant whose round trips are recorded into a fresh directory, as the e2e suites' are. */
async function recordingTenant(): Promise<{ tenant: SampleTenant; dir: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-traffic-'));
  const tenant = await startSampleTenant({ clock, onExchange: recordTraffic('graphConformance.test', dir) });
  return { tenant, dir, close: async () => (await tenant.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

const send = (tenant: SampleTenant, pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) =>
  fetch(`${tenant.url}/v1.0${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: 'Bearer ga', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  }).then((r) => r.text());

describe('the vendored checker and what the sample tenant takes from it', () => {
  it("the checker's own 57 good and broken cases give the verdicts they must", () => {
    const m = (f: string) => path.join(CHECKER_DIR, 'metadata', f);
    const out = execFileSync(process.execPath, [path.join(CHECKER_DIR, 'selftest.mjs'), '--csdl', m('v1.0.xml'), '--beta', `${m('beta-entity-types.json')},${m('beta-complex-types.json')}`], { encoding: 'utf8' });
    expect(out).toMatch(/^(\d+)\/\1 self-test cases pass/m);
  });

  it("src/sampleTenant/graphRules.json is what the generator makes from the vendored metadata and Learn's rules", () => {
    expect(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'sample-tenant-graph-rules.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });
});

describe("SyncHelper's own Graph traffic", () => {
  it('a group diagnosis and an app diagnosis with a user named by mail are conformant, and no token is recorded', async () => {
    const { tenant, dir, close } = await recordingTenant();
    try {
      const api = createGraphClient({ accessToken: 'ga', baseUrl: tenant.url, sleep: async () => undefined });
      await resolveGroup(api, SAMPLE.groups.licensedSynced.displayName, clock);
      await resolveApp(api, { app: SAMPLE.apps.scoped.displayName, user: SAMPLE.users.renamedMail.mail }, clock);
      const report = checkTraffic(dir);
      expect(report.requests).toBe(5);
      expect(report.failures).toEqual([]);
      expect(report.permissionGaps).toEqual([]);
      expect(problemsOf(report)).toEqual([]);
      const recorded = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
      expect(recorded).not.toMatch(/authorization|Bearer/i);
      expect(recorded).toContain('"ConsistencyLevel":"eventual"');
    } finally {
      await close();
    }
  });
});

describe('traffic real Graph would refuse fails the check', () => {
  let report: TrafficReport;
  const bySource = (source: string) => report.failures.filter((f) => f.label.includes(source));
  beforeAll(async () => {
    const { tenant, dir, close } = await recordingTenant();
    try {
      await send(tenant, '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id');
      await send(tenant, '/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: '/v1.0/organization?$select=id' }] } });
      await send(tenant, `/groups/${SAMPLE.groups.synced.id}?$select=id,writebackConfiguration`);
      tenant.dataset.applications[0].bogusProperty = 'x';
      await send(tenant, `/applications/${tenant.dataset.applications[0].id}?$select=id,bogusProperty`);
      const sp = SAMPLE.apps.scoped.id;
      tenant.dataset.synchronization[sp].jobs[0].bogusProperty = 'x';
      await send(tenant, `/servicePrincipals/${sp}/synchronization/jobs`);
      await send(tenant, `/groups/${SAMPLE.groups.synced.id}/owners/microsoft.graph.administrativeUnit`);
      report = checkTraffic(dir);
    } finally {
      await close();
    }
  });

  it('a cast on transitiveMemberOf without ConsistencyLevel is missing-consistencylevel', () => {
    expect(bySource('/me/transitiveMemberOf').map((f) => f.verdict)).toEqual(['missing-consistencylevel']);
  });

  it('a /v1.0 prefix inside a $batch part is invalid', () => {
    const batch = report.failures.filter((f) => f.label === 'POST /v1.0/$batch');
    expect(batch).toEqual([expect.objectContaining({ verdict: 'invalid', findings: [expect.objectContaining({ code: 'batch-url-version' })] })]);
  });

  it('a property only beta has is beta-only', () => {
    expect(bySource('writebackConfiguration').map((f) => f.verdict)).toEqual(['beta-only']);
  });

  it('an unknown property in $select is invalid, and so is a response carrying one', () => {
    expect(bySource('bogusProperty').map((f) => f.verdict)).toEqual(['invalid']);
    const response = report.failures.find((f) => f.label === `response to GET /v1.0/servicePrincipals/${SAMPLE.apps.scoped.id}/synchronization/jobs`);
    expect(response).toEqual(expect.objectContaining({ verdict: 'invalid', findings: [expect.objectContaining({ code: 'shape-unknown' })] }));
  });

  it('a warning README.md does not explain fails the run too', () => {
    expect(problemsOf(report)).toContainEqual(expect.stringMatching(/^unexplained warning cast-outside-constraint/));
    expect(problemsOf(report).filter((p) => p.startsWith('unexplained'))).toHaveLength(1);
  });
});
