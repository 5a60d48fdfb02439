/**
 * Text from users and the tenant is shown literally: a group named like a Markdown link is not a link. Checked on the
 * escaping functions themselves and through t(), in both languages.
 */
import { performance } from 'perf_hooks';
import { inert, literal, markdown, t, LANGS } from '../../src/i18n';
import { asRead, HOSTILE_NAMES, HOSTILE_SHAPES, liveSyntaxIn } from '../helpers/hostileText';

const HARMLESS = ['Salg Oslo', 'Økonomi & Lønn', "Sales O'Brien", 'Salg "Øst"', 'sg_sales_oslo', 'kari.nordmann@contoso.no', 'IT-Drift (Bærum)', 'E5 Brukere', '1b2c3d4e-1111-2222-3333-444455556666'];

describe('a name from the tenant or a typed query is shown as text', () => {
  it.each(Object.entries(HOSTILE_NAMES))('%s: no live syntax is left, and it reads as typed', (_kind, name) => {
    for (const escape of [literal, inert]) {
      const out = escape(name);
      expect(liveSyntaxIn(JSON.stringify(out)).filter((f) => escape === literal || f !== 'emphasis')).toEqual([]);
      if (escape === inert) expect(out.replace(/\u200b/g, '')).toBe(name);
      expect(asRead(out)).toBe(name);
      expect(escape(out)).toBe(out); // escaping twice changes nothing
    }
  });

  it('ordinary names, Norwegian letters, quotes, addresses and ids come through unchanged', () => {
    for (const name of HARMLESS) {
      expect(literal(name)).toBe(name);
      expect(inert(name)).toBe(name);
    }
  });

  it('list and heading markers at the start of a pasted line stay text', () => {
    const pasted = '- item\n1. first\n# heading\n> quote';
    const out = literal(pasted);
    expect(out).toBe('\\- item\n1\\. first\n\\# heading\n\\> quote');
    expect(asRead(out)).toBe(pasted);
  });

  it('an already escaped delimiter is not escaped again, an unescaped one after an escaped backslash is', () => {
    expect(literal('\\*kept\\*')).toBe('\\*kept\\*');
    expect(literal('\\\\*bold\\\\*')).toBe('\\\\\\*bold\\\\\\*');
  });

  it('is linear: 28 KB of hostile text costs about what 28 KB of ordinary text costs', () => {
    const best = (fn: () => void) => Math.min(...[0, 1, 2].map(() => { const t0 = performance.now(); fn(); return performance.now() - t0; }));
    const hostileTexts = [...Object.values(HOSTILE_SHAPES), HOSTILE_NAMES.link.repeat(700), '\\'.repeat(28 * 1024) + '*'];
    const ordinaryText = 'Salg Oslo (synced) has 3 members with licence errors; see *Licenses* > _Groups_. '.repeat(340);
    const ordinary = best(() => hostileTexts.forEach(() => literal(ordinaryText)));
    const hostile = best(() => hostileTexts.forEach((text) => literal(text)));
    // Same process, same moment: a busy machine slows both alike; a quadratic escape costs hundreds of times more.
    expect(hostile / Math.max(ordinary, 0.05)).toBeLessThan(25);
  });
});

describe.each(LANGS)('t() in %s', (lang) => {
  it('escapes every string parameter by default', () => {
    const text = t(lang, 'live.share.sharedBy', { name: HOSTILE_NAMES.mention });
    expect(liveSyntaxIn(text)).toEqual([]);
    expect(asRead(text)).toBe(t(lang, 'live.share.sharedBy').replace('{name}', HOSTILE_NAMES.mention));
    expect(liveSyntaxIn(t(lang, 'live.share.done', { channel: HOSTILE_NAMES.link }))).toEqual([]);
  });

  it('puts Markdown the bot built itself in unchanged, and numbers as numbers', () => {
    const link = '[Microsoft Learn](https://learn.microsoft.com/entra/)';
    expect(t(lang, 'live.share.sharedBy', { name: markdown(link) })).toContain(link);
    expect(t(lang, 'cards.verdict.more', { count: 3 })).toMatch(/3/);
  });
});
