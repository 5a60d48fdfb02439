/**
 * Guided content as DATA: for each issue type, the steps (i18n keys in guide.json) and the Microsoft Learn
 * page for each, and what to collect for a support case. Which target a live check needs is in src/topics.ts.
 * Keys per step: guide.<topic>.<id>.title / .do / .why. Topic keys: guide.<topic>.title / .summary /
 * .example / .looks and guide.<topic>.collect.<n>.
 */
import type { IssueIntent } from '../topics';
import type { StepData } from '../cards/cards';

const L = 'https://learn.microsoft.com/';

export interface GuideStep {
  id: string;
  learn: string;
}

export interface Guide {
  topic: IssueIntent;
  steps: GuideStep[];
  /** How many guide.<topic>.collect.<n> keys there are (what to gather for a support case). */
  collect: number;
}

export const GUIDES: Record<IssueIntent, Guide> = {
  'group.cannot_modify': {
    topic: 'group.cannot_modify',
    collect: 3,
    steps: [
      { id: 'source', learn: `${L}entra/identity/hybrid/concept-source-of-authority-overview` },
      { id: 'mailtype', learn: `${L}graph/api/resources/groups-overview` },
      { id: 'dynamic', learn: `${L}entra/identity/users/groups-troubleshooting` },
      { id: 'roleassignable', learn: `${L}entra/identity/role-based-access-control/groups-concept` },
      { id: 'rights', learn: `${L}entra/identity/role-based-access-control/permissions-reference` },
      { id: 'soa', learn: `${L}entra/identity/hybrid/how-to-group-source-of-authority-configure` },
    ],
  },
  'group.delete_licensed': {
    topic: 'group.delete_licensed',
    collect: 3,
    steps: [
      { id: 'find', learn: `${L}entra/identity/users/licensing-group-advanced#deleting-a-group-with-an-assigned-license` },
      { id: 'impact', learn: `${L}entra/identity/users/licensing-groups-resolve-problems#when-a-licensed-group-is-deleted` },
      { id: 'remove', learn: `${L}entra/identity/users/licensing-group-advanced#deleting-a-group-with-an-assigned-license` },
      { id: 'wait', learn: `${L}entra/identity/users/licensing-group-advanced` },
      { id: 'delete', learn: `${L}graph/api/group-delete` },
    ],
  },
  'group.licensing': {
    topic: 'group.licensing',
    collect: 3,
    steps: [
      { id: 'errors', learn: `${L}entra/identity/users/licensing-groups-resolve-problems` },
      { id: 'count', learn: `${L}entra/identity/users/licensing-groups-resolve-problems` },
      { id: 'conflicts', learn: `${L}entra/identity/users/licensing-groups-resolve-problems` },
      { id: 'location', learn: `${L}entra/identity/users/licensing-group-advanced` },
      { id: 'reprocess', learn: `${L}graph/api/user-reprocesslicenseassignment` },
      { id: 'report', learn: `${L}entra/identity/users/licensing-ps-examples` },
    ],
  },
  'group.sync_errors': {
    topic: 'group.sync_errors',
    collect: 4,
    steps: [
      { id: 'health', learn: `${L}entra/identity/hybrid/connect/how-to-connect-sync-feature-scheduler` },
      { id: 'find', learn: `${L}entra/identity/hybrid/connect/how-to-connect-health-sync` },
      { id: 'duplicate', learn: `${L}entra/identity/hybrid/connect/tshoot-connect-sync-errors#attributevaluemustbeunique` },
      { id: 'match', learn: `${L}entra/identity/hybrid/connect/tshoot-connect-sync-errors#invalidhardmatch` },
      { id: 'invalid', learn: `${L}entra/identity/hybrid/connect/tshoot-connect-sync-errors#largeobject-or-exceededallowedlength` },
      { id: 'rerun', learn: `${L}entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency` },
    ],
  },
  'group.sync_howto': {
    topic: 'group.sync_howto',
    collect: 3,
    steps: [
      { id: 'scope', learn: `${L}entra/identity/hybrid/connect/concept-azure-ad-connect-sync-user-and-contacts` },
      { id: 'members', learn: `${L}entra/identity/hybrid/connect/concept-azure-ad-connect-sync-user-and-contacts` },
      { id: 'mail', learn: `${L}entra/identity/hybrid/connect/concept-azure-ad-connect-sync-user-and-contacts` },
      { id: 'cycle', learn: `${L}entra/identity/hybrid/connect/how-to-connect-sync-feature-scheduler` },
      { id: 'single', learn: `${L}entra/identity/hybrid/connect/how-to-connect-single-object-sync` },
    ],
  },
  'provisioning.setup': {
    topic: 'provisioning.setup',
    collect: 3,
    steps: [
      { id: 'gallery', learn: `${L}entra/identity/saas-apps/tutorial-list` },
      { id: 'credentials', learn: `${L}entra/identity/app-provisioning/configure-automatic-user-provisioning-portal` },
      { id: 'mappings', learn: `${L}entra/identity/app-provisioning/customize-application-attributes` },
      { id: 'scope', learn: `${L}entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts` },
      { id: 'ondemand', learn: `${L}entra/identity/app-provisioning/provision-on-demand` },
      { id: 'start', learn: `${L}entra/identity/app-provisioning/application-provisioning-when-will-provisioning-finish-specific-user` },
    ],
  },
  'provisioning.config_error': {
    topic: 'provisioning.config_error',
    collect: 3,
    steps: [
      { id: 'credentials', learn: `${L}entra/identity/app-provisioning/application-provisioning-config-problem` },
      { id: 'quarantine', learn: `${L}entra/identity/app-provisioning/application-provisioning-quarantine-status` },
      { id: 'scim', learn: `${L}entra/identity/app-provisioning/use-scim-to-provision-users-and-groups` },
      { id: 'appreg', learn: `${L}entra/identity/app-provisioning/known-issues` },
      { id: 'rights', learn: `${L}entra/identity/app-provisioning/known-issues` },
    ],
  },
  'provisioning.no_users': {
    topic: 'provisioning.no_users',
    collect: 4,
    steps: [
      { id: 'status', learn: `${L}entra/identity/app-provisioning/check-status-user-account-provisioning` },
      { id: 'initial', learn: `${L}entra/identity/app-provisioning/application-provisioning-when-will-provisioning-finish-specific-user` },
      { id: 'assignment', learn: `${L}entra/identity/app-provisioning/application-provisioning-config-problem-no-users-provisioned` },
      { id: 'scoping', learn: `${L}entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts` },
      { id: 'ondemand', learn: `${L}entra/identity/app-provisioning/provision-on-demand` },
    ],
  },
  'provisioning.wrong_users': {
    topic: 'provisioning.wrong_users',
    collect: 3,
    steps: [
      { id: 'scope', learn: `${L}entra/identity/app-provisioning/known-issues` },
      { id: 'assignments', learn: `${L}entra/identity/app-provisioning/how-provisioning-works` },
      { id: 'filters', learn: `${L}entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts` },
      { id: 'restart', learn: `${L}entra/identity/app-provisioning/known-issues` },
      { id: 'deprovision', learn: `${L}entra/identity/app-provisioning/accidental-deletions` },
    ],
  },
  'provisioning.logs': {
    topic: 'provisioning.logs',
    collect: 3,
    steps: [
      { id: 'open', learn: `${L}entra/identity/monitoring-health/concept-provisioning-logs` },
      { id: 'read', learn: `${L}entra/identity/monitoring-health/howto-analyze-provisioning-logs` },
      { id: 'codes', learn: `${L}entra/identity/monitoring-health/howto-analyze-provisioning-logs#error-codes` },
      { id: 'skipped', learn: `${L}entra/identity/app-provisioning/application-provisioning-config-problem-no-users-provisioned` },
      { id: 'export', learn: `${L}graph/api/provisioningobjectsummary-list` },
    ],
  },
};

export function stepData(topic: IssueIntent, index: number): StepData {
  const guide = GUIDES[topic];
  const step = guide.steps[index];
  if (!step) throw new Error(`no step ${index} in guide ${topic}`);
  const k = `guide.${topic}.${step.id}`;
  return { topic, index, total: guide.steps.length, titleKey: `${k}.title`, doKey: `${k}.do`, whyKey: `${k}.why`, learnUrl: step.learn };
}

export function collectKeys(topic: IssueIntent): string[] {
  const topicKeys = Array.from({ length: GUIDES[topic].collect }, (_, i) => `guide.${topic}.collect.${i + 1}`);
  return ['guide.collect.tenant', ...topicKeys, 'guide.collect.when'];
}

/** Unique Learn links of a guide, titled by their step. */
export function guideLinks(topic: IssueIntent): { titleKey: string; url: string }[] {
  const seen = new Set<string>();
  const links: { titleKey: string; url: string }[] = [];
  for (const step of GUIDES[topic].steps) {
    if (seen.has(step.learn)) continue;
    seen.add(step.learn);
    links.push({ titleKey: `guide.${topic}.${step.id}.title`, url: step.learn });
  }
  return links;
}
