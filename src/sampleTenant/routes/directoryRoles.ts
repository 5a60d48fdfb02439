/** Activated directory roles (`/directoryRoles`); who holds them shows in the users' memberOf. */
import { TYPES } from '../query';
import type { Route } from './route';

export const directoryRoleRoutes: Route[] = [
  {
    path: 'directoryRoles',
    handle(c) {
      c.onlyGet();
      c.need('directoryRead');
      return c.list(c.ds.directoryRoles, TYPES.directoryRole, 'directoryRoles', { directory: true });
    },
  },
];
