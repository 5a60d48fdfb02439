/**
 * Sample-tenant personas (DESIGN.md "Running with no Azure account"): sign-in is simulated as one of these.
 * The Graph client sends the persona name as the bearer token, and the sample tenant answers as that person.
 * Any other name is passed through unchanged, for tenants (GRAPH_BASE_URL) that define more personas.
 */
import { hasKey, t, type Lang } from '../i18n';
import { AT_ON_ONE_LINE, replaceTagSpans } from '../textScan';

export const KNOWN_PERSONAS = ['ga', 'groups', 'appadmin', 'helpdesk'] as const;
export type KnownPersona = (typeof KNOWN_PERSONAS)[number];

/** Persona names are short identifiers; anything else is refused so it can't smuggle text into a header. */
const PERSONA_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function isValidPersonaName(name: string): boolean {
  return PERSONA_NAME.test(name);
}

export function normalizePersona(name: string): string | undefined {
  const trimmed = name.trim();
  if (!isValidPersonaName(trimmed)) return undefined;
  const lower = trimmed.toLowerCase();
  return (KNOWN_PERSONAS as readonly string[]).includes(lower) ? lower : trimmed;
}

/** "Groups Administrator (groups)" for known personas; the bare name for others. */
export function personaLabel(lang: Lang, persona: string): string {
  const key = `auth.persona.${persona}`;
  return hasKey(key, lang) || hasKey(key) ? `${t(lang, key)} (${persona})` : persona;
}

export type SignInCommand = { kind: 'persona'; persona: string } | { kind: 'signout' };

const PERSONA_COMMAND = /^\s*(?:please\s+)?(?:sign|log)\s*(?:in|on)\s+as\s+(\S+?)[.!]?\s*$|^\s*(?:logg?\s*(?:inn|på))\s+som\s+(\S+?)[.!]?\s*$/i;
const SIGN_OUT_COMMAND = /^\s*(?:please\s+)?(?:sign\s*out|log\s*out|log\s*off|logout|signout|logg?\s*ut|logg?\s*av)[.!]?\s*$/i;

/**
 * Recognise the in-chat sign-in commands: "sign in as helpdesk" / "logg inn som helpdesk" and
 * "sign out" / "logg ut". Returns undefined for anything else (the recogniser handles that).
 */
export function parseSignInCommand(text: string | undefined): SignInCommand | undefined {
  if (!text) return undefined;
  const cleaned = replaceTagSpans(text, AT_ON_ONE_LINE, () => ' ').trim();
  if (SIGN_OUT_COMMAND.test(cleaned)) return { kind: 'signout' };
  const m = PERSONA_COMMAND.exec(cleaned);
  const name = m?.[1] ?? m?.[2];
  if (!name) return undefined;
  const persona = normalizePersona(name);
  return persona ? { kind: 'persona', persona } : undefined;
}
