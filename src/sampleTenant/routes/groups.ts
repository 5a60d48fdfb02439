/** Groups: `/groups` and `/groups/{id}` with their memberships (directoryObjects.ts). */
import type { Dataset, Json } from '../dataset';
import { checkObjectId, NotFound, TYPES } from '../query';
import { licenseErrorMembers, objectOrRelation } from './directoryObjects';
import type { Route } from './route';

/** Groups with the filter-only hasMembersWithLicenseErrors computed (never returned: see TYPES.group.neverReturned). */
function groupsForFilter(ds: Dataset): Json[] {
  return ds.groups.map((grp) => ({ ...grp, hasMembersWithLicenseErrors: licenseErrorMembers(ds, grp.id as string).length > 0 }));
}

export const groupRoutes: Route[] = [
  {
    path: 'groups',
    handle(c, rest) {
      c.onlyGet();
      c.need('directoryRead');
      const ds = c.ds;
      if (rest.length === 0) return c.list(c.q.has('$filter') ? groupsForFilter(ds) : ds.groups, TYPES.group, 'groups', { directory: true });
      checkObjectId(rest[0]);
      const group = ds.groups.find((x) => x.id === rest[0]);
      if (!group) throw new NotFound(rest[0]);
      return objectOrRelation(c, group, 'group', rest.slice(1), 'groups');
    },
  },
];
