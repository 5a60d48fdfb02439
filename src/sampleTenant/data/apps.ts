/**
 * Enterprise apps: app registrations (applications), their service principals, the groups created to assign them
 * ("<app>-brukere") and the app role assignments (who is assigned to what). Their provisioning jobs are in
 * synchronization.ts, their provisioning logs in provisioningLogs.ts.
 */
import type { BuildContext } from './context';
import { addGroup, GROUPS } from './groups';
import { assignmentId, DOMAIN, groupRef, guid, hex, objectById, TENANT_ID, type Ref } from './ids';
import { PERSONA_USERS } from './personas';
import type { Dataset, Json } from './types';
import { CROWD_IDS, USERS } from './users';

export interface AppRef extends Ref {
  appId: string;
  templateId?: string;
  jobId?: string;
  ruleId?: string;
}

/** A service principal's ids; with a gallery template also its provisioning job and rule (unless `withJob` is false). */
function app(key: string, displayName: string, templateId?: string, withJob = true): AppRef {
  const ref: AppRef = { id: guid('sp:' + key), appId: guid('app:' + key), displayName };
  if (templateId) {
    ref.templateId = templateId;
    if (withJob) {
      ref.jobId = `${templateId}.${hex(TENANT_ID)}.${hex(guid('job:' + key))}`;
      ref.ruleId = guid('rule:' + key);
    }
  }
  return ref;
}

/** Notable apps, by the branch they exercise (`SAMPLE.apps`). */
export const APPS = {
  /** P3: Active, steady state recent. */
  healthy: app('slack', 'Slack', 'slack'),
  /** P1.3: templates present, no jobs. */
  neverConfigured: app('box', 'Box', 'BoxOutDelta', false),
  /** P1.2: no templates, no jobs (custom SAML app). */
  noConnector: app('fjordportalen', 'Fjordportalen Intranett'),
  /** P1.2: app registration only — application without a service principal. */
  registrationOnly: { id: guid('application:hr-api'), appId: guid('app:hr-api'), displayName: 'HR Rapportering API' } as AppRef,
  /** P2.1: Quarantine / EncounteredQuarantineException (credentials rejected, HTTP 401). */
  quarantinedCredentials: app('servicenow', 'ServiceNow', 'ServiceNowOutDelta'),
  /** P3.2: Quarantine / EncounteredEscrowProportionThreshold, escrowsPruned. */
  quarantinedErrors: app('zendesk', 'Zendesk', 'zendesk'),
  /** P3.2: Quarantine / TooManyDeletes. */
  tooManyDeletes: app('gsuite', 'Google Workspace', 'gsuite'),
  /** P3.3: NotRun, steadyStateFirstAchievedTime 0001-01-01. */
  initialCycle: app('miro', 'Miro', 'miro'),
  /** P3.1: schedule Paused. */
  paused: app('smartsheet', 'Smartsheet', 'smartsheet'),
  /** P3.5/P3.6: nested-only assignment and a scoping filter (department EQUALS "Sales"); logs with success, skip, failure. */
  scoped: app('salesforce', 'Salesforce', 'salesforce'),
  /** P4.1: many "skipped" logs for unassigned users (Sync all likely); > 50 logs (paging). */
  syncAllLikely: app('dropbox', 'Dropbox Business', 'dropboxSCIMOutDelta'),
  /** P0: two service principals named "Atlassian Cloud". */
  duplicateName: [app('atlassian-1', 'Atlassian Cloud', 'atlassianCloud'), app('atlassian-2', 'Atlassian Cloud')],
} as const;

const appRoleIds = (a: AppRef) => ({ user: guid('approle-user:' + a.appId), access: guid('approle-msiam:' + a.appId) });
/** The group "<app>-brukere" made to assign an app. */
const appGroupId = (a: AppRef) => guid('group:app-' + a.displayName);

