/**
 * Delegated Microsoft Graph scopes SyncHelper needs (domain.md §2) and the text that explains a missing one.
 * When Graph answers 403 for a scope reason, the caller shows `consentHelp(missingScopes)`.
 */
import type { Text } from '../diagnostics/types';
import { hasKey } from '../i18n';

/** The read bundle requested at first sign-in (all but User.Read need admin consent). */
export const CORE_READ_SCOPES = [
  'User.Read',
  'GroupMember.Read.All',
  'Organization.Read.All',
  'LicenseAssignment.Read.All',
  'Application.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All',
] as const;

/** Write actions are consented separately (the OAUTH_WRITE_CONNECTION_NAME connection), never silently. */
export const WRITE_SCOPES = ['Synchronization.ReadWrite.All'] as const;

function isWriteScope(scope: string): boolean {
  return /\.ReadWrite\./i.test(scope);
}

function unique(scopes: readonly string[]): string[] {
  return [...new Set(scopes.map((s) => s.trim()).filter((s) => s.length > 0))];
}

/**
 * One paragraph for the admin: which scopes are missing, that they need admin consent, who can grant it and
 * where, with the Microsoft Learn link. With no scopes it describes what SyncHelper asks for and why.
 */
export function consentHelp(scopes: readonly string[]): Text {
  const missing = unique(scopes);
  const bundle = CORE_READ_SCOPES.join(', ');
  if (missing.length === 0) return { key: 'auth.consent.help.none', params: { bundle } };
  if (missing.every(isWriteScope)) return { key: 'auth.consent.help.write', params: { scopes: missing.join(', ') } };
  return { key: 'auth.consent.help.read', params: { scopes: missing.join(', '), bundle } };
}

/** One line per scope saying what SyncHelper reads (or changes) with it. */
export function consentHelpDetails(scopes: readonly string[]): Text[] {
  const list = unique(scopes);
  return (list.length ? list : [...CORE_READ_SCOPES]).map((scope) => {
    const key = `auth.consent.scope.${scope}`;
    return { key: hasKey(key) ? key : 'auth.consent.scope.unknown', params: { scope } };
  });
}
