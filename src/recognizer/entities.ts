/**
 * Targets named in an utterance: the group, the enterprise app and the user the admin already mentioned.
 * Rules, not a model: quoted names, object ids and e-mail addresses are certain; a name after (or just
 * before) a group, app or preposition keyword (the lexicon's `entities` words) is taken when it looks like a name.
 */
import { tenantWideScope } from './tenantWide';
import { runAnchoredMatches, trimEndChars } from '../textScan';
import { alternation, fromAllLanguages, wordsPattern, type Lexicon } from '../i18n/lexicon';
import type { Entities } from './types';

/** An e-mail address; found with runAnchoredMatches (linear), never by scanning with this expression alone. */
const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
const EMAIL_LOCAL_RUN = /[\w.+'-]+/g;
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** Quoted spans; straight single quotes only when not inside a word (O'Brien, can't). */
const QUOTED = /"([^"\n]{1,120})"|“([^”\n]{1,120})”|”([^”\n]{1,120})”|«([^»\n]{1,120})»|‘([^’\n]{1,120})’|(?<![\p{L}\p{N}])'([^'\n]{1,120}?)'(?![\p{L}\p{N}])/gu;

/** The words around names, in every language (lexicon `entities`, src/i18n/locales/<lang>/lexicon.ts), lower case. */
const entityWords = (pick: (e: Lexicon['entities']) => readonly string[]) => new Set(fromAllLanguages((l) => pick(l.entities)));
const GROUP_WORDS = entityWords((e) => e.groupWords);
const APP_WORDS = entityWords((e) => e.appWords);
/** Words that may only introduce an app when the text is about provisioning. */
const APP_PREPOSITIONS = entityWords((e) => e.appPrepositions);
/** Words after which a name may follow the keyword in lower case ("group named sales"). */
const NAMING = entityWords((e) => e.namingWords);
/** Words before a keyword that are never part of the name ("the Entra group", "Microsoft 365-gruppen"). */
const NOT_NAME_BEFORE = entityWords((e) => e.notNameBefore);
/**
 * Role and product words that follow a group/app word without naming one ("Groups Administrator",
 * "Microsoft 365-gruppa"): never the start of a name.
 */
const NOT_A_NAME = entityWords((e) => e.notAName);
/** A product number glued to a group word ("Microsoft 365-gruppa", "Office 365-gruppen"): not a group name. */
const PRODUCT_NUMBER = /^(?:365|o365|m365)$/i;
/** At most this many candidate spans are kept (each costs one sub-request per kind in the resolution batch). */
export const MAX_NAME_SPANS = 5;
/** Words that end a name after a keyword (verbs, negations, prepositions in every language). */
const STOP_AFTER = entityWords((e) => e.stopAfter);
const PROVISIONING_CONTEXT = new RegExp(
  [alternation(fromAllLanguages((l) => l.entities.provisioningCues)), wordsPattern(fromAllLanguages((l) => l.entities.provisioningCueWords)).source].join('|'),
  'i',
);
/** Nouns a capitalised app name may stand before ("Workday provisioning"). */
const PROVISIONING_NOUNS = entityWords((e) => e.provisioningNouns);
const GROUP_SUFFIXES = entityWords((e) => e.groupSuffixes);
/** Compounds "<name>-<group or app word>". */
const COMPOUND = new RegExp(`^(.+)-(${alternation([...GROUP_SUFFIXES, ...entityWords((e) => e.appSuffixes)])})$`, 'iu');

interface Token {
  raw: string;
  clean: string;
  lower: string;
  /** True when a sentence punctuation mark ended this token (the name stops here). */
  ends: boolean;
}

const LEADING = '([{<';
const TRAILING = ')]}>.,;:!?';

/** A whitespace-separated word without surrounding brackets and punctuation. */
function cleanWord(raw: string): string {
  let start = 0;
  while (start < raw.length && LEADING.includes(raw[start])) start++;
  return trimEndChars(raw.slice(start), TRAILING);
}

function token(raw: string): Token {
  const clean = cleanWord(raw);
  return { raw, clean, lower: clean.toLowerCase(), ends: /[.,;:!?)]$/.test(raw) };
}

function tokenise(text: string): Token[] {
  return text
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map(token);
}

/** The e-mail addresses in a text, in order (linear in the text's length). */
function emails(text: string): { index: number; text: string }[] {
  return runAnchoredMatches(text, EMAIL_LOCAL_RUN, EMAIL);
}

function hasEmail(text: string): boolean {
  return emails(text).length > 0;
}

/** Keywords are short: a longer word (with its brackets and punctuation) is never one, so it is not looked at. */
const MAX_KEYWORD_RAW = 64;

/**
 * The words of a text with their positions, to ask "which words come just before / after this span?" without
 * tokenising the text again for every quote or address in it (which made extraction quadratic).
 */
class WordIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly lowers: string[] = [];

  constructor(private readonly text: string) {
    for (const m of text.matchAll(/\S+/g)) {
      this.starts.push(m.index ?? 0);
      this.ends.push((m.index ?? 0) + m[0].length);
      this.lowers.push(m[0].length > MAX_KEYWORD_RAW ? '' : token(m[0]).lower);
    }
  }

  private lower(from: number, to: number): string {
    return to - from > MAX_KEYWORD_RAW ? '' : token(this.text.slice(from, to)).lower;
  }

  /** Index of the last word starting before `pos`, or -1. */
  private lastStartingBefore(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The last `count` words (lower case) of text.slice(0, pos), as tokenise would give them. */
  before(pos: number, count: number): string[] {
    const out: string[] = [];
    let i = this.lastStartingBefore(pos);
    if (i >= 0 && this.ends[i] > pos) {
      out.unshift(this.lower(this.starts[i], pos)); // the span starts inside this word
      i--;
    }
    for (; i >= 0 && out.length < count; i--) out.unshift(this.lowers[i]);
    return out;
  }

  /** The first word (lower case) of text.slice(pos), as tokenise would give it. */
  after(pos: number): string[] {
    const i = this.lastStartingBefore(pos);
    if (i >= 0 && this.ends[i] > pos) return [this.lower(pos, this.ends[i])]; // the span ends inside this word
    const next = i + 1;
    return next < this.starts.length ? [this.lowers[next]] : [];
  }
}

