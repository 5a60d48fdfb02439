/**
 * Tenant snapshot: what a sync question that names no group needs (tenant sync freshness, T1), in 1 round trip.
 */
import type { Clock } from '../clock';
import type { TenantSnapshot } from '../diagnostics/snapshot';
import type { GraphApi } from './client';
import { ORGANIZATION_URL, organizationPart } from './groupSnapshot';
import { callerFrom, rolesRequest, sub } from './parts';

export async function fetchTenantSnapshot(api: GraphApi, clock: Clock): Promise<TenantSnapshot> {
  const responses = await api.batch([
    rolesRequest(),
    { id: 'org', method: 'GET', url: ORGANIZATION_URL },
  ]);
  return {
    fetchedAt: clock.now().toISOString(),
    caller: callerFrom(sub(responses, 'roles')),
    organization: organizationPart(sub(responses, 'org')),
  };
}
