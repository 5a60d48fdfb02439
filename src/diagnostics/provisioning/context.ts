/** The state one provisioning diagnosis works on. */
import type { Clock } from '../../clock';
import { heldRoles, type RoleName } from '../roles';
import type { AppSnapshot, GraphUser, ProvisioningObjectSummary, SynchronizationJob } from '../snapshot';
import type { Unchecked } from '../types';
import type { ProvisioningFinding, ProvisioningTopic } from './model';
import { tutorialForAny, type Tutorial } from './tutorials';

export interface Ctx {
  topic: ProvisioningTopic;
  snap: AppSnapshot;
  now: Date;
  held?: Set<RoleName>;
  appName: string;
  /** undefined when the jobs couldn't be read. */
  jobs?: SynchronizationJob[];
  job?: SynchronizationJob;
  tutorial: Tutorial;
  /** The focused user when found. */
  user?: GraphUser;
  userLabel: string;
  findings: ProvisioningFinding[];
  unchecked: Unchecked[];
}

/** The job to diagnose: the first configured one (most apps have exactly one), else the first. */
export function mainJob(jobs: SynchronizationJob[]): SynchronizationJob | undefined {
  return jobs.find((j) => j.status?.code && j.status.code !== 'NotConfigured') ?? jobs[0];
}

export function makeContext(topic: ProvisioningTopic, snap: AppSnapshot, clock: Clock): Ctx {
  const jobs = snap.jobs.ok ? snap.jobs.value : undefined;
  // The job whose schema the snapshot holds, so scoping filters and rule ids belong to the job diagnosed.
  const job = jobs ? (jobs.find((j) => j.id === snap.schemaJobId) ?? mainJob(jobs)) : undefined;
  const templates = snap.templates.ok ? snap.templates.value : [];
  const sp = snap.servicePrincipal;
  const user = snap.user?.user.ok && snap.user.user.value ? snap.user.user.value : undefined;
  return {
    topic,
    snap,
    now: clock.now(),
    held: heldRoles(snap.caller.roles),
    appName: sp.displayName ?? sp.appId,
    jobs,
    job,
    tutorial: tutorialForAny([job?.templateId, ...templates.flatMap((t) => [t.id, t.factoryTag]), sp.displayName]),
    user,
    userLabel: user?.userPrincipalName ?? user?.displayName ?? snap.user?.query ?? '',
    findings: [],
    unchecked: [],
  };
}

/** Newest first. */
export function byNewest(a: ProvisioningObjectSummary, b: ProvisioningObjectSummary): number {
  return b.activityDateTime.localeCompare(a.activityDateTime);
}
