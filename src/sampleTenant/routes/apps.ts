/**
 * Enterprise apps: `/applications` and `/servicePrincipals` (by id or `(appId='…')`), a service principal's
 * `appRoleAssignedTo`; its `synchronization/…` is synchronization.ts.
 */
import type { Json } from '../dataset';
import { checkObjectId, NotFound, TYPES, type GraphResponse } from '../query';
import { unknownSegment, type Route, type RouteContext } from './route';
import { synchronization } from './synchronization';

function servicePrincipal(c: RouteContext, sp: Json, sub: string[]): GraphResponse {
  const spId = sp.id as string;
  if (sub.length === 0) {
    c.onlyGet();
    c.need('directoryRead');
    return c.entity(sp, TYPES.servicePrincipal, 'servicePrincipals');
  }
  if (sub[0] === 'appRoleAssignedTo' && sub.length === 1) {
    c.need('directoryRead');
    const items = c.ds.appRoleAssignments.filter((a) => a.resourceId === spId);
    return c.list(items, TYPES.appRoleAssignment, `servicePrincipals('${spId}')/appRoleAssignedTo`, { directory: true });
  }
  if (sub[0] !== 'synchronization') throw unknownSegment(sub[0]);
  return synchronization(c, sp, sub);
}

function application(c: RouteContext, app: Json): GraphResponse {
  return c.entity(app, TYPES.application, 'applications');
}

export const appRoutes: Route[] = [
  {
    path: /^applications\(appId='(.*)'\)$/,
    handle(c, _rest, appId) {
      c.onlyGet();
      c.need('directoryRead');
      const app = c.ds.applications.find((a) => a.appId === appId);
      if (!app) throw new NotFound(appId!);
      return application(c, app);
    },
  },
  {
    path: 'applications',
    handle(c, rest) {
      c.onlyGet();
      c.need('directoryRead');
      if (rest.length === 0) return c.list(c.ds.applications, TYPES.application, 'applications', { directory: true });
      checkObjectId(rest[0]);
      const app = c.ds.applications.find((a) => a.id === rest[0]);
      if (!app) throw new NotFound(rest[0]);
      return application(c, app);
    },
  },
  {
    path: /^servicePrincipals\(appId='(.*)'\)$/,
    handle(c, rest, appId) {
      const sp = c.ds.servicePrincipals.find((s) => s.appId === appId);
      if (!sp) throw new NotFound(appId!);
      return servicePrincipal(c, sp, rest);
    },
  },
  {
    path: 'servicePrincipals',
    handle(c, rest) {
      if (rest.length === 0) {
        c.onlyGet();
        c.need('directoryRead');
        return c.list(c.ds.servicePrincipals, TYPES.servicePrincipal, 'servicePrincipals', { directory: true });
      }
      checkObjectId(rest[0]);
      const sp = c.ds.servicePrincipals.find((s) => s.id === rest[0]);
      if (!sp) throw new NotFound(rest[0]);
      return servicePrincipal(c, sp, rest.slice(1));
    },
  },
];
