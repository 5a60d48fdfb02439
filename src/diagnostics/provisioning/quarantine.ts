/**
 * Quarantine reasons (synchronizationJob.status.quarantine.reason) explained, with what to do
 * (docs/decision-trees.md, P2; Learn: application-provisioning-quarantine-status).
 */
import type { Text } from '../types';

export const QUARANTINE_REASONS = [
  'EncounteredQuarantineException',
  'EncounteredEscrowProportionThreshold',
  'EncounteredTotalEscrowThreshold',
  'EncounteredBaseEscrowThreshold',
  'TooManyDeletes',
  'QuarantinedOnDemand',
  'IngestionInterrupted',
  'Unknown',
] as const;

export interface QuarantineExplanation {
  /** Finding id, e.g. 'P2.quarantine.credentials'. */
  findingId: string;
  /** i18n key segment for the reason (provisioning.quarantine.reason.<segment>). */
  reasonKey: string;
  detail: Text;
  fix: Text[];
  /** Suggest a restart once the cause is fixed (false: only Microsoft support can lift it). */
  restartAfterFix: boolean;
}

interface Entry {
  findingId: string;
  reasonKey: string;
  fixKey: string;
  fixSteps: number;
  restartAfterFix: boolean;
}

const ESCROW = { findingId: 'P2.quarantine.escrow', fixKey: 'escrow', fixSteps: 4, restartAfterFix: true };

const TABLE: Record<string, Entry> = {
  encounteredquarantineexception: { findingId: 'P2.quarantine.credentials', reasonKey: 'credentials', fixKey: 'credentials', fixSteps: 4, restartAfterFix: true },
  encounteredescrowproportionthreshold: { ...ESCROW, reasonKey: 'escrowProportion' },
  encounteredtotalescrowthreshold: { ...ESCROW, reasonKey: 'escrowTotal' },
  encounteredbaseescrowthreshold: { ...ESCROW, reasonKey: 'escrowBase' },
  toomanydeletes: { findingId: 'P2.quarantine.tooManyDeletes', reasonKey: 'tooManyDeletes', fixKey: 'tooManyDeletes', fixSteps: 4, restartAfterFix: true },
  // The docs' prose also spells it 'QuarantineOnDemand'.
  quarantinedondemand: { findingId: 'P2.quarantine.onDemand', reasonKey: 'onDemand', fixKey: 'onDemand', fixSteps: 2, restartAfterFix: false },
  quarantineondemand: { findingId: 'P2.quarantine.onDemand', reasonKey: 'onDemand', fixKey: 'onDemand', fixSteps: 2, restartAfterFix: false },
  ingestioninterrupted: { findingId: 'P2.quarantine.ingestion', reasonKey: 'ingestion', fixKey: 'ingestion', fixSteps: 3, restartAfterFix: true },
};

const UNKNOWN: Entry = { findingId: 'P2.quarantine.unknown', reasonKey: 'unknown', fixKey: 'unknown', fixSteps: 3, restartAfterFix: true };

export function explainQuarantine(reason: string | null | undefined, params: Record<string, string | number> = {}): QuarantineExplanation {
  const e = TABLE[(reason ?? '').toLowerCase()] ?? UNKNOWN;
  const p = { reason: reason ?? '-', ...params };
  return {
    findingId: e.findingId,
    reasonKey: e.reasonKey,
    detail: { key: `provisioning.quarantine.reason.${e.reasonKey}`, params: p },
    fix: Array.from({ length: e.fixSteps }, (_, i) => ({ key: `provisioning.quarantine.fix.${e.fixKey}.${i + 1}`, params: p })),
    restartAfterFix: e.restartAfterFix,
  };
}
