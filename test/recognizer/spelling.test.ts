import { Speller, wordCounts, withinOneEdit } from '../../src/recognizer/spelling';
import { normalize } from '../../src/recognizer/normalize';

const known = (texts: string[], typos = false) => new Speller(wordCounts(texts.map((t) => normalize(t).words)), { typos });
const speller = known(['the provisioning logs for the app', 'lisens på gruppa', 'klargjøring av brukere', 'vis loggen', 'users are provisioned', 'licence group'], true);

describe('repairing words the recogniser has never seen', () => {
  it('splits a Norwegian compound of known words, with or without a linking s or e', () => {
    expect(speller.split('lisensgruppa')).toEqual(['lisens', 'gruppa']);
    expect(speller.split('klargjoringsloggen')).toEqual(['klargjoring', 'loggen']);
    expect(speller.repair(normalize('klargjøringsloggen for appen').words)).toEqual(['klargjoring', 'loggen', 'appen']);
  });

  it('corrects a typo one edit away from a known word of five letters or more', () => {
    expect(speller.correction('provisoned')).toBe('provisioned');
    expect(speller.correction('licecne')).toBe('licence');
    expect(speller.correction('grup')).toBeUndefined();
    expect(speller.correction('sharepoint')).toBeUndefined();
  });

  it('leaves known words and words with digits alone, and corrects typos only when asked to', () => {
    expect(speller.repair(['users', 'e5', 'provisioning'])).toEqual(['users', 'e5', 'provisioning']);
    expect(known(['users are provisioned']).repair(['provisoned'])).toEqual(['provisoned']);
    const long = 'lisens'.repeat(10);
    expect(speller.repair([long])).toEqual([long]);
  });

  it('counts one insertion, deletion, substitution or swap as one edit, and no more', () => {
    expect(withinOneEdit('licence', 'lcinece')).toBe(false);
    expect(['licence', 'licnce', 'licencee', 'licenxe', 'lciense'].map((w) => withinOneEdit('licence', w))).toEqual([true, true, true, true, false]);
    expect(withinOneEdit('licence', 'licecne')).toBe(true);
  });
});
