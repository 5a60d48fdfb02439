/**
 * A user's directory sync (U1–U3): where the account is managed, the per-object sync errors Microsoft Entra ID keeps
 * on it (onPremisesProvisioningErrors, duplicate-attribute resiliency) with the object that holds the conflicting
 * value, the onmicrosoft.com placeholder sign-in name, and errors other services report (serviceProvisioningErrors).
 */
import type { ConflictLookup, DirectoryUser, OnPremisesProvisioningError, ServiceProvisioningError } from '../snapshot';
import type { EvidenceValue, Finding } from '../types';
import { LEARN } from '../group/links';
import { capList, finding, steps, tx } from '../group/text';
import { USER_LEARN } from './links';

export function userName(u: Pick<DirectoryUser, 'displayName' | 'userPrincipalName' | 'id'>): string {
  return u.displayName?.trim() || u.userPrincipalName || u.id;
}

export function isSynced(u: DirectoryUser): boolean {
  return u.onPremisesSyncEnabled === true;
}

/** Microsoft Entra ID's own domain: the placeholder sign-in name after a UPN conflict lives there. */
export function isInitialDomain(upn: string | null | undefined): boolean {
  return /@[^@]+\.onmicrosoft\.com$/i.test(upn ?? '');
}

/** U1 – where the account is managed (synced from on-premises AD, or cloud only). */
export function authorityFinding(u: DirectoryUser): Finding {
  const user = userName(u);
  if (isSynced(u)) {
    const when = u.onPremisesLastSyncDateTime;
    return finding({
      id: 'U1.synced',
      severity: 'info',
      key: when ? 'user.u1.synced' : 'user.u1.syncedNoTime',
      params: { user, ...(when ? { when } : {}) },
      evidence: { onPremisesSyncEnabled: true, onPremisesImmutableId: u.onPremisesImmutableId ?? null, onPremisesLastSyncDateTime: when ?? null },
      learnMore: LEARN.syncUserAndContacts,
    });
  }
  return finding({
    id: 'U1.cloud',
    severity: 'info',
    key: 'user.u1.cloud',
    params: { user },
    evidence: { onPremisesSyncEnabled: u.onPremisesSyncEnabled ?? null },
    learnMore: LEARN.soaOverview,
  });
}

function holderText(h: { displayName: string | null; userPrincipalName?: string | null; id: string; kind: string }): string {
  const name = h.displayName?.trim() || h.id;
  return h.userPrincipalName ? `${name} (${h.userPrincipalName})` : name;
}

/** held: another object has the value; free: nobody has it now; unknown: the lookup couldn't be read or isn't possible. */
type Holding = 'held' | 'free' | 'unknown';

function holding(lookup: ConflictLookup | undefined): { state: Holding; holders: string; evidence: Record<string, EvidenceValue> } {
  if (!lookup) return { state: 'unknown', holders: '', evidence: {} };
  if (!lookup.holders.ok) return { state: 'unknown', holders: '', evidence: {} };
  const list = lookup.holders.value.map(holderText);
  return {
    state: list.length > 0 ? 'held' : 'free',
    holders: capList(list),
    evidence: { 'otherObjects[].displayName': list.length > 0 ? capList(list) : '' },
  };
}

function errorEvidence(e: OnPremisesProvisioningError): Record<string, EvidenceValue> {
  return {
    'onPremisesProvisioningErrors[].category': e.category,
    'onPremisesProvisioningErrors[].propertyCausingError': e.propertyCausingError,
    'onPremisesProvisioningErrors[].value': e.value,
    'onPremisesProvisioningErrors[].occurredDateTime': e.occurredDateTime,
  };
}

/** U2 – one finding per directory-sync error on the user, with who else holds the value and what to change where. */
export function syncErrorFindings(u: DirectoryUser, conflicts: ConflictLookup[]): Finding[] {
  const user = userName(u);
  const where = isSynced(u) ? 'onPremises' : 'cloud';
  return (u.onPremisesProvisioningErrors ?? []).map((e) => {
    const prop = (e.propertyCausingError ?? '').toLowerCase();
    const value = e.value ?? '-';
    const lookup = conflicts.find((c) => c.value === e.value && c.property.toLowerCase() === prop);
    const conflict = (e.category ?? '').toLowerCase() === 'propertyconflict';
    const variant = !conflict ? undefined : prop === 'userprincipalname' ? (isSynced(u) && isInitialDomain(u.userPrincipalName) ? 'placeholder' : 'upn') : prop === 'proxyaddresses' || prop === 'proxyaddress' ? 'proxy' : undefined;
    if (!variant) {
      return finding({
        id: 'U2.other',
        severity: 'warning',
        key: 'user.u2.other',
        params: { user, value, property: e.propertyCausingError ?? '-', category: e.category ?? '-' },
        fixSteps: 3,
        evidence: errorEvidence(e),
        learnMore: LEARN.syncErrors,
      });
    }
    const held = holding(lookup);
    const params = { user, value, holders: held.holders || '-', upn: u.userPrincipalName ?? '-' };
    return {
      id: `U2.${variant}`,
      severity: 'blocker',
      title: tx(`user.u2.${variant}.title.${held.state}`, params),
      detail: tx(`user.u2.${variant}.detail`, params),
      evidence: {
        ...(variant === 'placeholder' ? { 'user.userPrincipalName': u.userPrincipalName ?? null } : {}),
        ...errorEvidence(e),
        ...held.evidence,
      },
      // The placeholder name and a plain UPN conflict are fixed the same way.
      fix: [...steps(`user.u2.${variant === 'proxy' ? 'proxy' : 'upn'}.fix.${held.state}`, held.state === 'free' ? 2 : 3, params), ...steps(`user.u2.fix.${where}`, 2, params)],
      learnMore: variant === 'placeholder' ? USER_LEARN.upnPopulation : LEARN.duplicateAttributeResiliency,
    } satisfies Finding;
  });
}

