import { diagnoseApp, type ProvisioningDiagnosis, type ProvisioningFinding } from '../../../src/diagnostics/provisioning';
import { clock } from './builders';
import { scenario } from './scenarios';

export function run(name: string): ProvisioningDiagnosis {
  const s = scenario(name);
  return diagnoseApp(s.topic, s.snapshot, clock);
}

export function ids(d: ProvisioningDiagnosis): string[] {
  return d.findings.map((f) => f.id);
}

export function finding(d: ProvisioningDiagnosis, id: string): ProvisioningFinding {
  const f = d.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id} in ${ids(d).join(', ')}`);
  return f;
}
