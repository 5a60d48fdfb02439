/**
 * Why a part of a check couldn't be read, in the words the admin gets: an expired token is "sign in again", not
 * "your account isn't allowed".
 */
import { t } from '../../src/i18n';
import type { Failed } from '../../src/diagnostics/snapshot';
import { whyFailed } from '../../src/diagnostics/unchecked';

const NEEDS = { roles: ['groupsAdministrator' as const], scopes: ['GroupMember.Read.All'] };
const failed = (status: number, code: string): Failed => ({ ok: false, status, code, request: 'GET /groups' });

describe('why a Graph read failed', () => {
  it.each([
    ['en', 'Your sign-in has expired. Sign in again and check again.'],
    ['nb', 'Påloggingen din har utløpt. Logg på på nytt og sjekk igjen.'],
  ] as const)('401 InvalidAuthenticationToken says the sign-in expired (%s)', (lang, text) => {
    const why = whyFailed(failed(401, 'InvalidAuthenticationToken'), NEEDS);
    expect(why).toEqual({ key: 'diag.unchecked.signInExpired', params: {} });
    expect(t(lang, why.key, why.params)).toBe(text);
  });

  it('403 Authorization_RequestDenied is still about roles and consent', () => {
    expect(whyFailed(failed(403, 'Authorization_RequestDenied'), NEEDS).key).toBe('diag.unchecked.denied');
  });
});
