/** Public API of the Graph layer. */
export {
  createGraphClient,
  chunkBatch,
  retryDelayMs,
  DEFAULT_GRAPH_BASE_URL,
  GRAPH_VERSION,
  MAX_BATCH,
  type BatchRequest,
  type GraphApi,
  type GraphClientOptions,
  type RoundTripInfo,
} from './client';
export {
  type GraphResponse,
  isSuccess,
  requestLabel,
  toFailed,
  timeoutFailed,
  networkFailed,
  TIMEOUT_CODE,
  NETWORK_CODE,
} from './errors';
export {
  escapeLiteral,
  literal,
  filterEq,
  filterStartsWith,
  encodeQueryValue,
  encodePathSegment,
  query,
  isGuid,
  normalizeGuid,
  looksLikeMail,
} from './odata';
export { GROUP_SELECT, resolveGroup, fetchGroupById } from './groupSnapshot';
export { SP_SELECT, USER_SELECT, resolveApp, pickMainJob } from './appSnapshot';
export { provisionOnDemand, restartJob, type ProvisionOnDemandResult, type RestartCriteria } from './actions';
