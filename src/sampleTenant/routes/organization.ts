/** The tenant: `/organization`, `/subscribedSkus` (licences) and `/directory/onPremisesSynchronization`. */
import { ODataError } from '../odata';
import { checkObjectId, NotFound, TYPES } from '../query';
import type { Route } from './route';

export const organizationRoutes: Route[] = [
  {
    path: 'organization',
    handle(c, rest) {
      c.onlyGet();
      c.need('directoryRead');
      const ds = c.ds;
      if (rest.length === 0) return c.list([ds.organization], TYPES.organization, 'organization', { directory: true });
      checkObjectId(rest[0]);
      if (rest[0] !== ds.organization.id || rest.length > 1) throw new NotFound(rest[0]);
      return c.entity(ds.organization, TYPES.organization, 'organization');
    },
  },
  {
    path: 'subscribedSkus',
    handle(c, rest) {
      c.onlyGet();
      c.need('licences');
      const ds = c.ds;
      if (rest.length) {
        const sku = ds.subscribedSkus.find((s) => s.id === rest[0]);
        if (!sku) throw new NotFound(rest[0]);
        return c.entity(sku, TYPES.subscribedSku, 'subscribedSkus');
      }
      if (c.q.has('$filter')) throw new ODataError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
      return c.list(ds.subscribedSkus, TYPES.subscribedSku, 'subscribedSkus', { directory: false });
    },
  },
  {
    path: 'directory/onPremisesSynchronization',
    handle(c, rest) {
      c.onlyGet();
      c.need('onPremSync');
      const ds = c.ds;
      if (rest.length === 0) return c.list(ds.onPremisesSynchronization, TYPES.onPremisesDirectorySynchronization, 'directory/onPremisesSynchronization', { directory: false });
      const item = ds.onPremisesSynchronization.find((x) => x.id === rest[0]);
      if (!item || rest.length > 1) throw new NotFound(rest[0]);
      return c.entity(item, TYPES.onPremisesDirectorySynchronization, 'directory/onPremisesSynchronization');
    },
  },
];
