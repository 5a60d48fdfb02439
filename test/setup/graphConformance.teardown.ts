/**
 * jest globalTeardown: after every test file has run (in whichever worker), the Graph traffic the end-to-end
 * suites recorded in `.graph-traffic/` goes through the vendored checker (tools/graph-conformance). Any invalid,
 * beta-only or missing-ConsistencyLevel request or response, a request the granted scopes don't cover, or a
 * warning README.md doesn't explain fails `npm test`. A run without e2e suites recorded nothing and checks nothing.
 */
import { checkTraffic, formatReport, problemsOf } from '../helpers/graphTraffic';

export default function graphConformance(): void {
  const report = checkTraffic();
  if (report.requests === 0 && report.responses === 0) return;
  const problems = problemsOf(report);
  const text = formatReport(report);
  if (problems.length) throw new Error(`Graph conformance failed:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}\n${text}`);
  console.log(`\n${text}`);
}
