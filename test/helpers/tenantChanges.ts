/**
 * Things that happen to a tenant while nobody is looking, done to the sample tenant's (mutable) dataset the way
 * Microsoft Entra would report them: a provisioning job goes into quarantine and comes out, a group member gets a
 * licence error and it is fixed, directory sync catches up. Directory sync going stale needs nothing: move the clock.
 */
import type { SampleTenant } from '../../src/sampleTenant';

/* eslint-disable @typescript-eslint/no-explicit-any */

function mainJob(tenant: SampleTenant, spId: string): any {
  const job = tenant.dataset.synchronization[spId]?.jobs[0] as any;
  if (!job) throw new Error(`no provisioning job for ${spId}`);
  return job;
}

/** The job stops on bad credentials: Quarantine / EncounteredQuarantineException since `at`. */
export function quarantineJob(tenant: SampleTenant, spId: string, at: Date): void {
  const job = mainJob(tenant, spId);
  job.status.code = 'Quarantine';
  job.status.quarantine = {
    reason: 'EncounteredQuarantineException',
    currentBegan: at.toISOString(),
    seriesBegan: at.toISOString(),
    seriesCount: 1,
    nextAttempt: new Date(at.getTime() + 6 * 3600_000).toISOString(),
    error: { code: 'HTTP401Unauthorized', message: 'The credentials for the target system were rejected.', tenantActionable: true },
  };
}

/** The admin fixed the credentials and restarted: Active, no quarantine. */
export function releaseJob(tenant: SampleTenant, spId: string): void {
  const job = mainJob(tenant, spId);
  job.status.code = 'Active';
  job.status.quarantine = null;
}

/** A licence the group assigns to the user is now in error (CountViolation), or back to Active. */
export function setLicenseError(tenant: SampleTenant, userId: string, groupId: string, error: 'CountViolation' | 'None'): void {
  const user = tenant.dataset.users.find((u) => u.id === userId) as any;
  if (!user) throw new Error(`no user ${userId}`);
  for (const state of user.licenseAssignmentStates ?? []) {
    if (state.assignedByGroup !== groupId) continue;
    state.state = error === 'None' ? 'Active' : 'Error';
    state.error = error;
  }
}

/** Directory sync caught up: the last cycle finished at `at`. */
export function syncNow(tenant: SampleTenant, at: Date): void {
  tenant.dataset.organization.onPremisesLastSyncDateTime = at.toISOString();
}
