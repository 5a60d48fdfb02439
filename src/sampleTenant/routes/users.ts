/** Users: `/me` (the signed-in persona) and `/users`, with their memberships (directoryObjects.ts). */
import { TYPES } from '../query';
import { findUser, objectOrRelation } from './directoryObjects';
import type { Route } from './route';

export const userRoutes: Route[] = [
  {
    path: 'me',
    handle(c, rest) {
      c.onlyGet();
      c.need('self');
      const me = findUser(c.ds, c.ds.personas[c.req.persona]);
      return objectOrRelation(c, me, 'user', rest, `users`);
    },
  },
  {
    path: 'users',
    handle(c, rest) {
      c.onlyGet();
      c.need('directoryRead');
      if (rest.length === 0) return c.list(c.ds.users, TYPES.user, 'users', { directory: true });
      const user = findUser(c.ds, rest[0]);
      return objectOrRelation(c, user, 'user', rest.slice(1), 'users');
    },
  },
];
