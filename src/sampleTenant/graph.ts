/**
 * The Microsoft Graph v1.0 request handler of the sample tenant: a thin dispatcher over the route tables in
 * routes/ (one module per area). It is a pure function of (request, dataset) → response, so the HTTP server and
 * `$batch` (routes/batch.ts) share it; faults, latency and logging live in server.ts. What every route shares —
 * errors, entity types, `$select` projection, query options and Graph's refusals (graphRules.json) — is query.ts;
 * who may do what is permissions.ts.
 */
import { ODataError } from './odata';
import { graphError, queryOf, splitPath, type GraphContext, type GraphRequest, type GraphResponse } from './query';
import { appRoutes } from './routes/apps';
import { auditLogRoutes } from './routes/auditLogs';
import { directoryRoleRoutes } from './routes/directoryRoles';
import { groupRoutes } from './routes/groups';
import { organizationRoutes } from './routes/organization';
import { routeContext, unknownSegment, type Route } from './routes/route';
import { userRoutes } from './routes/users';

export { AUTHORIZED, type Permission } from './permissions';
export { graphError, randomId, ODATA_JSON, type GraphContext, type GraphRequest, type GraphResponse } from './query';
export { evaluateScope } from './routes/synchronization';

/** Every route, by area. To serve a new path, add it to its area's table (or a new area's table here). */
const ROUTES: readonly Route[] = [...userRoutes, ...groupRoutes, ...organizationRoutes, ...directoryRoleRoutes, ...appRoutes, ...auditLogRoutes];

/** The route for a path and what it gets: the rest of the path and the key of a key segment. */
function match(segs: string[]): { route: Route; rest: string[]; key?: string } | undefined {
  for (const route of ROUTES) {
    if (typeof route.path === 'string') {
      const lead = route.path.split('/');
      if (lead.every((s, i) => segs[i] === s)) return { route, rest: segs.slice(lead.length) };
    } else {
      const m = route.path.exec(segs[0]);
      if (m) return { route, rest: segs.slice(1), key: m[1] };
    }
  }
  return undefined;
}

export class GraphHandler {
  constructor(private readonly ctx: GraphContext) {}

  handle(req: GraphRequest): GraphResponse {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof ODataError) return graphError(e.status, e.code, e.message, this.ctx.now(), req.headers['client-request-id']);
      const msg = e instanceof Error ? e.message : String(e);
      return graphError(500, 'InternalServerError', `Sample tenant error: ${msg}`, this.ctx.now(), req.headers['client-request-id']);
    }
  }

  private route(req: GraphRequest): GraphResponse {
    const q = queryOf(req.params);
    const segs = splitPath(req.path);
    if (segs.length === 0) throw new ODataError(400, 'BadRequest', 'Invalid request: a resource path is required.');
    const found = match(segs);
    if (!found) throw unknownSegment(segs[0]);
    return found.route.handle(routeContext(this.ctx, req, q), found.rest, found.key);
  }
}
