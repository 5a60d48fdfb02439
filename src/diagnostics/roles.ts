/** Microsoft Entra built-in roles SyncHelper reasons about, by roleTemplateId (docs/decision-trees.md, A1). */
import type { DirectoryRole, Part } from './snapshot';

export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  groupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  directoryWriters: '9360feb5-f418-4baa-8175-e2a00bac4301',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  licenseAdministrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  hybridIdentityAdministrator: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  exchangeRecipientAdministrator: '31392ffb-586c-42d1-9346-e59415a2cc4e',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityOperator: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  identityGovernanceAdministrator: '45d8d3c5-c802-45c6-b32a-1d70b5e1e86e',
  sharePointAdministrator: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  teamsAdministrator: '69091246-20e8-4a56-aa4d-066075b2a7a8',
} as const;

export type RoleName = keyof typeof ROLE;

/** English display names (role names are product terms; Microsoft keeps them in English in nb-NO too). */
export const ROLE_DISPLAY_NAME: Record<RoleName, string> = {
  globalAdministrator: 'Global Administrator',
  globalReader: 'Global Reader',
  groupsAdministrator: 'Groups Administrator',
  userAdministrator: 'User Administrator',
  directoryWriters: 'Directory Writers',
  privilegedRoleAdministrator: 'Privileged Role Administrator',
  licenseAdministrator: 'License Administrator',
  hybridIdentityAdministrator: 'Hybrid Identity Administrator',
  applicationAdministrator: 'Application Administrator',
  cloudApplicationAdministrator: 'Cloud Application Administrator',
  exchangeAdministrator: 'Exchange Administrator',
  exchangeRecipientAdministrator: 'Exchange Recipient Administrator',
  intuneAdministrator: 'Intune Administrator',
  reportsReader: 'Reports Reader',
  securityReader: 'Security Reader',
  securityAdministrator: 'Security Administrator',
  securityOperator: 'Security Operator',
  directoryReaders: 'Directory Readers',
  identityGovernanceAdministrator: 'Identity Governance Administrator',
  sharePointAdministrator: 'SharePoint Administrator',
  teamsAdministrator: 'Teams Administrator',
};

/** Role names the caller holds; undefined when the roles could not be read. */
export function heldRoles(roles: Part<DirectoryRole[]>): Set<RoleName> | undefined {
  if (!roles.ok) return undefined;
  const byId = new Map<string, RoleName>(Object.entries(ROLE).map(([name, id]) => [id, name as RoleName]));
  const held = new Set<RoleName>();
  for (const r of roles.value) {
    const name = byId.get(r.roleTemplateId);
    if (name) held.add(name);
  }
  return held;
}

export function holdsAny(held: Set<RoleName> | undefined, wanted: RoleName[]): boolean {
  return !!held && wanted.some((r) => held.has(r));
}

export function roleList(names: RoleName[]): string {
  return names.map((n) => ROLE_DISPLAY_NAME[n]).join(', ');
}
