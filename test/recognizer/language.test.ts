import { detectLanguage } from '../../src/recognizer/language';
import { HELD_OUT_SETS, languageOf, loadHeldOut, type HeldOutSet } from '../../src/recognizer/evaluate';

describe('the language a message is written in', () => {
  it.each([
    ['brukerne blir ikke klargjort til Slack', 'nb'],
    ['takk, det funka', 'nb'],
    ['hjelp', 'nb'],
    ['får access denied når jeg adder member til gruppa Salg', 'nb'],
    ["users aren't provisioned to Slack", 'en'],
    ['thanks, that fixed it', 'en'],
  ] as const)('"%s" → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('says nothing when the words do not settle it', () => {
    for (const text of ['Salesforce', 'AADC', 'ok', '', 'AttributeValueMustBeUnique']) expect(detectLanguage(text)).toBeUndefined();
  });

  it('ignores names in quotes and addresses: an English question about the group "Salg og Service" is English', () => {
    expect(detectLanguage("why can't I add members to 'Salg og Service'")).toBe('en');
    expect(detectLanguage('why is ola.nordmann@firma.no not provisioned to the app')).toBe('en');
  });

  it('never takes an English held-out line for Norwegian, and recognises most Norwegian ones', () => {
    const all = (Object.keys(HELD_OUT_SETS) as HeldOutSet[]).flatMap((s) => loadHeldOut(s));
    const english = all.filter((h) => languageOf(h) === 'en');
    const norwegian = all.filter((h) => languageOf(h) === 'nb');
    expect(english.filter((h) => detectLanguage(h.text) === 'nb').map((h) => h.text)).toEqual([]);
    expect(norwegian.filter((h) => detectLanguage(h.text) === 'nb').length / norwegian.length).toBeGreaterThanOrEqual(0.8);
    for (const h of norwegian.filter((x) => x.locale === 'en-US')) expect({ text: h.text, lang: detectLanguage(h.text) }).toEqual({ text: h.text, lang: 'nb' });
  });
});
