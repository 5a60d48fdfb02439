/**
 * Directory objects shared by the user and group routes: looking users up by key, memberships (memberOf,
 * transitiveMemberOf, members, transitiveMembers, owners, ownedObjects), type casts on them, and the members with
 * licence errors that group-based licensing reports.
 */
import type { Dataset, Json } from '../dataset';
import { NotFound, TYPES, type EntityType, type GraphResponse } from '../query';
import { unknownSegment, type RouteContext } from './route';

/**
 * `/users/{key}`: Graph keys users by object id or userPrincipalName only. Anything else — a mail address that
 * isn't the UPN, a display name — is a 404 Request_ResourceNotFound, never a match on mail.
 */
export function findUser(ds: Dataset, idOrUpn: string): Json {
  const lower = idOrUpn.toLowerCase();
  const u = ds.users.find((x) => x.id === idOrUpn || String(x.userPrincipalName).toLowerCase() === lower);
  if (!u) throw new NotFound(idOrUpn);
  return u;
}

/** Members whose licence from this group is in error (membersWithLicenseErrors). */
export function licenseErrorMembers(ds: Dataset, groupId: string): Json[] {
  return (ds.members[groupId] ?? [])
    .map((x) => ds.users.find((usr) => usr.id === x))
    .filter((usr): usr is Json => !!usr)
    .filter((usr) =>
      ((usr.licenseAssignmentStates as Json[] | undefined) ?? []).some((s) => s.assignedByGroup === groupId && (s.state === 'Error' || (s.error && s.error !== 'None'))),
    );
}

function typeOf(ds: Dataset, obj: Json): EntityType {
  if (ds.users.includes(obj)) return TYPES.user;
  if (ds.groups.includes(obj)) return TYPES.group;
  if (ds.directoryRoles.includes(obj)) return TYPES.directoryRole;
  if (ds.servicePrincipals.includes(obj)) return TYPES.servicePrincipal;
  return TYPES.user;
}

function byId(ds: Dataset, id: string): Json | undefined {
  return ds.users.find((x) => x.id === id) ?? ds.groups.find((x) => x.id === id) ?? ds.servicePrincipals.find((x) => x.id === id);
}

function directGroupsOf(ds: Dataset, id: string): Json[] {
  return ds.groups.filter((grp) => (ds.members[grp.id as string] ?? []).includes(id));
}

function transitiveGroupsOf(ds: Dataset, id: string): Json[] {
  const seen = new Map<string, Json>();
  const queue = [id];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const grp of directGroupsOf(ds, cur)) {
      if (!seen.has(grp.id as string)) {
        seen.set(grp.id as string, grp);
        queue.push(grp.id as string);
      }
    }
  }
  return [...seen.values()];
}

function rolesOf(ds: Dataset, ids: string[]): Json[] {
  return ds.directoryRoles.filter((r) => (ds.roleMembers[r.id as string] ?? []).some((mm) => ids.includes(mm)));
}

function transitiveMembers(ds: Dataset, groupId: string): Json[] {
  const seen = new Map<string, Json>();
  const queue = [groupId];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const mid of ds.members[cur] ?? []) {
      if (seen.has(mid)) continue;
      const o = byId(ds, mid);
      if (!o) continue;
      seen.set(mid, o);
      if (ds.groups.includes(o)) queue.push(mid);
    }
  }
  return [...seen.values()];
}

/** GET on a user/group and its navigation properties (memberOf, transitiveMemberOf, ownedObjects, members, …). */
export function objectOrRelation(c: RouteContext, obj: Json, kind: 'user' | 'group', rest: string[], set: string): GraphResponse {
  const ds = c.ds;
  const type = TYPES[kind];
  if (rest.length === 0) return c.entity(obj, type, set);
  const [rel, cast, ...more] = rest;
  if (more.length) throw unknownSegment(more[0]);
  const id = obj.id as string;
  let items: Json[];
  switch (rel) {
    case 'memberOf':
      items = [...directGroupsOf(ds, id), ...(kind === 'user' ? rolesOf(ds, [id]) : [])];
      break;
    case 'transitiveMemberOf': {
      const groups = transitiveGroupsOf(ds, id);
      items = [...groups, ...(kind === 'user' ? rolesOf(ds, [id, ...groups.map((x) => x.id as string)]) : [])];
      break;
    }
    case 'ownedObjects':
      items = ds.groups.filter((grp) => (ds.owners[grp.id as string] ?? []).includes(id));
      break;
    case 'members':
      if (kind !== 'group') throw unknownSegment(rel);
      items = (ds.members[id] ?? []).map((x) => byId(ds, x)).filter((x): x is Json => !!x);
      break;
    case 'transitiveMembers':
      if (kind !== 'group') throw unknownSegment(rel);
      items = transitiveMembers(ds, id);
      break;
    case 'owners':
      if (kind !== 'group') throw unknownSegment(rel);
      items = (ds.owners[id] ?? []).map((x) => byId(ds, x)).filter((x): x is Json => !!x);
      break;
    case 'membersWithLicenseErrors': {
      if (kind !== 'group') throw unknownSegment(rel);
      c.need('licences');
      items = licenseErrorMembers(ds, id);
      break;
    }
    default:
      throw unknownSegment(rel);
  }
  let castType: EntityType | undefined;
  if (cast) {
    const cm = /^microsoft\.graph\.(user|group|directoryRole|servicePrincipal)$/.exec(cast);
    if (!cm) throw unknownSegment(cast);
    castType = TYPES[cm[1]];
    items = items.filter((x) => typeOf(ds, x) === castType);
  }
  if (castType) return c.list(items, castType, castType.set, { directory: true, relationship: rel, cast: true });
  return c.list(items, TYPES.user, 'directoryObjects', { directory: true, relationship: rel, mixed: (o) => typeOf(ds, o) });
}
