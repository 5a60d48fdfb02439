/**
 * The linear scans give exactly what the regular expressions they replace give: checked on hand-picked texts and on
 * many short random texts over the characters that matter (seeded, so every run checks the same texts).
 */
import { AT_ON_ONE_LINE, AT_SPAN, isWordBoundary, replaceTagSpans, replaceUpToLast, runAnchoredMatches, trimEndChars } from '../src/textScan';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['<at>', '</at>', '<AT id="1">', '</AT>', '<at', '>', '<', '\n', ' ', 'a', 'B', '.', '@', "'", '-', '+', 'x.no', '_', 'ø'];
const random = seeded(11);
const TEXTS = [
  '',
  '<at>SyncHelper</at> my group',
  '<at>Sync</at> <at>Helper</at>, hi',
  '<at>a\nb</at> <at>c</at>',
  '<at <at>x</at>',
  'kari.nordmann@contoso.no and ola@x.y.',
  "'ola'@contoso.no",
  'a@b@c.d',
  'x.-a@b.c- and a@b-.c.d',
  ...Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 14) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('')),
];

describe('linear scans match the expressions they replace', () => {
  it('<at …>…</at> spans across lines', () => {
    for (const text of TEXTS) {
      const expected = text.replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, (_w, inner: string) => `[${inner}]`);
      expect(replaceTagSpans(text, AT_SPAN, (_w, inner) => `[${inner}]`)).toBe(expected);
    }
  });

  it('<at>…</at> on one line', () => {
    for (const text of TEXTS) {
      expect(replaceTagSpans(text, AT_ON_ONE_LINE, (whole) => `(${whole.length})`)).toBe(text.replace(/<at>.*?<\/at>/gi, (w) => `(${w.length})`));
    }
  });

  it('tags up to the last >', () => {
    for (const text of TEXTS) expect(replaceUpToLast(text, '>', /<[^>]*>/g, '|')).toBe(text.replace(/<[^>]*>/g, '|'));
  });

  it('trailing punctuation', () => {
    for (const text of TEXTS) expect(trimEndChars(text, ".'@-")).toBe(text.replace(/[.'@-]+$/, ''));
  });

  it('e-mail addresses, with and without word boundaries', () => {
    const plain = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
    const bounded = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
    for (const text of TEXTS) {
      const found = (re: RegExp) => [...text.matchAll(new RegExp(re.source, 'g'))].map((m) => `${m.index}:${m[0]}`);
      expect(runAnchoredMatches(text, /[\w.+'-]+/g, plain).map((m) => `${m.index}:${m.text}`)).toEqual(found(plain));
      expect(runAnchoredMatches(text, /[\w.+-]+/g, bounded, isWordBoundary).map((m) => `${m.index}:${m.text}`)).toEqual(found(bounded));
    }
  });
});
