/** Knowledge card G3 – how Microsoft Entra Connect Sync handles users, groups and contacts (docs/decision-trees.md, G3). */
import type { GraphGroup } from '../snapshot';
import type { Finding } from '../types';
import { groupKind, sourceOfAuthority } from './classify';
import { LEARN } from './links';
import { finding, groupEvidence, groupName } from './text';

const GENERAL: { id: string; key: string; fixSteps: number; learnMore: string }[] = [
  { id: 'G3.scope', key: 'group.g3.scope', fixSteps: 0, learnMore: LEARN.syncUserAndContacts },
  { id: 'G3.memberships', key: 'group.g3.memberships', fixSteps: 0, learnMore: LEARN.syncUserAndContacts },
  { id: 'G3.mailEnabled', key: 'group.g3.mailEnabled', fixSteps: 0, learnMore: LEARN.syncUserAndContacts },
  { id: 'G3.foreignPrincipals', key: 'group.g3.foreignPrincipals', fixSteps: 0, learnMore: LEARN.syncUserAndContacts },
  { id: 'G3.contacts', key: 'group.g3.contacts', fixSteps: 0, learnMore: LEARN.syncUserAndContacts },
  { id: 'G3.disabledAndAnchor', key: 'group.g3.disabledAndAnchor', fixSteps: 0, learnMore: LEARN.syncUserAndContacts },
  { id: 'G3.singleObject', key: 'group.g3.singleObject', fixSteps: 3, learnMore: LEARN.singleObjectSync },
];

/** The general guidance, usable without a snapshot. */
export function howConnectSyncs(): Finding[] {
  return GENERAL.map((g) => finding({ id: g.id, severity: 'info', key: g.key, fixSteps: g.fixSteps, learnMore: g.learnMore }));
}

const isSmtp = (address: string): boolean => /^smtp:/i.test(address.trim());

/** G3 findings tailored to one group. */
export function tailoredHowto(g: GraphGroup): Finding[] {
  const name = groupName(g);
  const out: Finding[] = [];
  const authority = sourceOfAuthority(g);
  if (authority !== 'onPremises') {
    out.push(
      finding({
        id: 'G3.notSynced',
        severity: 'info',
        key: authority === 'converted' ? 'group.g3.notSynced.converted' : 'group.g3.notSynced.cloud',
        params: { name },
        fixSteps: 0,
        evidence: groupEvidence(g, ['onPremisesSyncEnabled', 'onPremisesSecurityIdentifier']),
        learnMore: LEARN.soaOverview,
      }),
    );
    return out;
  }
  const proxies = g.proxyAddresses ?? [];
  if (g.mailEnabled !== true && proxies.length > 0 && !proxies.some(isSmtp)) {
    out.push(
      finding({
        id: 'G3.notMailEnabled.x500',
        severity: 'warning',
        key: 'group.g3.notMailEnabled.x500',
        params: { name },
        fixSteps: 3,
        evidence: groupEvidence(g, ['mailEnabled', 'mail', 'proxyAddresses']),
        learnMore: LEARN.syncUserAndContacts,
      }),
    );
  } else if (g.mailEnabled !== true && proxies.length === 0 && !g.mail) {
    out.push(
      finding({
        id: 'G3.notMailEnabled.noMail',
        severity: 'info',
        key: 'group.g3.notMailEnabled.noMail',
        params: { name },
        fixSteps: 2,
        evidence: groupEvidence(g, ['mailEnabled', 'mail', 'proxyAddresses']),
        learnMore: LEARN.syncUserAndContacts,
      }),
    );
  }
  const kind = groupKind(g);
  if (kind === 'security' || kind === 'mailEnabledSecurity') {
    out.push(
      finding({
        id: 'G3.securityMemberships',
        severity: 'info',
        key: 'group.g3.securityMemberships',
        params: { name },
        fixSteps: 2,
        evidence: groupEvidence(g, ['securityEnabled', 'mailEnabled', 'onPremisesSamAccountName']),
        learnMore: LEARN.syncUserAndContacts,
      }),
    );
  }
  return out;
}
