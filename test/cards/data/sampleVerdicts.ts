/**
 * Every verdict the sample tenant can produce for the e2e suites' questions: each issue type against each sample
 * group or app (and, for "no users provisioned", each sample user), checked through the real Graph client over
 * loopback as the Global Administrator and the helpdesk persona (who gets "what I couldn't check"). Verdicts with
 * the same findings are kept once. The quarantined ServiceNow app is among them, and so are the people with sync and
 * licence problems (a user as the subject) and the tenant-wide answers.
 */
import { fixedClock } from '../../../src/clock';
import type { Diagnosis } from '../../../src/diagnostics/types';
import { runCheck } from '../../../src/dialogs/checks';
import { createGraphClient } from '../../../src/graph';
import { ISSUE_INTENTS, type Target } from '../../../src/topics';
import { SAMPLE, startSampleTenant } from '../../../src/sampleTenant';

export interface SampleVerdict {
  name: string;
  diagnosis: Diagnosis;
}

export const SAMPLE_NOW = '2026-11-21T09:00:00Z';

export async function sampleVerdicts(): Promise<SampleVerdict[]> {
  const clock = fixedClock(SAMPLE_NOW);
  const tenant = await startSampleTenant({ clock });
  try {
    const groups = Object.values(SAMPLE.groups).map((g) => g.displayName);
    const apps = [...new Set(Object.values(SAMPLE.apps).flatMap((a) => ('displayName' in a ? [a.displayName] : a.map((x) => x.displayName))))];
    const users = Object.values(SAMPLE.users).flatMap((u) => ('userPrincipalName' in u ? [u.userPrincipalName] : u.map((x) => x.userPrincipalName)));
    const people = Object.values(SAMPLE.userIssues).map((u) => u.displayName);
    const seen = new Set<string>();
    const out: SampleVerdict[] = [];
    for (const persona of ['ga', 'helpdesk']) {
      const api = createGraphClient({ accessToken: persona, baseUrl: tenant.url });
      for (const topic of ISSUE_INTENTS) {
        const targets: Target[] = topic.startsWith('group.')
          ? [
              ...[...new Set(groups)].map((group) => ({ group })),
              // A person as the subject (sync errors, licences) and the tenant-wide answers.
              ...[...people, SAMPLE.users.countViolation.displayName, SAMPLE.users.mutuallyExclusive.displayName].map((name) => ({ names: [name] })),
              { tenantWide: 'sync' as const },
              { tenantWide: 'licenses' as const },
            ]
          : [...apps.flatMap((app) => [{ app }, ...(topic === 'provisioning.no_users' ? users.map((user) => ({ app, user })) : [])]), { tenantWide: 'apps' as const }];
        for (const target of targets) {
          const outcome = await runCheck(api, { topic, target }, clock);
          if (outcome.kind !== 'verdict') continue;
          const d = outcome.diagnosis;
          const key = `${d.subject.kind}:${d.findings.map((f) => f.id).join(',')}|${d.unchecked.map((u) => u.id).join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ name: `${persona} ${topic} ${Object.values(target).flat().join(' / ')}`, diagnosis: d });
        }
      }
    }
    return out;
  } finally {
    await tenant.close();
  }
}