/** Assignment groups, applications, service principals and app role assignments (after users and groups exist). */
export function addApps(ds: Dataset, ctx: BuildContext): void {
  const A = APPS;
  const U = USERS;
  const P = PERSONA_USERS;
  const G = GROUPS;
  const crowdIds = CROWD_IDS;

  // ---------- the groups made to assign apps, and their members
  for (const a of [A.healthy, A.quarantinedErrors, A.tooManyDeletes, A.initialCycle, A.paused]) {
    addGroup(ds, ctx, groupRef('app-' + a.displayName, `${a.displayName}-brukere`), { description: `Tilordnet til ${a.displayName}` });
  }
  Object.assign(ds.members, {
    [appGroupId(A.healthy)]: [U.slackUser.id, crowdIds[9], crowdIds[11]],
    [appGroupId(A.quarantinedErrors)]: [U.mandatoryMissing.id, ...crowdIds.slice(13, 20)],
    [appGroupId(A.tooManyDeletes)]: crowdIds.slice(0, 6),
    [appGroupId(A.initialCycle)]: crowdIds.slice(6, 16),
    [appGroupId(A.paused)]: [crowdIds[20], crowdIds[21]],
  });

  // ---------- applications and service principals
  const allApps: AppRef[] = [A.healthy, A.neverConfigured, A.noConnector, A.quarantinedCredentials, A.quarantinedErrors, A.tooManyDeletes, A.initialCycle, A.paused, A.scoped, A.syncAllLikely, ...A.duplicateName];

  ds.applications.push(
    ...[...allApps, A.registrationOnly].map((a, i) => ({
      id: a === A.registrationOnly ? a.id : guid('application:' + a.appId),
      appId: a.appId,
      createdDateTime: ctx.agoDays(700 - i * 40),
      deletedDateTime: null,
      displayName: a.displayName,
      description: null,
      identifierUris: a === A.registrationOnly ? [`api://${a.appId}`] : [],
      publisherDomain: DOMAIN,
      signInAudience: 'AzureADMyOrg',
      tags: [],
      web: { homePageUrl: null, logoutUrl: null, redirectUris: a === A.registrationOnly ? ['https://hr.contoso.no/auth/callback'] : [] },
    })),
  );

  ds.servicePrincipals.push(
    ...allApps.map((a, i): Json => {
      const roles = appRoleIds(a);
      const gallery = !!a.templateId;
      const saml = a === A.noConnector || a === A.duplicateName[1];
      return {
        id: a.id,
        deletedDateTime: null,
        accountEnabled: true,
        alternativeNames: [],
        appDisplayName: a.displayName,
        appDescription: null,
        appId: a.appId,
        applicationTemplateId: gallery ? guid('template:' + a.templateId) : saml ? '8adf8e6e-67b2-4cf2-a259-e3dc5476c621' : null,
        appOwnerOrganizationId: TENANT_ID,
        appRoleAssignmentRequired: a !== A.syncAllLikely,
        createdDateTime: ctx.agoDays(690 - i * 40),
        description: null,
        disabledByMicrosoftStatus: null,
        displayName: a.displayName,
        homepage: `https://account.activedirectory.windowsazure.com:444/applications/default.aspx?metadata=${(a.templateId ?? 'customappsso').toLowerCase()}|ISV9.1|primary|z`,
        loginUrl: null,
        logoutUrl: null,
        notes: null,
        notificationEmailAddresses: ['it-drift@contoso.no'],
        preferredSingleSignOnMode: gallery || saml ? 'saml' : null,
        preferredTokenSigningKeyThumbprint: null,
        replyUrls: [],
        servicePrincipalNames: [a.appId],
        servicePrincipalType: 'Application',
        signInAudience: 'AzureADMyOrg',
        tags: ['WindowsAzureActiveDirectoryIntegratedApp', gallery ? 'WindowsAzureActiveDirectoryGalleryApplicationPrimaryV1' : 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication'],
        tokenEncryptionKeyId: null,
        info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
        samlSingleSignOnSettings: null,
        addIns: [],
        appRoles: [
          { allowedMemberTypes: ['User'], description: 'msiam_access', displayName: 'msiam_access', id: roles.access, isEnabled: true, origin: 'Application', value: null },
          { allowedMemberTypes: ['User'], description: 'User', displayName: 'User', id: roles.user, isEnabled: true, origin: 'ServicePrincipal', value: null },
        ],
        keyCredentials: [],
        oauth2PermissionScopes: [],
        passwordCredentials: [],
        resourceSpecificApplicationPermissions: [],
        verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
      };
    }),
  );

  // ---------- app role assignments
  function assign(a: AppRef, principal: Ref, principalType: 'User' | 'Group', daysAgo: number) {
    ds.appRoleAssignments.push({
      id: assignmentId(a.id + principal.id),
      deletedDateTime: null,
      appRoleId: principalType === 'Group' ? appRoleIds(a).user : appRoleIds(a).access,
      createdDateTime: ctx.agoDays(daysAgo),
      principalDisplayName: principal.displayName,
      principalId: principal.id,
      principalType,
      resourceDisplayName: a.displayName,
      resourceId: a.id,
    });
  }
  const group = (id: string): Ref => ({ id, displayName: objectById(ds.groups, id).displayName as string });
  assign(A.healthy, group(appGroupId(A.healthy)), 'Group', 120);
  assign(A.healthy, P.ga, 'User', 200);
  assign(A.neverConfigured, group(G.cloudSecurity.id), 'Group', 15);
  assign(A.noConnector, group(G.dynamicOn.id), 'Group', 300);
  assign(A.quarantinedCredentials, group(G.cloudSecurity.id), 'Group', 250);
  assign(A.quarantinedCredentials, U.slackUser, 'User', 240);
  assign(A.quarantinedErrors, group(appGroupId(A.quarantinedErrors)), 'Group', 60);
  assign(A.tooManyDeletes, group(appGroupId(A.tooManyDeletes)), 'Group', 180);
  assign(A.initialCycle, group(appGroupId(A.initialCycle)), 'Group', 0.05);
  assign(A.paused, group(appGroupId(A.paused)), 'Group', 90);
  assign(A.scoped, group(G.salesforceUsers.id), 'Group', 45);
  assign(A.syncAllLikely, P.appadmin, 'User', 30);
  assign(A.duplicateName[0], group(G.cloudSecurity.id), 'Group', 20);
}
