/**
 * What the sample tenant records of a round trip: the request log (`tenant.requests`) and the exchanges handed to
 * `onExchange` for the Graph conformance check, `$batch` parts included (server.ts and routes/batch.ts write them).
 */
import type { PersonaName } from './dataset';

export interface LoggedSubRequest {
  id: string;
  method: string;
  url: string;
  status: number;
}

export interface LoggedRequest {
  method: string;
  /** Decoded path, e.g. "/v1.0/groups". */
  path: string;
  /** Decoded query string without "?", e.g. "$filter=displayName eq 'X'&$top=10" ('' when none). */
  query: string;
  /** The persona named by the bearer token; null when missing or unknown. The token itself is never stored. */
  persona: PersonaName | null;
  status: number;
  /** For POST /v1.0/$batch: the sub-requests, in request order. */
  subRequests?: LoggedSubRequest[];
}

/** A request as the tenant received it and the body it answered. */
export interface Exchanged {
  method: string;
  /** As sent (percent-encoded): "/v1.0/groups?$filter=…" for a round trip, "/groups?$filter=…" for a batch part. */
  url: string;
  /** Lower-cased names for a round trip (without Authorization or Cookie); a part's as it sent them. */
  headers: Record<string, string>;
  body?: unknown;
  status: number;
  response?: unknown;
}

/** One part of a `$batch` as the tenant received and answered it. */
export interface ExchangePart extends Exchanged {
  id: string;
}

/**
 * One HTTP round trip as it crossed the wire: what the client sent (never a token) and what the tenant answered.
 * Tests feed these to the Graph conformance checker (tools/graph-conformance).
 */
export interface GraphExchange extends Exchanged {
  /** For POST /v1.0/$batch: every part with its own answer, in request order. */
  parts?: ExchangePart[];
}
