/**
 * A group in the tenant is named `[Fix your licence](https://evil.example/x)`, an admin types an app name with
 * Markdown, a user is called `<at>Kari Nordmann</at> ${$root}`: every card that shows them (verdict, candidate
 * choice, confirmation, channel choice) shows them as text, in both languages. Checked on the card JSON that is
 * sent to Teams: no link or image syntax, no autolink or bare URL, no mention or HTML tag, no `${` in anything the
 * card shows (button data carries the typed name back to the bot unchanged and is never shown).
 */
import { chooseCandidateCard, shareChannelCard } from '../../src/cards/cards';
import { formatDate, renderVerdictCard } from '../../src/cards/verdict';
import type { Diagnosis } from '../../src/diagnostics/types';
import { renderView } from '../../src/dialogs/views';
import { LANGS, t } from '../../src/i18n';
import { cardText } from '../helpers/adminChat';
import { asRead, HOSTILE_NAMES, liveSyntaxInCard } from '../helpers/hostileText';

const ALL = Object.values(HOSTILE_NAMES);

function hostileDiagnosis(name: string): Diagnosis {
  return {
    topic: 'group.cannot_modify',
    subject: { kind: 'group', id: '11111111-1111-1111-1111-111111111111', displayName: name },
    checkedAt: '2025-03-01T10:00:00Z',
    findings: [
      {
        id: 'G1.1.synced',
        severity: 'blocker',
        title: { key: 'guide.group.cannot_modify.source.title' },
        evidence: { displayName: name, description: HOSTILE_NAMES.bareUrl, pastedText: HOSTILE_NAMES.html },
        fix: [{ key: 'guide.group.cannot_modify.source.do' }],
        learnMore: 'https://learn.microsoft.com/entra/identity/hybrid/concept-source-of-authority-overview',
      },
      { id: 'T4.unknown', severity: 'info', title: { key: 'group.t4.unknown.title' }, evidence: { pastedText: HOSTILE_NAMES.template }, fix: [] },
    ],
    unchecked: [],
  };
}

describe.each(LANGS)('cards in %s show names from users and the tenant as text', (lang) => {
  it.each(ALL)('the verdict card for a group named %s', (name) => {
    const card = renderVerdictCard(hostileDiagnosis(name), lang, { target: { group: name }, refreshable: true });
    expect(liveSyntaxInCard(card)).toEqual([]);
    // The admin still reads the name exactly as it is in the tenant.
    expect(asRead(cardText(card))).toContain(name);
    // What the bot formats itself is not escaped: "1. mars 2025, 10:00 UTC" is a date, not a numbered list.
    expect(cardText(card)).toContain(formatDate(lang, '2025-03-01T10:00:00Z'));
    // The bot's own Learn link stays live.
    expect(JSON.stringify(card)).toContain('https://learn.microsoft.com/entra/identity/hybrid/concept-source-of-authority-overview');
  });

  it('the candidate card for a typed query and tenant names', () => {
    const card = chooseCandidateCard(lang, {
      kind: 'app',
      query: HOSTILE_NAMES.emphasis + HOSTILE_NAMES.link,
      topic: 'provisioning.no_users',
      candidates: ALL.map((name, i) => ({ id: `id-${i}`, title: name, subtitle: HOSTILE_NAMES.mention })),
    });
    expect(liveSyntaxInCard(card)).toEqual([]);
    for (const name of ALL) expect(JSON.stringify(card).replace(/\\u200b|\u200b/g, '')).toContain(JSON.stringify(name).slice(1, -1));
  });

  it('the confirmation card for a typed app and user', () => {
    const card = renderView(
      {
        kind: 'confirm',
        topic: 'provisioning.no_users',
        pending: 'pending-1',
        action: { kind: 'provisionOnDemand', userId: 'u-1', ruleId: 'rule-1', jobId: 'job-1' },
        servicePrincipalId: 'sp-1',
        app: HOSTILE_NAMES.link,
        user: HOSTILE_NAMES.mention,
      },
      lang,
    );
    expect(liveSyntaxInCard(card)).toEqual([]);
    expect(asRead(cardText(card))).toContain(asRead(t(lang, 'live.action.provisionOnDemand.confirm', { app: HOSTILE_NAMES.link, user: HOSTILE_NAMES.mention })));
    expect(asRead(cardText(card))).toContain(HOSTILE_NAMES.link);
  });

  it('the channel choice for channels named by the team', () => {
    const card = shareChannelCard(lang, ALL.map((name, i) => ({ id: `19:${i}@thread.tacv2`, name })));
    expect(liveSyntaxInCard(card)).toEqual([]);
  });
});
