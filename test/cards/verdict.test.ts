/**
 * An admin glances at a verdict in Teams: the answer first, a handful of lines, the evidence folded. For every
 * verdict the sample tenant gives (both languages, an admin in Oslo) and for a check with 400 findings:
 *  - before anything is unfolded: at most VISIBLE_FACT_BUDGET facts and VISIBLE_CHAR_BUDGET characters;
 *  - full width in Teams; every finding keeps its element id `finding-<n>-<id>`;
 *  - no raw ISO timestamp and no "UTC" (the time zone is known); products by name, not SKU part number.
 */
import { renderVerdictCard, visibleText, VISIBLE_CHAR_BUDGET, VISIBLE_FACT_BUDGET, findingElementId } from '../../src/cards/verdict';
import { LANGS } from '../../src/i18n';
import { bigDiagnosis, groupDiagnosis } from './data/diagnoses';
import { sampleVerdicts, type SampleVerdict } from './data/sampleVerdicts';

/* eslint-disable @typescript-eslint/no-explicit-any */

function allText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allText(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock') out.push(String(o.text));
    Object.values(o).forEach((v) => allText(v, out));
  }
  return out;
}

function ids(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => ids(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string') out.push(o.id);
    Object.values(o).forEach((v) => ids(v, out));
  }
  return out;
}

describe('verdict cards read at a glance', () => {
  let verdicts: SampleVerdict[] = [];
  beforeAll(async () => {
    verdicts = await sampleVerdicts();
  }, 60000);

  it.each(LANGS.map((l) => [l]))('%s: every sample-tenant verdict is full width, within the visible budgets, with every finding id', (lang) => {
    expect(verdicts.length).toBeGreaterThan(20);
    const over: string[] = [];
    for (const v of verdicts) {
      const card = renderVerdictCard(v.diagnosis, lang, { target: {}, refreshable: true, timeZone: 'Europe/Oslo' }) as any;
      expect(card.msteams).toEqual({ width: 'Full' });
      const seen = visibleText(card);
      if (seen.chars > VISIBLE_CHAR_BUDGET || seen.facts > VISIBLE_FACT_BUDGET) over.push(`${v.name}: ${seen.chars} characters, ${seen.facts} facts`);
      const cardIds = ids(card);
      // Findings keep their place in the answer order; past the 28 KB budget the last ones (never a problem) are counted.
      const shown = v.diagnosis.findings.filter((f, i) => cardIds.includes(findingElementId(i, f.id)));
      expect(shown).toEqual(v.diagnosis.findings.slice(0, shown.length));
      const omitted = v.diagnosis.findings.slice(shown.length);
      if (omitted.length > 0) expect(cardIds).toContain('finding-more');
      expect(omitted.filter((f) => f.severity === 'blocker' || f.severity === 'warning').map((f) => `${v.name}: ${f.id}`)).toEqual([]);
      expect(new Set(cardIds).size).toBe(cardIds.length);
      const text = allText(card).join('\n');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toMatch(/\bUTC\b/);
    }
    expect(over).toEqual([]);
  });

  it('the quarantined ServiceNow app: the answer, the fix, and "Quarantine reason" only after unfolding Evidence', () => {
    const v = verdicts.find((x) => x.diagnosis.findings[0]?.id.startsWith('P2.quarantine') && x.diagnosis.subject.displayName === 'ServiceNow');
    expect(v).toBeDefined();
    for (const [lang, label] of [['en', 'Quarantine reason'], ['nb', 'Årsak til karantene']] as const) {
      const card = renderVerdictCard(v!.diagnosis, lang, { target: {}, refreshable: true, timeZone: 'Europe/Oslo' }) as any;
      const head = card.body[0];
      expect(head.id).toMatch(/^finding-0-P2\.quarantine/);
      const evidence = card.body.find((e: any) => e.id === `${head.id}-evidence`);
      expect(evidence.isVisible).toBe(false);
      expect(allText(evidence).join('\n')).toContain(`${label}\nEncounteredQuarantineException\nstatus.quarantine.reason`);
      const toggle = card.body.find((e: any) => e.selectAction?.targetElements?.[0] === evidence.id);
      expect(toggle.selectAction.type).toBe('Action.ToggleVisibility');
      expect(visibleText(card).chars).toBeLessThanOrEqual(VISIBLE_CHAR_BUDGET);
    }
  });

  it('the licensed group names its products as the admin center does, part number kept as evidence', () => {
    const v = verdicts.find((x) => x.diagnosis.findings[0]?.id === 'G2.1.licensed' && x.name.startsWith('ga'));
    expect(v).toBeDefined();
    const text = allText(renderVerdictCard(v!.diagnosis, 'en', { target: {}, refreshable: true, timeZone: 'Europe/Oslo' })).join('\n');
    expect(text).toContain('Office 365 E3, Enterprise Mobility + Security E3');
    expect(text).toContain('Office 365 E3 (ENTERPRISEPACK), Enterprise Mobility + Security E3 (EMS)');
    expect(text).not.toMatch(/\(ENTERPRISEPACK, EMS\)/);
  });

  it.each(LANGS.map((l) => [l]))('%s: 400 findings stay within the budgets and the 28 KB card limit; the rest are counted', (lang) => {
    const card = renderVerdictCard(bigDiagnosis(400), lang, { target: {}, refreshable: false, timeZone: 'Europe/Oslo' });
    const seen = visibleText(card);
    expect(seen.chars).toBeLessThanOrEqual(VISIBLE_CHAR_BUDGET);
    expect(seen.facts).toBeLessThanOrEqual(VISIBLE_FACT_BUDGET);
    expect(ids(card)).toContain('finding-more');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(28 * 1024);
  });

  it('without a known time zone the card says UTC rather than guessing', () => {
    const text = allText(renderVerdictCard(groupDiagnosis, 'en', { target: {}, refreshable: true })).join('\n');
    expect(text).toMatch(/Checked Mar 1, 2025, 10:00 AM UTC/);
  });
});
