/**
 * The one grammar for the in-chat sign-in commands: "sign in as helpdesk" / "logg inn som helpdesk" and
 * "sign out" / "logg ut". The dialogs' command table (src/dialogs/cancelAndHelpDialog.ts) and the sample-tenant
 * sign-in card (src/auth/sampleSignIn.ts) both read typed text through `parseSignInCommand`, so a phrasing works
 * everywhere or nowhere. Every language's phrases are accepted whatever language the conversation uses.
 */
import { fromAllLanguages, phraseSet } from '../i18n/lexicon';
import { AT_ON_ONE_LINE, replaceTagSpans } from '../textScan';
import { normalizePersona } from './personas';

export type SignInCommand =
  | { kind: 'persona'; persona: string }
  /** "sign in as anna@contoso.com": the command, with a word that cannot be a sample persona's name. */
  | { kind: 'notAPersona'; name: string }
  | { kind: 'signout' };

/** Phrases per language, matched case-insensitively against text whose spaces are already single. */
/** Every language's phrases at once (a sign-in command works whatever language the conversation is in). */
const SIGN_OUT = phraseSet((l) => l.commands.signOut);
/** Longest first, so "please sign in as" wins over a shorter phrase it contains. */
const SIGN_IN_AS = fromAllLanguages((l) => l.commands.signInAs).sort((a, b) => b.length - a.length);

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const QUOTES = '"\'«»“”‘’';
const TRAILING = `.!?,;:${QUOTES}`;

/** Mentions out, spaces single, surrounding quotes and closing punctuation off; case is kept (persona names). */
function clean(text: string): string {
  let s = replaceTagSpans(text, AT_ON_ONE_LINE, () => ' ')
    .replace(/\s+/g, ' ')
    .trim();
  while (s && TRAILING.includes(s[s.length - 1])) s = s.slice(0, -1).trimEnd();
  while (s && QUOTES.includes(s[0])) s = s.slice(1).trimStart();
  return s;
}

function unquote(word: string): string {
  let s = word.trim();
  while (s && QUOTES.includes(s[0])) s = s.slice(1);
  while (s && QUOTES.includes(s[s.length - 1])) s = s.slice(0, -1);
  return s.trim();
}

/**
 * "sign in as helpdesk", "Logg på som «groups».", "<at>SyncHelper</at> log in as appadmin" → a persona;
 * "sign out", "logg meg ut" → sign out. Anything else (a question that merely contains the words) is undefined,
 * for the recogniser to handle. Known personas come back in their canonical spelling, others as typed.
 */
export function parseSignInCommand(text: string | undefined): SignInCommand | undefined {
  if (!text) return undefined;
  const cleaned = clean(text);
  if (!cleaned) return undefined;
  const lower = cleaned.toLowerCase();
  if (SIGN_OUT.has(lower)) return { kind: 'signout' };
  const phrase = SIGN_IN_AS.find((p) => lower.startsWith(`${p} `));
  if (!phrase) return undefined;
  const name = unquote(cleaned.slice(phrase.length + 1));
  if (!NAME.test(name)) return undefined;
  const persona = normalizePersona(name);
  return persona ? { kind: 'persona', persona } : { kind: 'notAPersona', name };
}