function looksLikeName(token: Token): boolean {
  return /^[\p{Lu}\p{N}]/u.test(token.clean) || /[\p{Lu}][\p{Ll}]*[\p{Lu}]/u.test(token.clean) || /[_@#]/.test(token.clean);
}

/** Name tokens after position `start`: stop at a stop word, punctuation or the end. */
function nameAfter(tokens: Token[], start: number, lowerAllowed: boolean): string | undefined {
  const parts: string[] = [];
  for (let i = start; i < tokens.length && parts.length < 6; i++) {
    const t = tokens[i];
    if (t.clean.length === 0 || STOP_AFTER.has(t.lower)) break;
    if (parts.length === 0 && (NOT_A_NAME.has(t.lower) || (!lowerAllowed && !looksLikeName(t)))) break;
    parts.push(t.clean);
    if (t.ends) break;
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Capitalised name tokens just before position `end` ("the Sales group", "Workday-appen"). */
function nameBefore(tokens: Token[], end: number): string | undefined {
  const parts: string[] = [];
  for (let i = end - 1; i >= 0 && parts.length < 4; i--) {
    const t = tokens[i];
    if (t.ends || NOT_NAME_BEFORE.has(t.lower) || STOP_AFTER.has(t.lower) || !looksLikeName(t)) break;
    parts.unshift(t.clean);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

type Kind = 'group' | 'app';

const PRODUCT_GROUP = new RegExp(`^(?:microsoft|office|m|o)?365-${alternation([...GROUP_SUFFIXES])}$`);

function keywordKind(lower: string, provisioning: boolean): Kind | 'prep' | undefined {
  if (GROUP_WORDS.has(lower) || PRODUCT_GROUP.test(lower)) return 'group';
  if (APP_WORDS.has(lower)) return 'app';
  if (provisioning && APP_PREPOSITIONS.has(lower)) return 'prep';
  return undefined;
}

/** Compound forms such as "Workday-app" or "Sales-group": the part before the hyphen is the name. */
function compound(token: Token): { kind: Kind; name: string } | undefined {
  const m = COMPOUND.exec(token.clean);
  if (!m || PRODUCT_NUMBER.test(m[1]) || !looksLikeName({ ...token, clean: m[1] })) return undefined;
  return { kind: GROUP_SUFFIXES.has(m[2].toLowerCase()) ? 'group' : 'app', name: m[1] };
}

/** A token that can be part of a capitalised run ("Anna Berg", "Salg Oslo"): a name-like word that is no keyword. */
function runWord(t: Token): boolean {
  return (
    t.clean.length > 0 &&
    looksLikeName(t) &&
    !/^\d+$/.test(t.clean) &&
    !NOT_NAME_BEFORE.has(t.lower) &&
    !STOP_AFTER.has(t.lower) &&
    !NOT_A_NAME.has(t.lower) &&
    !GROUP_WORDS.has(t.lower) &&
    !APP_WORDS.has(t.lower) &&
    !PRODUCT_GROUP.test(t.lower) &&
    compound(t) === undefined &&
    !GUID.test(t.clean) &&
    !t.clean.includes('@')
  );
}

/** Capitalised runs of up to four words, in order (one pass over the tokens). */
function capitalizedRuns(tokens: Token[]): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run.join(' '));
    run = [];
  };
  for (const t of tokens) {
    if (!runWord(t)) {
      close();
      continue;
    }
    run.push(t.clean);
    if (t.ends || run.length === 4) close();
  }
  close();
  return runs;
}

/** Distinct spans (case-insensitive), at most MAX_NAME_SPANS. */
function distinctSpans(spans: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of spans) {
    const span = s?.trim();
    if (!span || seen.has(span.toLowerCase())) continue;
    seen.add(span.toLowerCase());
    out.push(span);
    if (out.length === MAX_NAME_SPANS) break;
  }
  return out;
}

/**
 * Every span that may name a user, group or app: quoted text, addresses, object ids, names next to keywords and
 * capitalised runs. Which kind each one is, the tenant decides (graph/resolve).
 */
export function extractEntities(text: string): Entities {
  const entities: Entities = {};
  const spans: string[] = [];
  const provisioning = PROVISIONING_CONTEXT.test(text);

  const words = new WordIndex(text);

  // An address right next to a group word is the group's mail ("sales@contoso.com group"); any other is the user.
  for (const m of emails(text)) {
    let lead = 0;
    while (m.text[lead] === "'") lead++;
    const address = trimEndChars(m.text.slice(lead), "'");
    const before = words.before(m.index, 1);
    const after = words.after(m.index + m.text.length);
    if ([...before, ...after].some((w) => GROUP_WORDS.has(w))) entities.group ??= address;
    else entities.user ??= address;
    spans.push(address);
  }

  // 1. Quoted names: the keyword just before the quote (or the context) says whether it is a group or an app.
  const restParts: string[] = [];
  let restFrom = 0;
  for (const m of text.matchAll(QUOTED)) {
    const name = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').trim();
    if (!name || (hasEmail(name) && (name === entities.user || name === entities.group))) continue;
    const index = m.index ?? 0;
    const near = [...words.before(index, 2), ...words.after(index + m[0].length)];
    let kind: Kind;
    if (near.some((w) => GROUP_WORDS.has(w))) kind = 'group';
    else if (near.some((w) => APP_WORDS.has(w))) kind = 'app';
    else if (provisioning) kind = 'app';
    else kind = 'group';
    if (entities[kind] === undefined) entities[kind] = name;
    spans.push(name);
    restParts.push(text.slice(restFrom, index), ' ');
    restFrom = index + m[0].length;
  }
  const rest = restParts.length === 0 ? text : restParts.join('') + text.slice(restFrom);

  const tokens = tokenise(rest);

  // 2. Object ids: a group or app id depending on the nearest keyword or the context.
  const guidIndex = tokens.findIndex((t) => GUID.test(t.clean));
  if (guidIndex >= 0) {
    const guid = GUID.exec(tokens[guidIndex].clean)![0];
    const near = tokens.slice(Math.max(0, guidIndex - 3), guidIndex).map((t) => keywordKind(t.lower, provisioning));
    const kind: Kind = near.includes('group') ? 'group' : near.includes('app') || near.includes('prep') ? 'app' : provisioning ? 'app' : 'group';
    if (entities[kind] === undefined) entities[kind] = guid;
  }

  // 3. Names next to keywords.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const c = compound(t);
    if (c && entities[c.kind] === undefined) {
      entities[c.kind] = c.name;
      continue;
    }
    const kind = keywordKind(t.lower, provisioning);
    if (!kind) continue;
    if (kind === 'prep') {
      if (entities.app === undefined && !t.ends) {
        const next = tokens[i + 1];
        if (next && GROUP_WORDS.has(next.lower)) continue;
        const name = nameAfter(tokens, i + 1, false);
        if (name && !GUID.test(name) && !hasEmail(name) && !NOT_NAME_BEFORE.has(name.split(' ')[0].toLowerCase())) {
          entities.app = name;
        }
      }
      continue;
    }
    if (entities[kind] !== undefined) continue;
    const lowerAllowed = i + 1 < tokens.length && NAMING.has(tokens[i + 1].lower);
    const after = t.ends ? undefined : nameAfter(tokens, lowerAllowed ? i + 2 : i + 1, lowerAllowed);
    const name = after ?? nameBefore(tokens, i);
    if (name && !hasEmail(name)) entities[kind] = name;
  }

  // "Workday provisioning …": a capitalised name before the provisioning word.
  if (entities.app === undefined) {
    const at = tokens.findIndex((t) => PROVISIONING_NOUNS.has(t.lower));
    if (at > 0) {
      const name = nameBefore(tokens, at);
      if (name && provisioning) entities.app = name;
    }
  }
  const names = distinctSpans([entities.app, entities.group, entities.user, ...spans, ...capitalizedRuns(tokens)]);
  if (names.length > 0) entities.names = names;
  else {
    const scope = tenantWideScope(text);
    if (scope) entities.tenantWide = scope;
  }
  return entities;
}
