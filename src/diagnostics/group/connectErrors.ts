/**
 * T4 – explain an error the admin pasted from the sync-error e-mail, Connect Health or the Synchronization
 * Service Manager (docs/decision-trees.md, T4). Recognition is tolerant: case, spaces, hyphens and surrounding text
 * (English or Norwegian) don't matter. Unknown text gets one finding that says so – nothing is invented.
 */
import type { Finding } from '../types';
import { LEARN, syncErrorAnchor } from './links';
import { finding } from './text';

interface KnownError {
  /** Finding id suffix and i18n key stem (group.t4.<key>.*). */
  key: string;
  /** The error name as Microsoft writes it (evidence). */
  name: string;
  /** Tested against the squashed text (lower case, no whitespace, '-', '_'). */
  squashed?: RegExp;
  /** Tested against the original text. */
  raw?: RegExp;
  fixSteps: number;
  learnMore: string;
}

const KNOWN: KnownError[] = [
  { key: 'invalidHardMatch', name: 'InvalidHardMatch', squashed: /invalidhardmatch/, fixSteps: 3, learnMore: syncErrorAnchor('invalidhardmatch') },
  { key: 'invalidSoftMatch', name: 'InvalidSoftMatch', squashed: /invalidsoftmatch/, fixSteps: 3, learnMore: syncErrorAnchor('invalidsoftmatch') },
  { key: 'objectTypeMismatch', name: 'ObjectTypeMismatch', squashed: /objecttypemismatch/, fixSteps: 3, learnMore: syncErrorAnchor('objecttypemismatch') },
  {
    key: 'attributeValueMustBeUnique',
    name: 'AttributeValueMustBeUnique',
    squashed: /attributevaluemustbeunique/,
    fixSteps: 3,
    learnMore: syncErrorAnchor('attributevaluemustbeunique'),
  },
  {
    key: 'identityDataValidationFailed',
    name: 'IdentityDataValidationFailed',
    squashed: /datavalidationfailed/,
    fixSteps: 3,
    learnMore: syncErrorAnchor('identitydatavalidationfailed'),
  },
  // Removed from the current Learn page; only the page itself is linked.
  { key: 'federatedDomainChangeError', name: 'FederatedDomainChangeError', squashed: /federateddomainchange/, fixSteps: 3, learnMore: LEARN.syncErrors },
  {
    key: 'largeObject',
    name: 'LargeObject / ExceededAllowedLength',
    squashed: /largeobject|exceededallowedlength/,
    fixSteps: 3,
    learnMore: syncErrorAnchor('largeobject-or-exceededallowedlength'),
  },
  {
    key: 'existingAdminRoleConflict',
    name: 'Existing Admin Role Conflict',
    squashed: /existingadminroleconflict/,
    fixSteps: 4,
    learnMore: syncErrorAnchor('existing-admin-role-conflict'),
  },
  {
    key: 'error114',
    name: 'Error Type 114',
    squashed: /delete,isn'?tvalid|delete,isnotvalid|synchronizationoperation,delete|errortype114/,
    raw: /\b(?:error|feil)\s*(?:type|kode|code|nr\.?|number)?\s*[:#]?\s*114\b/i,
    fixSteps: 4,
    learnMore: syncErrorAnchor('resolve-error-type-114'),
  },
  {
    key: 'deletionThreshold',
    name: 'Export deletion threshold',
    squashed: /deletionthreshold|stoppeddeletionthresholdexceeded|sletteterskel|slettegrense/,
    fixSteps: 4,
    learnMore: LEARN.preventAccidentalDeletes,
  },
  {
    key: 'groupLicenceDelete',
    name: 'Group has a product license assigned',
    squashed: /productlicen[cs]es?(?:is|are)?assigned|licen[cs]es?(?:is|are)?assignedtothegroup|removeanyproductlicen[cs]es/,
    fixSteps: 3,
    learnMore: LEARN.licensingDeleteGroup,
  },
  {
    key: 'syncCycleDisabled',
    name: 'SyncCycleEnabled = False',
    squashed: /synccycleenabled[:=]?\$?false|synchronizationcycledisabled|synccycledisabled|synchronizationcyclesuspended|schedulersuspended|syncscheduler(?:is)?(?:disabled|suspended)/,
    fixSteps: 3,
    learnMore: LEARN.scheduler,
  },
];

function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/[\s_\-\u00a0]+/g, '');
}

/** Recognise the Connect error names in a pasted text; one finding per recognised error, in table order. */
export function explainConnectError(text: string): Finding[] {
  const squashed = squash(text ?? '');
  // Runs of whitespace as one space: the `raw` patterns' `\s*…\s*…\s*` would otherwise backtrack polynomially on a
  // pasted text with a long run of spaces (28 KB of them took minutes). Matches are the same either way.
  const spaced = (text ?? '').replace(/\s+/g, ' ');
  const found = KNOWN.filter((k) => (k.squashed?.test(squashed) ?? false) || (k.raw?.test(spaced) ?? false));
  if (found.length === 0) {
    const excerpt = (text ?? '').trim().replace(/\s+/g, ' ').slice(0, 200);
    return [
      finding({
        id: 'T4.unknown',
        severity: 'info',
        key: 'group.t4.unknown',
        fixSteps: 4,
        evidence: { pastedText: excerpt },
        learnMore: LEARN.syncErrors,
      }),
    ];
  }
  return found.map((k) =>
    finding({ id: `T4.${k.key}`, severity: 'warning', key: `group.t4.${k.key}`, fixSteps: k.fixSteps, evidence: { error: k.name }, learnMore: k.learnMore }),
  );
}
