/**
 * A Norwegian admin reads "3 oppføringer", never "3 oppføring(er)": counts in locale strings pick their plural form
 * with Intl.PluralRules, in both languages.
 */
import { allTables, LANGS, t } from '../../src/i18n';

describe('plural forms in replies', () => {
  it('one skipped entry and many skipped entries read naturally in English', () => {
    expect(t('en', 'provisioning.P5.skipped.title', { count: 1, users: 1, reason: 'NotEffectivelyEntitled' })).toBe(
      '1 entry for 1 user was skipped; latest reason: NotEffectivelyEntitled',
    );
    expect(t('en', 'provisioning.P5.skipped.title', { count: 12, users: 3, reason: 'NotEffectivelyEntitled' })).toBe(
      '12 entries for 3 users were skipped; latest reason: NotEffectivelyEntitled',
    );
  });

  it('a Norwegian admin gets "1 oppføring" and "12 oppføringer"', () => {
    expect(t('nb', 'provisioning.P5.logError.other.title', { count: 1, code: 'E1', users: 'Kari' })).toBe('1 oppføring feilet med E1 (Kari)');
    expect(t('nb', 'provisioning.P5.logError.other.title', { count: 12, code: 'E1', users: 'Kari' })).toBe('12 oppføringer feilet med E1 (Kari)');
    expect(t('nb', 'provisioning.P4.assignedGroups.title', { count: 0, app: 'Slack' })).toBe('0 grupper er tilordnet Slack');
  });

  it('an unknown count ("?") takes the plural form, and string params inside a branch are still escaped', () => {
    expect(t('nb', 'provisioning.P2.quarantine.timeline.title', { next: 'i morgen', daysLeft: '?' })).toBe('Neste automatiske forsøk: i morgen. Omtrent ? dager igjen før jobben slås av');
    expect(t('en', 'provisioning.P3.assignments.title', { app: '*Slack*', users: 1, groups: 2 })).toBe('\\*Slack\\* has 1 user and 2 groups assigned');
  });

  it.each(LANGS.map((l) => [l]))('no string in %s writes a plural as "(s)", "(er)", "(e)" or "(y/ies)"', (lang) => {
    const bad = Object.entries(allTables()[lang]).filter(([, v]) => /\p{L}\((?:s|es|er|e|r|n|y\/ies)\)/u.test(v));
    expect(bad).toEqual([]);
  });
});
