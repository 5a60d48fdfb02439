/** Provisioning logs (`/auditLogs/provisioning`): newest first, case-sensitive filters, premium tenants only. */
import { ODataError } from '../odata';
import { NotFound, TYPES } from '../query';
import type { Route } from './route';

export const auditLogRoutes: Route[] = [
  {
    path: 'auditLogs/provisioning',
    handle(c, rest) {
      c.onlyGet();
      c.need('provisioningLogs');
      const ds = c.ds;
      if (!ds.premium) {
        throw new ODataError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
      }
      const logs = [...ds.provisioningLogs].sort((a, b) => String(b.activityDateTime).localeCompare(String(a.activityDateTime)));
      if (rest.length === 1) {
        const one = logs.find((l) => l.id === rest[0]);
        if (!one) throw new NotFound(rest[0]);
        return c.entity(one, TYPES.provisioningObjectSummary, 'auditLogs/provisioning');
      }
      return c.list(logs, TYPES.provisioningObjectSummary, 'auditLogs/provisioning', { directory: false, caseSensitive: true });
    },
  },
];
