/** Delegated authorisation in the sample tenant: which persona may do what (README, "Running it in Teams with a real tenant": roles and scopes). */
import type { PersonaName } from './dataset';

/** What a request needs; each permission lists the personas whose consented scopes ∩ role allow it (README, "Running it in Teams with a real tenant": roles and scopes). */
export type Permission = 'self' | 'directoryRead' | 'licences' | 'onPremSync' | 'syncRead' | 'syncWrite' | 'provisioningLogs';

export const AUTHORIZED: Record<Permission, readonly PersonaName[]> = {
  /** /me and the caller's own memberships (User.Read). */
  self: ['ga', 'groups', 'appadmin', 'helpdesk'],
  /** Groups, users, organization, service principals, applications, assignments: member users can read them. */
  directoryRead: ['ga', 'groups', 'appadmin', 'helpdesk'],
  /** subscribedSkus, membersWithLicenseErrors (License/Groups Administrator, Global Reader…). */
  licences: ['ga', 'groups'],
  /** /directory/onPremisesSynchronization: Global Administrator only. */
  onPremSync: ['ga'],
  /** synchronization jobs, schema, templates: Application Administrator / Cloud Application Administrator. */
  syncRead: ['ga', 'appadmin'],
  /** provisionOnDemand, restart, start, pause. */
  syncWrite: ['ga', 'appadmin'],
  /** /auditLogs/provisioning: Reports Reader, Security Reader, Application Administrator…; tenant needs P1/P2. */
  provisioningLogs: ['ga', 'appadmin'],
};