/** U2.stuck – synced, signs in with an onmicrosoft.com name, and no conflict is recorded (any more). */
export function placeholderWithoutErrorFinding(u: DirectoryUser): Finding | undefined {
  if (!isSynced(u) || !isInitialDomain(u.userPrincipalName)) return undefined;
  const upnConflict = (u.onPremisesProvisioningErrors ?? []).some((e) => (e.propertyCausingError ?? '').toLowerCase() === 'userprincipalname');
  if (upnConflict) return undefined;
  return finding({
    id: 'U2.initialDomain',
    severity: 'warning',
    key: 'user.u2.initialDomain',
    params: { user: userName(u), upn: u.userPrincipalName ?? '-' },
    fixSteps: 3,
    evidence: { 'user.userPrincipalName': u.userPrincipalName ?? null, onPremisesSyncEnabled: true, 'user.onPremisesProvisioningErrors': 0 },
    learnMore: USER_LEARN.upnPopulation,
  });
}

/** U2.none – nothing recorded on the user. */
export function noSyncErrorsFinding(u: DirectoryUser): Finding {
  return finding({
    id: 'U2.none',
    severity: 'ok',
    key: isSynced(u) ? 'user.u2.none.synced' : 'user.u2.none.cloud',
    params: { user: userName(u) },
    detail: false,
    evidence: { 'user.onPremisesProvisioningErrors': (u.onPremisesProvisioningErrors ?? []).length },
  });
}

/** "exchange/eurprd05-001-01" → "Exchange Online"; other services by their instance name. */
export function serviceName(instance: string | null | undefined): string {
  const i = (instance ?? '').toLowerCase();
  if (i.startsWith('exchange')) return 'Exchange Online';
  if (i.startsWith('sharepoint')) return 'SharePoint Online';
  if (i.startsWith('lync') || i.startsWith('teams')) return 'Microsoft Teams';
  return instance || '-';
}

/** The readable part of a service's XML error: its ErrorDescription, else the text without tags. */
export function serviceMessage(detail: string | null | undefined): string {
  const xml = detail ?? '';
  const described = /<ErrorDescription>([\s\S]*?)<\/ErrorDescription>/i.exec(xml)?.[1];
  const plain = (described ?? xml.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return plain.length > 300 ? `${plain.slice(0, 299)}…` : plain || '-';
}

/** U3 – errors another Microsoft 365 service reported for the user and hasn't resolved. */
export function serviceErrorFindings(u: DirectoryUser): Finding[] {
  const open = (u.serviceProvisioningErrors ?? []).filter((e: ServiceProvisioningError) => e.isResolved !== true);
  return open.map((e) =>
    finding({
      id: 'U3.service',
      severity: 'warning',
      key: 'user.u3.service',
      params: { user: userName(u), service: serviceName(e.serviceInstance), message: serviceMessage(e.errorDetail) },
      fixSteps: 3,
      evidence: {
        'serviceProvisioningErrors[].serviceInstance': e.serviceInstance,
        'serviceProvisioningErrors[].createdDateTime': e.createdDateTime,
        'serviceProvisioningErrors[].isResolved': e.isResolved,
      },
      learnMore: LEARN.syncErrors,
    }),
  );
}

/** U4 – the account is disabled (a common "why can't she…" answer). */
export function disabledFinding(u: DirectoryUser): Finding | undefined {
  if (u.accountEnabled !== false) return undefined;
  return finding({
    id: 'U4.disabled',
    severity: 'warning',
    key: isSynced(u) ? 'user.u4.disabled.synced' : 'user.u4.disabled.cloud',
    params: { user: userName(u) },
    fixSteps: 1,
    evidence: { accountEnabled: false },
  });
}
