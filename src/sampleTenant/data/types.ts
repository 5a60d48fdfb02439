/** The shapes of the sample tenant's dataset; each area module in this folder fills its part of a `Dataset`. */

export type Json = Record<string, unknown>;

export type PersonaName = 'ga' | 'groups' | 'appadmin' | 'helpdesk';

export interface SynchronizationData {
  jobs: Json[];
  templates: Json[];
  /** jobId → synchronizationSchema */
  schemas: Record<string, Json>;
}

export interface Dataset {
  tenantId: string;
  /** Microsoft Entra ID P1/P2 present: provisioning logs are readable only then. */
  premium: boolean;
  organization: Json;
  onPremisesSynchronization: Json[];
  users: Json[];
  groups: Json[];
  directoryRoles: Json[];
  /** directoryRole id → member object ids */
  roleMembers: Record<string, string[]>;
  /** group id → direct member ids (users or groups) */
  members: Record<string, string[]>;
  /** group id → owner ids */
  owners: Record<string, string[]>;
  subscribedSkus: Json[];
  applications: Json[];
  servicePrincipals: Json[];
  /** appRoleAssignment objects; `resourceId` is the service principal they grant access to. */
  appRoleAssignments: Json[];
  /** service principal id → synchronization */
  synchronization: Record<string, SynchronizationData>;
  /** provisioningObjectSummary objects (any order; the server sorts newest first). */
  provisioningLogs: Json[];
  /** persona → user object id */
  personas: Record<PersonaName, string>;
}

/** Minutes since the tenant's last directory sync, for the T1 branches. */
export const SYNC_AGE = { fresh: 20, late: 3 * 60, stale: 30 * 60, critical: 9 * 24 * 60 } as const;

export interface SampleDatasetOverrides {
  /** Minutes since the last directory sync (default 20); `null` = tenant never synced (onPremisesSyncEnabled null). */
  lastSyncMinutesAgo?: number | null;
  /** Tenant has Microsoft Entra ID P1/P2 (default true); false → provisioning logs answer 403 like Graph. */
  premium?: boolean;
}
