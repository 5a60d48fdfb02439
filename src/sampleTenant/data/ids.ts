/**
 * Deterministic ids and the tenant's constants, shared by every area of the dataset. Ids are derived from a seed
 * name, so the notable objects (`SAMPLE`) can be module constants and the dataset is the same on every run.
 */
import { createHash } from 'crypto';
import type { Json } from './types';

/** A deterministic, GUID-shaped id from a seed name. */
export function guid(seed: string): string {
  const h = createHash('sha1').update('contoso-nordic:' + seed).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A GUID without its dashes. */
export const hex = (id: string) => id.replace(/-/g, '');

/** appRoleAssignment ids are base64url strings in Graph, not GUIDs. */
export function assignmentId(seed: string): string {
  return createHash('sha256').update('ara:' + seed).digest('base64url').slice(0, 43);
}

export const TENANT_ID = guid('tenant');
export const DOMAIN = 'contoso.no';
export const INITIAL_DOMAIN = 'contosonordic.onmicrosoft.com';
/** Graph's "never" for synchronization timestamps. */
export const MIN_DATE = '0001-01-01T00:00:00Z';

export const TENANT = { id: TENANT_ID, displayName: 'Contoso Nordic AS', domain: DOMAIN, initialDomain: INITIAL_DOMAIN } as const;

export interface Ref {
  id: string;
  displayName: string;
}
export interface UserRef extends Ref {
  userPrincipalName: string;
}

/** A user's id, name and sign-in name (`<local>@contoso.no`). */
export const userRef = (key: string, displayName: string, local: string): UserRef => ({
  id: guid('user:' + key),
  displayName,
  userPrincipalName: `${local}@${DOMAIN}`,
});

/** A group's id and name. */
export const groupRef = (key: string, displayName: string): Ref => ({ id: guid('group:' + key), displayName });

/** The object with this id in one of the dataset's lists (for an area that sets properties another area owns). */
export function objectById(list: Json[], id: string): Json {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`sample dataset: no object ${id}`);
  return found;
}
