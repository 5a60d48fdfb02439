/**
 * Parts of the snapshot that couldn't be read become "could not check" entries with the role, scope or licence
 * that is missing. Two cases get a finding of their own: Global Reader (reads everything except provisioning
 * settings — a known issue) and a tenant without Entra ID P1/P2 (no provisioning logs through Graph).
 */
import { holdsAny, type RoleName } from '../roles';
import type { Failed, Part } from '../snapshot';
import type { Text } from '../types';
import { ROLE_NEEDS, unchecked, whyFailed, type Requirement } from '../unchecked';
import type { Ctx } from './context';
import { LEARN } from './links';
import { make, p } from './model';

const APP_ADMINS: RoleName[] = ['applicationAdministrator', 'cloudApplicationAdministrator'];

/** Scopes: any one entry suffices (see Requirement). */
export const NEEDS = {
  jobs: { roles: APP_ADMINS, scopes: ['Synchronization.Read.All'] },
  logs: {
    roles: ['reportsReader', 'securityReader', 'globalReader', 'applicationAdministrator', 'cloudApplicationAdministrator'],
    scopes: ['ProvisioningLog.Read.All', 'AuditLog.Read.All', 'Directory.Read.All'],
    licence: 'Microsoft Entra ID P1 or P2',
  },
  assignments: { roles: ['directoryReaders', 'globalReader', 'applicationAdministrator', 'cloudApplicationAdministrator'], scopes: ['Application.Read.All', 'Directory.Read.All'] },
  // Another user's attributes: User.Read.All (User.Read covers only the signed-in user).
  user: { roles: ['directoryReaders', 'globalReader', 'userAdministrator'], scopes: ['User.Read.All', 'Directory.Read.All'] },
  memberships: { roles: ['directoryReaders', 'globalReader', 'groupsAdministrator'], scopes: ['GroupMember.Read.All', 'Directory.Read.All'] },
  roles: ROLE_NEEDS,
} satisfies Record<string, Requirement>;

export const LICENCE_CODE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

function denied(f: Failed): boolean {
  return f.status === 401 || f.status === 403;
}

/** Global Reader without an application admin role: it can read everything except provisioning settings. */
export function isGlobalReaderOnly(ctx: Ctx): boolean {
  return !!ctx.held?.has('globalReader') && !holdsAny(ctx.held, [...APP_ADMINS, 'globalAdministrator']);
}

function syncPart(ctx: Ctx, id: string, what: string, part: Part<unknown> | undefined): boolean {
  if (!part || part.ok) return false;
  const why: Text = denied(part) && isGlobalReaderOnly(ctx) ? p('unchecked.globalReader') : whyFailed(part, NEEDS.jobs);
  ctx.unchecked.push({ id, what: p(`unchecked.${what}`, { app: ctx.appName }), why });
  return denied(part);
}

export function isLicenseFailure(f: Failed): boolean {
  return f.code === LICENCE_CODE || (denied(f) && /premium|licen[cs]e|B2C/i.test(`${f.code} ${f.message ?? ''}`));
}

export interface AccessNeeds {
  templates: boolean;
  assignments: boolean;
  logs: boolean;
  schema: boolean;
}

export function accessChecks(ctx: Ctx, needs: AccessNeeds): void {
  const { snap } = ctx;
  if (!snap.caller.roles.ok) {
    ctx.unchecked.push(unchecked('A1', p('unchecked.roles'), snap.caller.roles, NEEDS.roles));
  }

  let syncDenied = syncPart(ctx, 'P0', 'jobs', snap.jobs);
  const jobsEmpty = snap.jobs.ok && snap.jobs.value.length === 0;
  if (needs.templates && (!snap.jobs.ok || jobsEmpty)) syncDenied = syncPart(ctx, 'P1.2', 'templates', snap.templates) || syncDenied;
  if (needs.schema && ctx.job) syncDenied = syncPart(ctx, 'P3.6', 'schema', snap.schema) || syncDenied;

  if (syncDenied && isGlobalReaderOnly(ctx)) {
    ctx.findings.push(
      make({
        id: 'P0.globalReader',
        severity: ctx.topic === 'provisioning.logs' ? 'info' : 'warning',
        params: { app: ctx.appName },
        detail: true,
        fixSteps: 3,
        evidence: {
          'me/transitiveMemberOf/directoryRole': 'Global Reader',
          'GET /servicePrincipals/{id}/synchronization/jobs': snap.jobs.ok ? 'ok' : `${snap.jobs.status} ${snap.jobs.code}`,
        },
        learnMore: LEARN.knownIssues,
      }),
    );
  }

  if (needs.assignments && !snap.assignments.ok) {
    ctx.unchecked.push(unchecked('P3.5', p('unchecked.assignments', { app: ctx.appName }), snap.assignments, NEEDS.assignments));
  }

  const focus = snap.user;
  if (focus && needs.assignments) {
    if (!focus.user.ok) ctx.unchecked.push(unchecked('P3.5.user', p('unchecked.user', { user: focus.query }), focus.user, NEEDS.user));
    if (focus.user.ok && focus.user.value) {
      if (!focus.directGroupIds.ok) ctx.unchecked.push(unchecked('P3.5.direct', p('unchecked.directGroups', { user: ctx.userLabel }), focus.directGroupIds, NEEDS.memberships));
      if (!focus.transitiveGroupIds.ok) ctx.unchecked.push(unchecked('P3.5.transitive', p('unchecked.transitiveGroups', { user: ctx.userLabel }), focus.transitiveGroupIds, NEEDS.memberships));
    }
  }

  if (needs.logs && !snap.logs.ok) {
    const f = snap.logs;
    ctx.unchecked.push({
      id: 'P3.7',
      what: p('unchecked.logs', { app: ctx.appName }),
      why: isLicenseFailure(f) ? { key: 'diag.unchecked.licence', params: { licence: NEEDS.logs.licence } } : whyFailed(f, NEEDS.logs),
    });
    if (isLicenseFailure(f)) {
      ctx.findings.push(
        make({
          id: 'P5.licence',
          severity: ctx.topic === 'provisioning.logs' ? 'warning' : 'info',
          params: { app: ctx.appName },
          detail: true,
          fixSteps: 3,
          evidence: { 'GET /auditLogs/provisioning': `${f.status} ${f.code}` },
          learnMore: LEARN.conceptLogs,
        }),
      );
    }
  }
}
