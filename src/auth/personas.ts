/**
 * Sample-tenant personas (README, "The sample tenant"): sign-in is simulated as one of these.
 * The Graph client sends the persona name as the bearer token, and the sample tenant answers as that person.
 * Any other name is passed through unchanged, for tenants (GRAPH_BASE_URL) that define more personas.
 */
import { hasKey, t, type Lang } from '../i18n';

export const KNOWN_PERSONAS = ['ga', 'groups', 'appadmin', 'helpdesk'] as const;

/** Persona names are short identifiers; anything else is refused so it can't smuggle text into a header. */
const PERSONA_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

function isValidPersonaName(name: string): boolean {
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
