/**
 * Kari in Oslo reads "12 minutes ago" and "5 Dec 2026, 23:26" in her own time zone and language, products by the
 * names the Microsoft 365 admin center shows, and evidence under labels a person understands.
 */
import { absoluteTime, clientTimeZone, formatWhen, productName, productNames, propertyLabel } from '../../src/cards/format';
import SKU_TABLE from '../../src/cards/data/skuProductNames.json';

const NOW = '2026-12-05T23:38:16Z';

describe('times in the admin time zone and language', () => {
  it('reads the time zone from Teams clientInfo, then localTimezone, and ignores anything that is not a zone', () => {
    expect(clientTimeZone({ entities: [{ type: 'mention' }, { type: 'clientInfo', timezone: 'Europe/Oslo' }] })).toBe('Europe/Oslo');
    expect(clientTimeZone({ entities: [], localTimezone: 'America/New_York' })).toBe('America/New_York');
    expect(clientTimeZone({ entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }] })).toBeUndefined();
    expect(clientTimeZone({ entities: 'nope', localTimezone: 42 })).toBeUndefined();
    expect(clientTimeZone(undefined)).toBeUndefined();
  });

  it('within a day of the check: relative, in English and Norwegian', () => {
    const oslo = { timeZone: 'Europe/Oslo', now: NOW };
    expect(formatWhen({ lang: 'en', ...oslo }, '2026-12-05T23:26:16Z')).toBe('12 minutes ago');
    expect(formatWhen({ lang: 'nb', ...oslo }, '2026-12-05T23:26:16Z')).toBe('for 12 minutter siden');
    expect(formatWhen({ lang: 'en', ...oslo }, '2026-12-06T02:38:16Z')).toBe('in 3 hours');
    expect(formatWhen({ lang: 'nb', ...oslo }, '2026-12-05T23:38:00Z')).toBe('nå');
  });

  it('older than a day: date and time in the admin zone, no "UTC", no ISO', () => {
    const text = formatWhen({ lang: 'nb', timeZone: 'Europe/Oslo', now: NOW }, '2026-11-18T09:00:00Z');
    expect(text).toBe('18. nov. 2026, 10:00');
    expect(absoluteTime({ lang: 'en', timeZone: 'Europe/Oslo' }, '2026-12-05T23:26:16Z')).toBe('Dec 6, 2026, 12:26 AM');
  });

  it('without a known time zone the time says UTC, and Graph\'s 0001-01-01 marker reads "never"', () => {
    expect(formatWhen({ lang: 'en', now: NOW }, '2026-12-05T23:26:16Z')).toBe('Dec 5, 2026, 11:26 PM UTC');
    expect(formatWhen({ lang: 'en', timeZone: 'Europe/Oslo', now: NOW }, '0001-01-01T00:00:00Z')).toBe('never');
    expect(formatWhen({ lang: 'nb', timeZone: 'Europe/Oslo', now: NOW }, '0001-01-01T00:00:00Z')).toBe('aldri');
  });
});

describe('product names instead of SKU part numbers', () => {
  it('names the products the sample tenant holds as the admin center does, by part number or skuId', () => {
    expect(productName('ENTERPRISEPACK')).toBe('Office 365 E3');
    expect(productNames('ENTERPRISEPACK, EMS')).toBe('Office 365 E3, Enterprise Mobility + Security E3');
    expect(productName('6fd2c87f-b296-42f0-b197-1e91e994b900')).toBe('Office 365 E3');
    expect(productName('CONTOSO_CUSTOM_SKU')).toBe('CONTOSO_CUSTOM_SKU');
  });

  it('the table names its source, and every row is a part number with a name', () => {
    expect(SKU_TABLE.$source).toMatch(/learn\.microsoft\.com\/entra\/identity\/users\/licensing-service-plan-reference/);
    for (const [part, name] of Object.entries(SKU_TABLE.products)) {
      expect(part).toMatch(/^[A-Z0-9_]+$/);
      expect(name.trim()).not.toBe('');
    }
    for (const [id, part] of Object.entries(SKU_TABLE.skuIds)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(SKU_TABLE.products).toHaveProperty(part);
    }
  });
});

describe('evidence labels', () => {
  it.each([
    ['en', 'onPremisesSyncEnabled', 'Synced from on-premises AD'],
    ['nb', 'onPremisesSyncEnabled', 'Synkronisert fra lokal AD'],
    ['en', 'onPremisesLastSyncDateTime', 'Last sync'],
    ['en', 'status.quarantine.reason', 'Quarantine reason'],
    ['nb', 'status.quarantine.reason', 'Årsak til karantene'],
    ['en', 'provisioningLogs[3].errorInformation.errorCode', 'Error code'],
    ['en', 'subscribedSkus[ENTERPRISEPACK].consumedUnits', 'Licences in use: Office 365 E3'],
    ['nb', 'appRoleAssignedTo[principalType=Group]', 'Tilordnet: Group'],
    ['en', 'someNewGraphProperty', 'Some new graph property'],
  ] as const)('%s: %s → "%s"', (lang, property, label) => {
    expect(propertyLabel(lang, property)).toBe(label);
  });
});
