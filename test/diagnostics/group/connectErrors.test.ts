import { performance } from 'perf_hooks';
/** T4 – the admin pastes an error from the sync-error e-mail, Connect Health or the Synchronization Service Manager. */
import { explainConnectError } from '../../../src/diagnostics/group';

const idsOf = (text: string): string[] => explainConnectError(text).map((f) => f.id);

describe('explainConnectError', () => {
  it.each([
    ['InvalidHardMatch', 'T4.invalidHardMatch', '#invalidhardmatch'],
    ['invalid soft match', 'T4.invalidSoftMatch', '#invalidsoftmatch'],
    ['OBJECTTYPEMISMATCH', 'T4.objectTypeMismatch', '#objecttypemismatch'],
    ['AttributeValueMustBeUnique', 'T4.attributeValueMustBeUnique', '#attributevaluemustbeunique'],
    ['Quarantined Attribute Value Must Be Unique', 'T4.attributeValueMustBeUnique', '#attributevaluemustbeunique'],
    ['IdentityDataValidationFailed', 'T4.identityDataValidationFailed', '#identitydatavalidationfailed'],
    ['DataValidationFailed', 'T4.identityDataValidationFailed', '#identitydatavalidationfailed'],
    ['FederatedDomainChangeError', 'T4.federatedDomainChangeError', 'tshoot-connect-sync-errors'],
    ['LargeObject', 'T4.largeObject', '#largeobject-or-exceededallowedlength'],
    ['exceeded-allowed-length', 'T4.largeObject', '#largeobject-or-exceededallowedlength'],
    ['Existing Admin Role Conflict', 'T4.existingAdminRoleConflict', '#existing-admin-role-conflict'],
    ['Error 114', 'T4.error114', '#resolve-error-type-114'],
    ['This synchronization operation, Delete, isn’t valid.', 'T4.error114', '#resolve-error-type-114'],
    ['stopped-deletion-threshold-exceeded', 'T4.deletionThreshold', 'prevent-accidental-deletes'],
    [
      'Unable to delete the group because there is a product license assigned to the group. To delete this group, remove any product licenses first.',
      'T4.groupLicenceDelete',
      '#deleting-a-group-with-an-assigned-license',
    ],
    ['SyncCycleEnabled : False', 'T4.syncCycleDisabled', 'how-to-connect-sync-feature-scheduler'],
    ['SynchronizationCycleDisabled', 'T4.syncCycleDisabled', 'how-to-connect-sync-feature-scheduler'],
  ])('recognises “%s”', (text, id, anchor) => {
    const [f, ...rest] = explainConnectError(text);
    expect(rest).toHaveLength(0);
    expect(f.id).toBe(id);
    expect(f.severity).toBe('warning');
    expect(f.learnMore).toContain(anchor);
    expect(f.learnMore).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(f.fix.length).toBeGreaterThanOrEqual(3);
  });

  it('finds the error inside a longer Norwegian paste', () => {
    const paste =
      'Hei! Vi fikk denne e-posten i natt:\nIdentity synchronization Error Report\nFeiltype: AttributeValueMustBeUnique – Bruker: kari.nordmann@contoso.no\nHva gjør vi?';
    expect(idsOf(paste)).toEqual(['T4.attributeValueMustBeUnique']);
    expect(idsOf('Synkroniseringen stoppet med feil 114 på en gruppe')).toEqual(['T4.error114']);
  });

  it('explains every error in a paste that has several, in table order', () => {
    expect(idsOf('LargeObject on user A; InvalidSoftMatch on user B')).toEqual(['T4.invalidSoftMatch', 'T4.largeObject']);
  });

  it('does not invent an explanation for undocumented or unknown errors', () => {
    for (const text of ['ExistingObjectQuarantined', 'AuthoritativeSourceMismatch', 'error 1140 something odd', '']) {
      const f = explainConnectError(text);
      expect(f.map((x) => x.id)).toEqual(['T4.unknown']);
      expect(f[0].severity).toBe('info');
    }
    expect(explainConnectError('  ExistingObjectQuarantined\n on object X ')[0].evidence).toEqual({ pastedText: 'ExistingObjectQuarantined on object X' });
  });

  it('reads a 28 KB paste with long runs of spaces at the cost of an ordinary 28 KB paste (it used to take minutes)', () => {
    const best = (fn: () => void) => Math.min(...[0, 1, 2].map(() => { const t0 = performance.now(); fn(); return performance.now() - t0; }));
    const ordinary = best(() => idsOf('AttributeValueMustBeUnique on ProxyAddresses for user kari@contoso.no. '.repeat(400)));
    const hostile = best(() => {
      expect(idsOf(`Error${' '.repeat(14 * 1024)}type${' '.repeat(14 * 1024)}114`)).toEqual(['T4.error114']);
      expect(idsOf(`feil${'\u00a0'.repeat(28 * 1024)}x`)).toEqual(['T4.unknown']);
    });
    // Same process, same moment: a busy machine slows both alike. The cubic version cost thousands of times more.
    expect(hostile / Math.max(ordinary, 0.05)).toBeLessThan(25);
  });
});
