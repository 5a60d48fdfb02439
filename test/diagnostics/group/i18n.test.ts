/** Every text a group finding can show exists in English and Norwegian, and renders with all its {params} filled. */
import * as fs from 'fs';
import * as path from 'path';
import { hasKey, t, type Lang } from '../../../src/i18n';
import { resourcePath } from '../../../src/paths';
import { rankFindings } from '../../../src/diagnostics/ranking';
import { sortFindings, type Text } from '../../../src/diagnostics/types';
import { allScenarioDiagnoses, allScenarioFindings } from './scenarios';

const table = (lang: Lang): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(resourcePath('src', 'i18n', 'locales', lang), 'group.json'), 'utf8')) as Record<string, string>;

function texts(): Text[] {
  const out: Text[] = [];
  for (const f of allScenarioFindings()) out.push(f.title, ...(f.detail ? [f.detail] : []), ...f.fix);
  for (const d of allScenarioDiagnoses()) for (const u of d.unchecked) out.push(u.what, u.why);
  return out;
}

describe('group texts in both languages', () => {
  const all = texts();

  it.each(['en', 'nb'] as Lang[])('every key used by a scenario exists in %s and renders completely', (lang) => {
    const problems: string[] = [];
    for (const text of all) {
      if (!hasKey(text.key, lang)) problems.push(`missing ${text.key}`);
      const rendered = t(lang, text.key, text.params);
      if (rendered === text.key) problems.push(`raw ${text.key}`);
      const left = rendered.match(/\{\w+\}/g);
      if (left) problems.push(`${text.key}: unfilled ${left.join(' ')}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('en and nb have the same keys with the same {params}', () => {
    const en = table('en');
    const nb = table('nb');
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
    const params = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    const mismatched = Object.keys(en).filter((k) => params(en[k]).join() !== params(nb[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('every text in group.json is reachable from some scenario (no dead text)', () => {
    const used = new Set(all.map((x) => x.key));
    // ageInWords switches unit at 2 (2 hours, 2 days), so "1 hour"/"1 day" never show today; kept so the family is complete.
    const completeness = new Set(['group.age.hour.one', 'group.age.day.one']);
    const dead = Object.keys(table('en')).filter((k) => !used.has(k) && !completeness.has(k));
    expect(dead).toEqual([]);
  });

  it('all findings are ranked for the question, link only Microsoft Learn, and carry evidence values of the allowed types', () => {
    for (const d of allScenarioDiagnoses()) {
      // A group's findings are in answer order for the topic; a tenant-wide answer by severity.
      expect(d.findings).toEqual(d.subject.kind === 'group' ? rankFindings(d.topic, d.findings) : sortFindings(d.findings));
      const distinct = new Set(d.findings.map((f) => `${f.id} ${JSON.stringify(f.evidence)}`));
      expect(distinct.size).toBe(d.findings.length);
    }
    for (const f of allScenarioFindings()) {
      if (f.learnMore) expect(f.learnMore).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      for (const v of Object.values(f.evidence)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
    }
  });
});
