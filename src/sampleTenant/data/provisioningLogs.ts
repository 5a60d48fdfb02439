/**
 * Provisioning logs (provisioningObjectSummary, `/auditLogs/provisioning`): one entry per user per cycle, with the
 * steps (import, scoping, matching, export) and the errors each app's branch needs. The server sorts them newest
 * first; `provisionOnDemand` appends to them.
 */
import { APPS, type AppRef } from './apps';
import type { BuildContext } from './context';
import { guid, TENANT_ID, type UserRef } from './ids';
import { PERSONA_USERS } from './personas';
import { TARGET_SYSTEM } from './synchronization';
import type { Dataset, Json } from './types';
import { CROWD, USERS } from './users';

interface LogSpec {
  app: AppRef;
  user: UserRef | Json;
  minutesAgo: number;
  status: 'success' | 'failure' | 'skipped' | 'warning';
  action?: 'create' | 'update' | 'delete' | 'disable' | 'stagedDelete' | 'other';
  errorCode?: string;
  reason?: string;
  recommendedAction?: string;
  scoping?: { status: string; description: string; details?: Record<string, string> };
  exportStep?: { status: string; description: string; details?: Record<string, string> };
}

/** The logs of every app that has run (after users exist). */
export function addProvisioningLogs(ds: Dataset, ctx: BuildContext): void {
  const { ago } = ctx;
  const A = APPS;
  const U = USERS;
  const P = PERSONA_USERS;
  const crowd = CROWD;
  const provisioningLogs = ds.provisioningLogs;
  let logSeq = 0;
  function log(s: LogSpec): void {
    logSeq++;
    const userId = s.user.id as string;
    const name = s.user.displayName as string;
    const upn = s.user.userPrincipalName as string;
    const targetName = TARGET_SYSTEM[s.app.templateId!] ?? 'customappsso';
    const cycleId = guid(`cycle:${s.app.id}:${Math.floor(s.minutesAgo / 40)}`);
    const steps: Json[] = [
      {
        name: 'EntryImportAdd',
        provisioningStepType: 'import',
        status: 'success',
        description: `Received User '${upn}' change of type (Update) from Azure Active Directory`,
        details: { objectId: userId, userPrincipalName: upn, displayName: name },
      },
      {
        name: 'EntrySynchronizationScoping',
        provisioningStepType: 'scoping',
        status: s.scoping?.status ?? 'success',
        description: s.scoping?.description ?? `Determine if User in scope by evaluating against each scoping filter`,
        details: s.scoping?.details ?? { 'Active in the source system': 'True', 'Assigned to the application': 'True', 'User has the required role': 'True', 'Scoping filter evaluation passed': 'True' },
      },
    ];
    if (s.status !== 'skipped' || s.exportStep) {
      steps.push({
        name: 'EntryImportObjectExists',
        provisioningStepType: 'matching',
        status: 'success',
        description: `Searched ${targetName} for User '${upn}' using the matching attribute userName`,
        details: { userName: upn },
      });
      steps.push({
        name: s.status === 'failure' ? 'EntryExportUpdate' : 'EntryExportAdd',
        provisioningStepType: 'export',
        status: s.exportStep?.status ?? s.status,
        description:
          s.exportStep?.description ??
          (s.status === 'failure' ? `Failed to ${s.action ?? 'create'} User '${upn}' in ${targetName}` : `User '${upn}' was ${s.action === 'update' ? 'updated' : 'created'} in ${targetName}`),
        details: s.exportStep?.details ?? {},
      });
    }
    provisioningLogs.push({
      id: guid('log:' + logSeq),
      activityDateTime: ago(s.minutesAgo),
      tenantId: TENANT_ID,
      jobId: s.app.jobId,
      cycleId,
      changeId: guid('change:' + logSeq),
      durationInMilliseconds: 180 + ((logSeq * 37) % 900),
      initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
      provisioningAction: s.action ?? (s.status === 'skipped' ? 'other' : 'create'),
      provisioningStatusInfo: {
        status: s.status,
        errorInformation:
          s.status === 'failure' || s.status === 'skipped' || s.status === 'warning'
            ? {
                errorCode: s.errorCode ?? null,
                errorCategory: s.status === 'failure' ? 'nonServiceFailure' : null,
                reason: s.reason ?? null,
                additionalDetails: null,
                recommendedAction: s.recommendedAction ?? null,
              }
            : null,
      },
      provisioningSteps: steps,
      modifiedProperties: [
        { displayName: 'displayName', oldValue: null, newValue: name },
        { displayName: 'userPrincipalName', oldValue: null, newValue: upn },
      ],
      servicePrincipal: { id: s.app.id, displayName: s.app.displayName },
      sourceIdentity: { id: userId, displayName: name, identityType: 'User', details: {} },
      sourceSystem: { id: guid('srcsys'), displayName: 'Azure Active Directory', details: {} },
      targetIdentity: { id: s.status === 'success' ? guid('target:' + s.app.id + userId) : '', displayName: name, identityType: 'User', details: {} },
      targetSystem: { id: guid('tgtsys:' + s.app.id), displayName: targetName, details: { ApplicationId: s.app.appId, ServicePrincipalDisplayName: s.app.displayName } },
    });
  }
  const scopedOutStep = {
    status: 'skipped',
    description: "User 'erik.johansen@contoso.no' is not in scope: the scoping filter 'Kun salg' requires department EQUALS 'Sales' (value: 'Marketing')",
    details: { 'Scoping filter evaluation passed': 'False', ScopeEvaluationResult: '{"Kun salg":{"department EQUALS \'Sales\'":"False"}}' },
  };
  const notAssignedStep = (upn: string) => ({
    status: 'skipped',
    description: `User '${upn}' is not assigned to the application and the scope is set to all users and groups; the user was evaluated and skipped`,
    details: { 'Assigned to the application': 'False', 'Active in the source system': 'True', SkipReason: 'NotEffectivelyEntitled' },
  });
  // Salesforce: success, scoping skip, duplicate target failure.
  log({ app: A.scoped, user: U.provisioned, minutesAgo: 31, status: 'success', action: 'update' });
  log({ app: A.scoped, user: U.provisioned, minutesAgo: 60 * 24 * 40, status: 'success', action: 'create' });
  log({ app: A.scoped, user: U.scopedOut, minutesAgo: 31, status: 'skipped', errorCode: 'EntrySynchronizationSkipped', reason: 'The user is out of scope for provisioning.', scoping: scopedOutStep });
  log({ app: A.scoped, user: U.scopedOut, minutesAgo: 71, status: 'skipped', errorCode: 'EntrySynchronizationSkipped', reason: 'The user is out of scope for provisioning.', scoping: scopedOutStep });
  log({
    app: A.scoped,
    user: U.duplicateTarget,
    minutesAgo: 32,
    status: 'failure',
    errorCode: 'DuplicateTargetEntries',
    reason: "More than one user in salesforce.com matched 'emma.wilson@contoso.no' on the matching attribute Username.",
    recommendedAction: 'Remove the duplicate user in Salesforce or change the matching attribute.',
  });
  log({ app: A.scoped, user: U.duplicateTarget, minutesAgo: 72, status: 'failure', errorCode: 'DuplicateTargetEntries', reason: "More than one user in salesforce.com matched 'emma.wilson@contoso.no'." });
  // Slack: healthy.
  log({ app: A.healthy, user: U.slackUser, minutesAgo: 27, status: 'success', action: 'update' });
  log({ app: A.healthy, user: U.slackUser, minutesAgo: 60 * 24 * 90, status: 'success', action: 'create' });
  log({ app: A.healthy, user: crowd[9], minutesAgo: 27, status: 'success', action: 'create' });
  // ServiceNow: export rejected (credentials).
  log({ app: A.quarantinedCredentials, user: U.slackUser, minutesAgo: 6 * 60, status: 'failure', errorCode: 'Unauthorized', reason: 'ServiceNow returned HTTP 401 Unauthorized.' });
  log({ app: A.quarantinedCredentials, user: P.ga, minutesAgo: 6 * 60 + 1, status: 'failure', errorCode: 'InsufficientRights', reason: 'The ServiceNow account used for provisioning lacks the user_admin role.' });
  // Zendesk: high error volume.
  log({ app: A.quarantinedErrors, user: U.mandatoryMissing, minutesAgo: 19 * 60 + 5, status: 'failure', errorCode: 'MandatoryFieldsMissing', reason: "The required attribute 'email' has no value for 'magnus.overby@contoso.no'." });
  crowd.slice(13, 20).forEach((c, i) =>
    log({ app: A.quarantinedErrors, user: c, minutesAgo: 19 * 60 + 6 + i, status: 'failure', errorCode: i % 2 ? 'InsufficientRights' : 'MandatoryFieldsMissing', reason: i % 2 ? 'The Zendesk API token lacks the agent administration permission.' : "The required attribute 'email' has no value." }),
  );
  // Google Workspace: staged deletes.
  crowd.slice(0, 6).forEach((c, i) =>
    log({ app: A.tooManyDeletes, user: c, minutesAgo: 100 + i, status: 'skipped', action: 'stagedDelete', errorCode: 'TooManyDeletes', reason: 'The delete was held back: the accidental deletion threshold was exceeded.' }),
  );
  // Miro: initial cycle in progress.
  crowd.slice(6, 10).forEach((c, i) => log({ app: A.initialCycle, user: c, minutesAgo: 33 - i, status: 'success', action: 'create' }));
  // Dropbox Business: 1 success + 59 skipped for users that aren't assigned (sync all suspected) → 60 logs, pages at $top=50.
  log({ app: A.syncAllLikely, user: P.appadmin, minutesAgo: 12, status: 'success', action: 'update' });
  const dropboxPeople: (UserRef | Json)[] = [U.unassigned, ...crowd, U.nestedOnly, U.provisioned, U.scopedOut];
  for (let i = 0; i < 59; i++) {
    const p = dropboxPeople[i % dropboxPeople.length];
    log({
      app: A.syncAllLikely,
      user: p,
      minutesAgo: 13 + i * 7,
      status: 'skipped',
      errorCode: 'EntrySynchronizationSkipped',
      reason: 'The user is not assigned to the application.',
      scoping: notAssignedStep(p.userPrincipalName as string),
    });
  }
  // Atlassian Cloud (the one with provisioning).
  log({ app: A.duplicateName[0], user: P.groups, minutesAgo: 22, status: 'success', action: 'update' });
}
