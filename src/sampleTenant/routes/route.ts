/**
 * The shape of a route table entry and what a route gets to work with. Each area's module under routes/ exports a
 * table; graph.ts dispatches on the path's first segment(s) and hands the rest of the path to the route.
 */
import type { Dataset, Json } from '../dataset';
import { ODataError } from '../odata';
import { AUTHORIZED, type Permission } from '../permissions';
import { Denied, entity, list, type EntityType, type GraphContext, type GraphRequest, type GraphResponse, type ListOptions, type Q } from '../query';

export interface RouteContext {
  req: GraphRequest;
  q: Q;
  ds: Dataset;
  graph: GraphContext;
  /** 403 unless the caller's persona has the permission. */
  need(p: Permission): void;
  /** 405 unless the request is a GET. */
  onlyGet(): void;
  /** One object (`$select` applied). */
  entity(obj: Json, type: EntityType, set: string): GraphResponse;
  /** A collection (query options applied, paged). */
  list(all: Json[], type: EntityType, contextPath: string, opts: ListOptions): GraphResponse;
}

export interface Route {
  /**
   * The path's leading segments ("users", "directory/onPremisesSynchronization"), or a pattern for a key segment
   * (`servicePrincipals(appId='…')`) whose first group is the key.
   */
  path: string | RegExp;
  /** `rest` is the path after the matched segments; `key` the key from a pattern. */
  handle(c: RouteContext, rest: string[], key?: string): GraphResponse;
}

export function routeContext(graph: GraphContext, req: GraphRequest, q: Q): RouteContext {
  return {
    req,
    q,
    ds: graph.dataset,
    graph,
    need(p) {
      if (!AUTHORIZED[p].includes(req.persona)) throw new Denied();
    },
    onlyGet() {
      if (req.method !== 'GET') throw new ODataError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
    },
    entity: (obj, type, set) => entity(graph, q, obj, type, set),
    list: (all, type, contextPath, opts) => list(graph, req, q, all, type, contextPath, opts),
  };
}

/** 400 "Resource not found for the segment …", Graph's answer to a path it doesn't know. */
export function unknownSegment(segment: string): ODataError {
  return new ODataError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}
