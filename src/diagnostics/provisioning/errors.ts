/**
 * Provisioning-log error codes (provisioningObjectSummary.provisioningStatusInfo.errorInformation.errorCode)
 * explained with their remedy (docs/decision-trees.md, P5; Learn: howto-analyze-provisioning-logs#error-codes).
 * Texts: provisioning.error.<group>.explain / .fix.N in src/i18n/locales/<lang>/provisioning.json.
 */
import type { Text } from '../types';

export interface ProvisioningErrorExplanation {
  code: string;
  /** False when the code isn't in the catalogue (a generic explanation is returned). */
  known: boolean;
  /** What the code means, one or two sentences. */
  explain: Text;
  /** What to do, as numbered steps. */
  fix: Text[];
  /** The provisioning service retries by itself (nothing to do but wait). */
  autoRetry: boolean;
  /** Restarting the job (full re-match) is part of the remedy. */
  restartHelps: boolean;
}

interface Group {
  codes: string[];
  fixSteps: number;
  autoRetry?: boolean;
  restartHelps?: boolean;
}

/** Group name → codes sharing one explanation. Group names are i18n key segments. */
const GROUPS: Record<string, Group> = {
  conflict: { codes: ['Conflict', 'EntryConflict'], fixSteps: 2 },
  tooManyRequests: { codes: ['TooManyRequests'], fixSteps: 1, autoRetry: true },
  appServerError: { codes: ['InternalServerError'], fixSteps: 2, autoRetry: true },
  notAuthorized: { codes: ['InsufficientRights', 'MethodNotAllowed', 'NotPermitted', 'Unauthorized'], fixSteps: 3 },
  unexpectedResponse: { codes: ['UnprocessableEntity', 'NotImplemented'], fixSteps: 2 },
  protocolError: { codes: ['WebExceptionProtocolError'], fixSteps: 2, autoRetry: true },
  invalidAnchor: { codes: ['InvalidAnchor'], fixSteps: 2, restartHelps: true },
  missingValues: { codes: ['MandatoryFieldsMissing', 'MissingValues'], fixSteps: 2 },
  schemaAttributeNotFound: { codes: ['SchemaAttributeNotFound'], fixSteps: 2 },
  serviceError: { codes: ['InternalError'], fixSteps: 1, autoRetry: true },
  invalidDomain: { codes: ['InvalidDomain'], fixSteps: 2 },
  timeout: { codes: ['Timeout'], fixSteps: 1, autoRetry: true },
  licenseLimit: { codes: ['LicenseLimitExceeded'], fixSteps: 2 },
  duplicateTarget: { codes: ['DuplicateTargetEntries'], fixSteps: 2 },
  duplicateSource: { codes: ['DuplicateSourceEntries'], fixSteps: 2 },
  importSkipped: { codes: ['ImportSkipped'], fixSteps: 2 },
  syncSkipped: { codes: ['EntrySynchronizationSkipped'], fixSteps: 1 },
  scimMultipleEntries: { codes: ['SystemForCrossDomainIdentityManagementMultipleEntriesInResponse'], fixSteps: 1 },
  scimIncompatible: { codes: ['SystemForCrossDomainIdentityManagementServiceIncompatible'], fixSteps: 2 },
  multiToSingleValue: { codes: ['SchemaPropertyCanOnlyAcceptValue'], fixSteps: 1 },
};

/** Every error code SyncHelper explains (docs/decision-trees.md, P5). */
export const PROVISIONING_ERROR_CODES: readonly string[] = Object.values(GROUPS).flatMap((g) => g.codes);

const byCode = new Map<string, string>(
  Object.entries(GROUPS).flatMap(([group, g]) => g.codes.map((c) => [c.toLowerCase(), group] as [string, string])),
);

function steps(base: string, n: number, params: Record<string, string | number>): Text[] {
  return Array.from({ length: n }, (_, i) => ({ key: `${base}.fix.${i + 1}`, params }));
}

/** Explain a provisioning-log (or job execution) error code, with its remedy. Unknown codes get a generic text. */
export function explainProvisioningError(code: string | null | undefined): ProvisioningErrorExplanation {
  const raw = (code ?? '').trim();
  const params = { code: raw || '-' };
  const group = byCode.get(raw.toLowerCase());
  if (group) {
    const g = GROUPS[group];
    const base = `provisioning.error.${group}`;
    return {
      code: raw,
      known: true,
      explain: { key: `${base}.explain`, params },
      fix: steps(base, g.fixSteps, params),
      autoRetry: !!g.autoRetry,
      restartHelps: !!g.restartHelps,
    };
  }
  // Connector-specific credential failures, e.g. 'SalesforceInvalidCredentials' (seen in job status errors).
  if (/credential|authenticationfailed|invalidtoken|secrettoken/i.test(raw)) {
    const base = 'provisioning.error.credentials';
    return { code: raw, known: true, explain: { key: `${base}.explain`, params }, fix: steps(base, 3, params), autoRetry: false, restartHelps: true };
  }
  const base = 'provisioning.error.unknown';
  return { code: raw, known: false, explain: { key: `${base}.explain`, params }, fix: steps(base, 2, params), autoRetry: false, restartHelps: false };
}
