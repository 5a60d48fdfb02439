/** Outcomes of resolving what the admin typed to an enterprise app, before any job is read. */
import { systemClock, type Clock } from '../../clock';
import type { AppResolution } from '../snapshot';
import { sortFindings, type Diagnosis } from '../types';
import { graphUnavailableFinding, isAccessDenied, unchecked } from '../unchecked';
import { LEARN } from './links';
import { make, p, type ProvisioningTopic } from './model';

export const APP_LOOKUP_NEEDS = { roles: ['directoryReaders' as const, 'applicationAdministrator' as const, 'cloudApplicationAdministrator' as const], scopes: ['Application.Read.All', 'Directory.Read.All'] };

/**
 * 'none' / 'registrationOnly' / 'denied' → a diagnosis; 'many' → undefined (the dialog shows a choice);
 * 'one' → undefined as well (call diagnoseApp with the snapshot).
 */
export function resolutionDiagnosis(resolution: AppResolution, topic: ProvisioningTopic, clock: Clock = systemClock): Diagnosis | undefined {
  const checkedAt = clock.now().toISOString();
  switch (resolution.kind) {
    case 'none':
      return {
        topic,
        subject: { kind: 'app', displayName: resolution.query },
        findings: [make({ id: 'P0.notFound', severity: 'blocker', params: { query: resolution.query }, detail: true, fixSteps: 3, evidence: { 'GET /servicePrincipals?$filter=displayName': resolution.query, count: 0 }, learnMore: LEARN.tutorialList })],
        unchecked: [],
        checkedAt,
      };
    case 'registrationOnly': {
      const a = resolution.application;
      const app = a.displayName ?? a.appId;
      return {
        topic,
        subject: { kind: 'app', id: a.id, displayName: app },
        findings: sortFindings([
          make({
            id: 'P0.registrationOnly',
            severity: 'blocker',
            params: { app },
            detail: true,
            fixSteps: 3,
            evidence: { 'application.appId': a.appId, 'application.id': a.id, 'servicePrincipals(appId).synchronization': 'not provisioning-enabled' },
            learnMore: LEARN.knownIssues,
          }),
        ]),
        unchecked: [],
        checkedAt,
      };
    }
    case 'denied': {
      const f = resolution.failure;
      if (!isAccessDenied(f)) {
        return { topic, subject: { kind: 'app', displayName: '' }, findings: [graphUnavailableFinding('P0.unavailable', f, { key: 'diag.unavailable.app', params: {} })], unchecked: [], checkedAt };
      }
      return {
        topic,
        subject: { kind: 'app', displayName: '' },
        findings: [make({ id: 'P0.denied', severity: 'warning', detail: true, fixSteps: 2, evidence: { [f.request ?? 'GET /servicePrincipals']: `${f.status} ${f.code}` }, learnMore: LEARN.roles })],
        unchecked: [unchecked('P0', p('unchecked.servicePrincipals'), f, APP_LOOKUP_NEEDS)],
        checkedAt,
      };
    }
    default:
      return undefined;
  }
}
