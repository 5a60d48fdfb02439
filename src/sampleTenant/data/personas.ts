/**
 * Personas — who signs in to the sample tenant (`Authorization: Bearer <persona>`) — with their user objects and the
 * directory roles that give them their rights. What each persona may read is the router's `AUTHORIZED` table.
 */
import { ROLE } from '../../diagnostics/roles';
import type { BuildContext } from './context';
import { guid, userRef } from './ids';
import type { Dataset, Json, PersonaName } from './types';
import { addUser } from './users';

export const PERSONAS: readonly PersonaName[] = ['ga', 'groups', 'appadmin', 'helpdesk'];

/** The persona users (`SAMPLE.personas`). */
export const PERSONA_USERS = {
  ga: userRef('ga', 'Ingrid Haugen', 'ingrid.haugen'),
  groups: userRef('groups', 'Lars Bakken', 'lars.bakken'),
  appadmin: userRef('appadmin', 'Priya Sharma', 'priya.sharma'),
  helpdesk: userRef('helpdesk', 'Kari Nilsen', 'kari.nilsen'),
} as const;

const role = (key: keyof typeof ROLE, displayName: string, description: string): Json => ({
  id: guid('directoryRole:' + key),
  deletedDateTime: null,
  description,
  displayName,
  roleTemplateId: ROLE[key],
});

/** The persona users (first in the users list), the activated directory roles and who holds them. */
export function addPersonas(ds: Dataset, ctx: BuildContext): void {
  const P = PERSONA_USERS;
  addUser(ds, ctx, P.ga, { department: 'IT', jobTitle: 'IT-sjef', synced: false, employeeType: 'Employee' });
  addUser(ds, ctx, P.groups, { department: 'IT', jobTitle: 'Systemadministrator' });
  addUser(ds, ctx, P.appadmin, { department: 'IT', jobTitle: 'Application Engineer', preferredLanguage: 'en-US' });
  addUser(ds, ctx, P.helpdesk, { department: 'IT', jobTitle: 'Brukerstøtte', city: 'Bergen' });

  ds.directoryRoles.push(
    role('globalAdministrator', 'Global Administrator', 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.'),
    role('groupsAdministrator', 'Groups Administrator', 'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.'),
    role('applicationAdministrator', 'Application Administrator', 'Can create and manage all aspects of app registrations and enterprise apps.'),
  );
  ds.roleMembers[guid('directoryRole:globalAdministrator')] = [P.ga.id];
  ds.roleMembers[guid('directoryRole:groupsAdministrator')] = [P.groups.id];
  ds.roleMembers[guid('directoryRole:applicationAdministrator')] = [P.appadmin.id];
  ds.personas = { ga: P.ga.id, groups: P.groups.id, appadmin: P.appadmin.id, helpdesk: P.helpdesk.id };
}
