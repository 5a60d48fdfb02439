/**
 * Adding a language is a folder plus training data: every language's lexicon has the same fields, none of its
 * word lists is empty by accident, the locale table knows it, and the code outside the lexicons, the locale table
 * and the sample tenant's data writes no Norwegian letters (so no Norwegian words hide in its expressions).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { bcp47, LANGS, LOCALES, resolveLang } from '../../src/i18n';
import { alternation, LEXICONS, wordsPattern } from '../../src/i18n/lexicon';
import { TRAINING_FILES } from '../../src/recognizer';

const SRC = path.resolve(__dirname, '../../src');

/** Every field path of a lexicon and its value ("commands.help" → [...]). */
function fields(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (Array.isArray(v) || k === 'letters') out.set(key, v);
      else for (const [kk, vv] of fields(v, key)) out.set(kk, vv);
    }
  }
  return out;
}

/**
 * Fields a language may leave empty: letters only it writes (English has none), and words that settle the
 * language on their own (English words turn up in Norwegian chat, so none does that for English).
 */
const MAY_BE_EMPTY = new Set(['letters', 'detection.strongWords']);

describe('one lexicon per language', () => {
  const shape = [...fields(LEXICONS.en).keys()].sort();

  it.each(LANGS.map((l) => [l]))('%s has the same fields as English', (lang) => {
    expect([...fields(LEXICONS[lang]).keys()].sort()).toEqual(shape);
  });

  it.each(LANGS.map((l) => [l]))('%s has no empty word list and no empty, padded or upper-case word', (lang) => {
    const problems: string[] = [];
    for (const [key, value] of fields(LEXICONS[lang])) {
      // Synonyms are [expression, token] pairs: both halves are checked like words.
      const list = Array.isArray(value) ? (value as (string | string[])[]).flat() : Object.keys(value as Record<string, string>);
      if (list.length === 0 && !MAY_BE_EMPTY.has(key)) problems.push(`${key} is empty`);
      for (const word of list) {
        if (word.trim() !== word || word === '' || / {2}/.test(word)) problems.push(`${key}: "${word}" has stray spaces`);
        if (word !== word.toLowerCase()) problems.push(`${key}: "${word}" is not lower case`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every language in the locale table has a lexicon, strings and training data, and answers to its own code', () => {
    for (const { code, dateLocale } of LOCALES) {
      expect(LEXICONS[code]).toBeDefined();
      expect(fs.existsSync(path.join(SRC, 'i18n', 'locales', code, 'common.json'))).toBe(true);
      expect(TRAINING_FILES).toContain(`train.${code}.json`);
      expect(resolveLang(`${code}-XX`)).toBe(code);
      expect(bcp47(code)).toBe(dateLocale);
    }
  });

  it('a Norwegian Teams client (nb-NO, nn-NO, no) is answered in Bokmål, any other locale in English', () => {
    expect(['nb-NO', 'nn-NO', 'no', 'NB_no'].map((l) => resolveLang(l))).toEqual(['nb', 'nb', 'nb', 'nb']);
    expect(['en-US', 'sv-SE', '', undefined, 42].map((l) => resolveLang(l))).toEqual(['en', 'en', 'en', 'en', 'en']);
  });
});

describe('expressions built from a lexicon', () => {
  it('match the words literally: a dot or a bracket in a phrase is no pattern', () => {
    const re = new RegExp(`^${alternation(['a.b', '(x)'])}$`);
    expect(['a.b', '(x)'].map((s) => re.test(s))).toEqual([true, true]);
    expect(['axb', 'x'].map((s) => re.test(s))).toEqual([false, false]);
  });

  it('prefer the longest phrase, let "klargjøring*" cover "klargjøringen", and match whole words only ("happen" has no "app")', () => {
    expect(new RegExp(`^${alternation(['watch', 'watch the'])} (.+)$`).exec('watch the sync')?.[1]).toBe('sync');
    const family = wordsPattern(['klargjøring*', 'app']);
    expect(['klargjøringen feiler', 'it is the app', 'happen'].map((s) => family.test(s))).toEqual([true, true, false]);
  });

  it('refuse an empty list, which would match everything', () => {
    expect(() => alternation([])).toThrow();
  });
});

/** String, template and regular-expression tokens of a source file (comments left out). */
function codeTokens(file: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, fs.readFileSync(file, 'utf8'));
  const out: string[] = [];
  // Open braces since each `${` still open: a `}` at depth 0 continues its template.
  const templates: number[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const divides = [ts.SyntaxKind.Identifier, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken].includes(previous);
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !divides) kind = scanner.reScanSlashToken();
    if (kind === ts.SyntaxKind.OpenBraceToken && templates.length) templates[templates.length - 1]++;
    if (kind === ts.SyntaxKind.CloseBraceToken && templates.length) {
      if (templates[templates.length - 1] === 0) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
      } else templates[templates.length - 1]--;
    }
    if (kind === ts.SyntaxKind.TemplateHead) templates.push(0);
    out.push(scanner.getTokenText());
    previous = kind;
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Where Norwegian letters belong: the lexicons and strings, the locale table's names, the sample tenant's data. */
const LANGUAGE_HOMES = [path.join('i18n', 'locales') + path.sep, path.join('i18n', 'locales.ts'), 'sampleTenant' + path.sep];
/** Not moved yet: the "sign in as" grammar (src/auth, being reworked on its own; issue #7). */

describe('code outside the lexicons holds no Norwegian words', () => {
  it('writes no æ, ø or å in code (strings, templates and expressions; comments may quote an admin)', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file);
      if (LANGUAGE_HOMES.some((home) => rel.startsWith(home))) continue;
      for (const token of codeTokens(file)) {
        if (!/[æøåÆØÅ]/.test(token)) continue;
        found.push(`${rel}: ${token.slice(0, 80)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the scan sees what it is looking for: a Norwegian word in an expression is found, one in a comment is not', () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lex-')), 'x.ts');
    fs.writeFileSync(tmp, "// hva overvåker du\nconst a = 1 / 2;\nconst re = /^overvåk$/;\nconst s = `x${a}på`;\n");
    expect(codeTokens(tmp).filter((t) => /[æøå]/.test(t))).toEqual(['/^overvåk$/', '}på`']);
  });
});

describe("the recogniser's per-language tables", () => {
  it.each(LANGS.map((l) => [l]))('%s synonyms are valid expressions that each turn some words into their token', (lang) => {
    for (const [source, token] of LEXICONS[lang].recognizer.synonyms) {
      const re = new RegExp(source, 'g');
      expect(token).toMatch(/^[a-z0-9]+$/);
      expect(re.test('')).toBe(false);
    }
  });

  it('a Norwegian negation and a Norwegian product word are normalized to the same tokens as their English twins', () => {
    const { normalize } = jest.requireActual('../../src/recognizer/normalize') as typeof import('../../src/recognizer/normalize');
    expect(normalize('sikkerhetsgruppa blir ikke synkronisert').words).toEqual(expect.arrayContaining(['not', 'secgroup']));
    expect(normalize("the security group doesn't sync").words).toEqual(expect.arrayContaining(['not', 'secgroup', 'sync']));
  });
});
