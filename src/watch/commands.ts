/**
 * Typed watch commands in every language of the lexicon (`watch`, src/i18n/locales/<lang>/lexicon.ts), on text
 * already normalized (lower case, no mention, no trailing punctuation): "watch directory sync", "what are you
 * watching?", "stop watching provisioning for servicenow", "tenant health". Parsed by the at-any-step commands
 * (src/dialogs/cancelAndHelpDialog.ts parseCommand).
 */
import { LANGS } from '../i18n';
import { alternation, fromAllLanguages, lexicon, phraseSet, wordsPattern, type Lexicon } from '../i18n/lexicon';
import type { Watch, WatchKind } from './model';

export type WatchRequest =
  | { action: 'set'; kind: WatchKind; target?: string }
  | { action: 'list' }
  | { action: 'stop'; what?: string }
  | { action: 'health' };

/** Names the admin may type are capped, quotes around them dropped. */
const MAX_TARGET = 256;
function target(raw: string | undefined): string | undefined {
  const t = (raw ?? '').replace(/^["'«»“”‘’]+|["'«»“”‘’]+$/g, '').trim();
  return t ? t.slice(0, MAX_TARGET) : undefined;
}

type Pattern = { re: RegExp; make: (m: RegExpExecArray) => WatchRequest };

/** One language's watch commands, built from its lexicon (escaped literal alternations, anchored). */
function patternsOf(w: Lexicon['watch']): Record<'sync' | 'provisioning' | 'license' | 'list' | 'stop' | 'health', Pattern> {
  const set = alternation(w.set);
  return {
    sync: { re: new RegExp(`^${set} ${alternation(w.sync)}$`), make: () => ({ action: 'set', kind: 'sync' }) },
    provisioning: {
      re: new RegExp(`^${set} ${alternation(w.provisioning)}(?: ${alternation(w.provisioningLinks)} (.+))?$`),
      make: (m) => ({ action: 'set', kind: 'provisioning', target: target(m[1]) }),
    },
    license: {
      re: new RegExp(`^${set} ${alternation(w.license)}(?: ${alternation(w.licenseLinks)} (?:${alternation(w.licenseGroupWords)} )?(.+))?$`),
      make: (m) => ({ action: 'set', kind: 'licence', target: target(m[1]) }),
    },
    list: { re: new RegExp(`^${alternation(w.list)}$`), make: () => ({ action: 'list' }) },
    stop: { re: new RegExp(`^${alternation(w.stop)}(?: (.+))?$`), make: (m) => ({ action: 'stop', what: target(m[1]) }) },
    health: { re: new RegExp(`^${alternation(w.health)}$`), make: () => ({ action: 'health' }) },
  };
}

const BY_LANG = LANGS.map((lang) => patternsOf(lexicon(lang).watch));
/** Each command in every language, in this order. */
const PATTERNS: Pattern[] = (['sync', 'provisioning', 'license', 'list', 'stop', 'health'] as const).flatMap((kind) => BY_LANG.map((p) => p[kind]));

export function parseWatchRequest(normalized: string): WatchRequest | undefined {
  for (const { re, make } of PATTERNS) {
    const m = re.exec(normalized);
    if (m) return make(m);
  }
  return undefined;
}

const KIND_WORDS: Record<WatchKind, RegExp> = {
  sync: wordsPattern(fromAllLanguages((l) => l.watch.kindWords.sync)),
  provisioning: wordsPattern(fromAllLanguages((l) => l.watch.kindWords.provisioning)),
  licence: wordsPattern(fromAllLanguages((l) => l.watch.kindWords.license)),
};
const ALL = phraseSet((l) => l.watch.everything);
/** A link word at the start of the rest ("for ServiceNow"): any language's provisioning or license link. */
const LEADING_LINK = new RegExp(`^\\s*${alternation(fromAllLanguages((l) => [...l.watch.provisioningLinks, ...l.watch.licenseLinks]))}\\s+`);

/**
 * The watches "stop watching <what>" means: all of them for "everything"/"alt"; else those whose kind is named
 * and whose app or group (when one is named after the kind) matches. Empty when nothing fits.
 */
export function watchesMeant(watches: Watch[], what: string | undefined): Watch[] {
  if (!what) return [];
  const text = what.toLowerCase();
  if (ALL.has(text)) return watches;
  return watches.filter((w) => {
    const kind = KIND_WORDS[w.kind].exec(text);
    const rest = (kind ? text.slice(kind.index + kind[0].length) : text).replace(LEADING_LINK, '').trim();
    const name = w.subject?.displayName.toLowerCase();
    if (!kind) return !!name && rest.length > 0 && name === rest;
    if (!rest) return true;
    return !!name && name === rest;
  });
}
