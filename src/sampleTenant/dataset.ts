/**
 * The sample tenant's data: "Contoso Nordic AS" (contoso.no), a fictitious hybrid tenant whose objects cover every
 * branch of the decision trees in docs/decision-trees.md (G0–G4, L1–L6, T1–T7, U1–U4, P0–P5). Objects are stored in Microsoft Graph v1.0
 * shapes with all their properties; the server applies `$select` and Graph's default property subsets.
 *
 * Each area lives in its own module under data/ (users, groups, licensing, apps, ...) and adds its objects to the
 * dataset; this file only composes them, in an order where every area finds the objects it refers to.
 * Times are relative to the injected clock, so "last sync 20 minutes ago" stays true whenever the tests run.
 * Ids are deterministic (derived from a seed name), so `SAMPLE` can be a module constant.
 */
import type { Clock } from '../clock';
import { addApps, APPS } from './data/apps';
import { buildContext } from './data/context';
import { addGroups, GROUPS } from './data/groups';
import { TENANT, TENANT_ID } from './data/ids';
import { addLicensing, SKU } from './data/licensing';
import { addOrganization } from './data/organization';
import { addPersonas, PERSONA_USERS } from './data/personas';
import { addProvisioningLogs } from './data/provisioningLogs';
import { addSynchronization } from './data/synchronization';
import type { Dataset, SampleDatasetOverrides } from './data/types';
import { addUserIssueMemberships, addUserIssues, USER_ISSUES } from './data/userIssues';
import { addUsers, USERS } from './data/users';

export { guid } from './data/ids';
export { PERSONAS } from './data/personas';
export { SYNC_AGE } from './data/types';
export type { Dataset, Json, PersonaName, SampleDatasetOverrides, SynchronizationData } from './data/types';

/** Notable objects, by the branch they exercise. Refer to these instead of hard-coding names or ids. */
export const SAMPLE = {
  tenant: TENANT,
  personas: PERSONA_USERS,
  users: USERS,
  /** A user's directory-sync errors and licences (U1–U4, L6): see data/userIssues.ts. */
  userIssues: USER_ISSUES,
  groups: GROUPS,
  skus: SKU,
  apps: APPS,
} as const;

export function createSampleDataset(clock: Clock, overrides: SampleDatasetOverrides = {}): Dataset {
  const ctx = buildContext(clock, overrides);
  const ds: Dataset = {
    tenantId: TENANT_ID,
    premium: overrides.premium ?? true,
    organization: {},
    onPremisesSynchronization: [],
    users: [],
    groups: [],
    directoryRoles: [],
    roleMembers: {},
    members: {},
    owners: {},
    subscribedSkus: [],
    applications: [],
    servicePrincipals: [],
    appRoleAssignments: [],
    synchronization: {},
    provisioningLogs: [],
    personas: { ga: '', groups: '', appadmin: '', helpdesk: '' },
  };
  addPersonas(ds, ctx); // persona users first, then their directory roles
  addUsers(ds, ctx);
  const issueMembers = addUserIssues(ds, ctx); // people with sync and licence problems, after the other users
  addGroups(ds, ctx); // after users: the dynamic group holds everyone
  addUserIssueMemberships(ds, issueMembers);
  addOrganization(ds, ctx);
  addLicensing(ds, ctx); // after users and groups: sets their licences
  addApps(ds, ctx); // assignment groups come after the other groups
  addSynchronization(ds, ctx);
  addProvisioningLogs(ds, ctx);
  return ds;
}
