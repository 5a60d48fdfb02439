/**
 * jest globalSetup: starts every run with an empty `.graph-traffic/`, so the conformance check in globalTeardown
 * (graphConformance.teardown.ts) judges exactly the Graph traffic of this run's end-to-end suites.
 */
import * as fs from 'fs';
import { TRAFFIC_DIR } from '../helpers/graphTraffic';

export default function clearGraphTraffic(): void {
  fs.rmSync(TRAFFIC_DIR, { recursive: true, force: true });
}
