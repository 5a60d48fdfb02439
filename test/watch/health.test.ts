/**
 * The health report shows tenant names literally: a group whose name is written as a Markdown link does not become
 * a live link in the card the team reads, in either language.
 */
import { healthCard } from '../../src/watch/cards';
import { fixedClock } from '../../src/clock';
import { LANGS } from '../../src/i18n';
import { healthLines, type HealthSnapshot } from '../../src/watch/health';
import { cardText } from '../helpers/adminChat';

const HOSTILE = '[Fix your licence](https://evil.example/x)';
const denied = { ok: false as const, status: 403, code: 'Authorization_RequestDenied', message: 'denied' };

describe('tenant health report', () => {
  it.each(LANGS.map((l) => [l]))('a group named like a link is listed as text, not a link (%s)', (lang) => {
    const snapshot = {
      fetchedAt: '2026-11-21T09:00:00Z',
      organization: denied,
      syncErrorGroups: { ok: true, value: [{ id: 'g-1', displayName: HOSTILE }] },
      licenseGroups: { ok: true, value: [{ id: 'g-2', displayName: HOSTILE }] },
      apps: { ok: true, value: [] },
      jobs: [],
    } as unknown as HealthSnapshot;
    const lines = healthLines(lang, snapshot, fixedClock('2026-11-21T09:00:00Z'));
    // What the team sees (button data still carries the name for the check, and is never shown).
    const seen = cardText(healthCard(lang, { tenant: 'Contoso', lines, checkedAt: '2026-11-21T09:00:00Z', access: 'watcher' }));
    expect(seen).toContain('Fix your licence');
    expect(seen).not.toMatch(/\]\(https?:/);
  });
});
