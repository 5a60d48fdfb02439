import { explainProvisioningError, explainQuarantine, PROVISIONING_ERROR_CODES, QUARANTINE_REASONS, tutorialFor } from '../../../src/diagnostics/provisioning';
import { hasKey, t } from '../../../src/i18n';

describe('provisioning-log error codes are explained with a remedy', () => {
  test('the catalogue covers every code of the Learn error-code table', () => {
    for (const code of ['Conflict', 'EntryConflict', 'TooManyRequests', 'InternalServerError', 'InsufficientRights', 'MethodNotAllowed', 'NotPermitted', 'Unauthorized', 'UnprocessableEntity', 'NotImplemented', 'WebExceptionProtocolError', 'InvalidAnchor', 'MandatoryFieldsMissing', 'MissingValues', 'SchemaAttributeNotFound', 'InternalError', 'InvalidDomain', 'Timeout', 'LicenseLimitExceeded', 'DuplicateTargetEntries', 'DuplicateSourceEntries', 'ImportSkipped', 'EntrySynchronizationSkipped', 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse', 'SystemForCrossDomainIdentityManagementServiceIncompatible', 'SchemaPropertyCanOnlyAcceptValue']) {
      expect(PROVISIONING_ERROR_CODES).toContain(code);
    }
  });

  test.each([...PROVISIONING_ERROR_CODES])('%s has an explanation and steps in English and Norwegian', (code) => {
    const ex = explainProvisioningError(code);
    expect(ex.known).toBe(true);
    expect(ex.fix.length).toBeGreaterThan(0);
    for (const text of [ex.explain, ...ex.fix]) {
      for (const lang of ['en', 'nb'] as const) {
        expect(hasKey(text.key, lang)).toBe(true);
        expect(t(lang, text.key, text.params)).not.toMatch(/\{\w+\}/);
      }
    }
    expect(t('en', ex.explain.key, ex.explain.params)).toContain(code);
  });

  test('codes are matched without regard to case, and the remedy says whether to wait or restart', () => {
    expect(explainProvisioningError('timeout')).toMatchObject({ known: true, autoRetry: true });
    expect(explainProvisioningError('InvalidAnchor')).toMatchObject({ restartHelps: true, autoRetry: false });
    expect(explainProvisioningError('LicenseLimitExceeded').autoRetry).toBe(false);
  });

  test('a connector-specific credentials error (SalesforceInvalidCredentials) is explained as a credentials problem', () => {
    const ex = explainProvisioningError('SalesforceInvalidCredentials');
    expect(ex.explain.key).toBe('provisioning.error.credentials.explain');
  });

  test('an unknown code gets an honest generic text that names the code', () => {
    const ex = explainProvisioningError('SomethingBrandNew');
    expect(ex.known).toBe(false);
    expect(t('nb', ex.explain.key, ex.explain.params)).toContain('SomethingBrandNew');
  });
});

describe('quarantine reasons', () => {
  test.each([
    ['EncounteredQuarantineException', 'P2.quarantine.credentials', true],
    ['EncounteredEscrowProportionThreshold', 'P2.quarantine.escrow', true],
    ['EncounteredTotalEscrowThreshold', 'P2.quarantine.escrow', true],
    ['EncounteredBaseEscrowThreshold', 'P2.quarantine.escrow', true],
    ['TooManyDeletes', 'P2.quarantine.tooManyDeletes', true],
    ['QuarantinedOnDemand', 'P2.quarantine.onDemand', false],
    ['QuarantineOnDemand', 'P2.quarantine.onDemand', false],
    ['IngestionInterrupted', 'P2.quarantine.ingestion', true],
    ['Unknown', 'P2.quarantine.unknown', true],
    [null, 'P2.quarantine.unknown', true],
  ])('%s → %s', (reason, id, restart) => {
    const ex = explainQuarantine(reason, { app: 'Box', message: '-' });
    expect(ex.findingId).toBe(id);
    expect(ex.restartAfterFix).toBe(restart);
    for (const text of [ex.detail, ...ex.fix]) expect(hasKey(text.key, 'nb') && hasKey(text.key, 'en')).toBe(true);
  });

  test('the three escrow reasons share the remedy but each has its own explanation', () => {
    const keys = QUARANTINE_REASONS.filter((r) => r.startsWith('Encountered') && r.includes('Escrow')).map((r) => explainQuarantine(r).detail.key);
    expect(new Set(keys).size).toBe(3);
  });
});

describe('app tutorials', () => {
  test.each([
    ['BoxOutDelta', 'box-userprovisioning-tutorial'],
    ['Dropbox Business', 'dropboxforbusiness-provisioning-tutorial'],
    ['salesforce', 'salesforce-provisioning-tutorial'],
    ['ServiceNow', 'servicenow-provisioning-tutorial'],
    ['Slack', 'slack-provisioning-tutorial'],
    ['Zoom', 'zoom-provisioning-tutorial'],
    ['Atlassian Cloud', 'atlassian-cloud-provisioning-tutorial'],
    ['GitHub Enterprise Managed User', 'github-enterprise-managed-user-provisioning-tutorial'],
    ['Google Cloud / G Suite Connector by Microsoft', 'g-suite-provisioning-tutorial'],
    ['AWS IAM Identity Center', 'aws-single-sign-on-provisioning-tutorial'],
    ['Zscaler Private Access (ZPA)', 'zscaler-private-access-provisioning-tutorial'],
    ['Tableau Cloud', 'tableau-online-provisioning-tutorial'],
    ['monday.com', 'mondaycom-provisioning-tutorial'],
  ])('%s → %s', (name, slug) => {
    expect(tutorialFor(name)).toMatchObject({ known: true, url: `https://learn.microsoft.com/entra/identity/saas-apps/${slug}` });
  });

  test('Workday is inbound (HR-driven), which is set up differently', () => {
    expect(tutorialFor('Workday to Microsoft Entra user provisioning')).toMatchObject({ inbound: true, url: expect.stringContaining('workday-inbound-tutorial') });
    expect(tutorialFor('Slack').inbound).toBe(false);
  });

  test('an unknown app points at the tutorial list', () => {
    expect(tutorialFor('Fabrikam Expenses')).toEqual({ app: null, known: false, inbound: false, url: 'https://learn.microsoft.com/entra/identity/saas-apps/tutorial-list' });
    expect(tutorialFor(undefined).known).toBe(false);
  });
});
