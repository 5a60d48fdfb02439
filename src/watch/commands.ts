/**
 * Typed watch commands, English and Norwegian Bokmål, on text already normalised (lower case, no mention, no
 * trailing punctuation): "watch directory sync", "overvåk klargjøring for ServiceNow", "hva overvåker du?",
 * "stop watching provisioning for servicenow", "helsesjekk". Parsed by the at-any-step commands
 * (src/dialogs/cancelAndHelpDialog.ts parseCommand).
 */
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

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => WatchRequest }[] = [
  { re: /^(?:please )?watch (?:the )?(?:directory sync(?:hroni[sz]ation)?|dir ?sync|entra connect sync|sync)$/, make: () => ({ action: 'set', kind: 'sync' }) },
  { re: /^(?:vennligst )?overvåk (?:katalogsynkronisering(?:en)?|katalogsynk|synkronisering(?:en)?)$/, make: () => ({ action: 'set', kind: 'sync' }) },
  { re: /^(?:please )?watch (?:the )?provisioning(?: (?:for|to|of|in) (.+))?$/, make: (m) => ({ action: 'set', kind: 'provisioning', target: target(m[1]) }) },
  { re: /^(?:vennligst )?overvåk klargjøring(?:en)?(?: (?:for|til|av|i) (.+))?$/, make: (m) => ({ action: 'set', kind: 'provisioning', target: target(m[1]) }) },
  { re: /^(?:please )?watch (?:the )?licen[cs]e errors(?: (?:for|in|of) (?:the )?(?:group )?(.+))?$/, make: (m) => ({ action: 'set', kind: 'licence', target: target(m[1]) }) },
  { re: /^(?:vennligst )?overvåk lisensfeil(?:ene)?(?: (?:for|i|på) (?:gruppen? )?(.+))?$/, make: (m) => ({ action: 'set', kind: 'licence', target: target(m[1]) }) },
  { re: /^(?:what are you watching|what do you watch|what are you watching here|list (?:my )?watches|show (?:my )?watches|watches)$/, make: () => ({ action: 'list' }) },
  { re: /^(?:hva overvåker du(?: her)?|vis overvåkinger|overvåkinger)$/, make: () => ({ action: 'list' }) },
  { re: /^(?:stop|quit) watching(?: (.+))?$/, make: (m) => ({ action: 'stop', what: target(m[1]) }) },
  { re: /^(?:slutt å overvåke|stopp overvåking(?:en)?(?: av)?)(?: (.+))?$/, make: (m) => ({ action: 'stop', what: target(m[1]) }) },
  { re: /^(?:tenant health|health check|health report|tenant health check|helsesjekk|helsesjekk av leieren|leierhelse)$/, make: () => ({ action: 'health' }) },
];

export function parseWatchRequest(normalised: string): WatchRequest | undefined {
  for (const { re, make } of PATTERNS) {
    const m = re.exec(normalised);
    if (m) return make(m);
  }
  return undefined;
}

const KIND_WORDS: Record<WatchKind, RegExp> = {
  sync: /\b(?:directory sync|dir ?sync|sync|katalogsynkronisering(?:en)?|katalogsynk|synkronisering(?:en)?)\b/,
  provisioning: /\b(?:provisioning|klargjøring(?:en)?)\b/,
  licence: /\b(?:licen[cs]e errors?|lisensfeil(?:ene)?)\b/,
};
const ALL = /^(?:all|everything|all watches|alt|alle|alle overvåkinger)$/;

/**
 * The watches "stop watching <what>" means: all of them for "everything"/"alt"; else those whose kind is named
 * and whose app or group (when one is named after the kind) matches. Empty when nothing fits.
 */
export function watchesMeant(watches: Watch[], what: string | undefined): Watch[] {
  if (!what) return [];
  const text = what.toLowerCase();
  if (ALL.test(text)) return watches;
  return watches.filter((w) => {
    const kind = KIND_WORDS[w.kind].exec(text);
    const rest = (kind ? text.slice(kind.index + kind[0].length) : text).replace(/^\s*(?:for|to|of|in|til|av|i|på)\s+/, '').trim();
    const name = w.subject?.displayName.toLowerCase();
    if (!kind) return !!name && rest.length > 0 && name === rest;
    if (!rest) return true;
    return !!name && name === rest;
  });
}
