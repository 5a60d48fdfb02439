import { createRecognizer, trainingExamples } from '../../src/recognizer';
import { HELD_OUT_SETS, languageOf, loadHeldOut, score, table, type HeldOut, type HeldOutSet, type Score } from '../../src/recognizer/evaluate';
import { isIntent, isIssueIntent } from '../../src/topics';
import { overlapKey } from '../../src/recognizer/normalize';

const SETS = Object.keys(HELD_OUT_SETS) as HeldOutSet[];
const recognizer = createRecognizer();
const isNorwegian = (h: HeldOut) => languageOf(h) === 'nb';

describe.each(SETS.map((s) => [s]))('the held-out set "%s" (phrasings the recogniser never trained on)', (set: HeldOutSet) => {
  const heldOut = loadHeldOut(set);

  it('is at least 35 % Norwegian, with valid labels', () => {
    expect(heldOut.filter(isNorwegian).length / heldOut.length).toBeGreaterThanOrEqual(0.35);
    for (const h of heldOut) expect(isIntent(h.intent)).toBe(true);
  });

  it('shares no utterance with the training data, even after normalisation', () => {
    const training = new Set(trainingExamples().map((e) => overlapKey(e.text)));
    const overlapping = heldOut.filter((h) => training.has(overlapKey(h.text))).map((h) => h.text);
    expect(overlapping).toEqual([]);
  });

  it('never answers a troubleshooting question "outside what I know"', () => {
    const s = score(recognizer, heldOut);
    expect(s.issueReached.n).toBeGreaterThan(0);
    expect(s.troubleshootingOutOfScope).toEqual([]);
  });

  it.each([['en' as const], ['nb' as const]])('is recognised with at least 85 %% accuracy in %s', (lang) => {
    const t = score(recognizer, heldOut).byLang[lang];
    expect(t.correct / t.n).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the held-out sets together', () => {
  const all = SETS.flatMap((s) => loadHeldOut(s));

  it('hold over 400 phrasings; the new sets repeat nothing from another set', () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
    for (const set of SETS.filter((s) => s !== 'original')) {
      const others = new Set(SETS.filter((s) => s !== set).flatMap((s) => loadHeldOut(s).map((h) => overlapKey(h.text))));
      expect(loadHeldOut(set).filter((h) => others.has(overlapKey(h.text))).map((h) => h.text)).toEqual([]);
    }
  });

  it('cover thanks, pasted error codes, product words and Norwegian from an English client', () => {
    const texts = all.map((h) => h.text);
    expect(all.filter((h) => h.intent === 'greeting' && /thank|takk|cheers/i.test(h.text)).length).toBeGreaterThanOrEqual(8);
    for (const word of ['AttributeValueMustBeUnique', 'Quarantine', '400', 'AAD', 'AD Connect', 'GBL', 'SCIM']) expect(texts.some((x) => x.includes(word))).toBe(true);
    expect(all.filter((h) => isNorwegian(h) && h.locale === 'en-US').length).toBeGreaterThanOrEqual(5);
  });

  it('are recognised with at least 92 % accuracy overall, every troubleshooting question reaching its topic or the "which is it?" card', () => {
    const s = score(recognizer, all);
    expect(s.all.correct / s.all.n).toBeGreaterThanOrEqual(0.92);
    expect(s.issueReached.correct / s.issueReached.n).toBeGreaterThanOrEqual(0.95);
    expect(all.filter((h) => isIssueIntent(h.intent)).length).toBe(s.issueReached.n);
  });
});

describe('the table `npm run eval` prints for the README', () => {
  it('has a row per set and one for all sets, with counts that add up', () => {
    const scores = Object.fromEntries(SETS.map((s) => [s, score(recognizer, loadHeldOut(s))])) as Record<HeldOutSet, Score>;
    const rows = table(scores).split('\n');
    expect(rows).toHaveLength(2 + SETS.length + 1);
    for (const set of SETS) expect(rows.some((r) => r.startsWith(`| ${set} (${HELD_OUT_SETS[set]}) |`))).toBe(true);
    const total = SETS.reduce((n, s) => n + scores[s].all.n, 0);
    expect(rows.at(-1)).toMatch(new RegExp(`^\\| \\*\\*all sets\\*\\* \\|.*/${total}\\) \\| 0 \\|$`));
  });
});
