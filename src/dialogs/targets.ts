/** Targets from what the admin typed: the answer to "Which user/group/app?". */
import type { ObjectKind } from '../topics';
import { extractEntities } from '../recognizer/entities';
import type { Target } from './liveCheckTypes';

/** A typed answer of at most this many words is the name itself ("Anna Berg", "Salg Oslo"); longer is a sentence. */
const NAME_ANSWER_WORDS = 4;

/**
 * A typed answer to "Which user/group/app?": a UPN, a display name, or a sentence with a name in it. A sentence's
 * names go to the resolver like those of the first message (the tenant says which is the user, group or app).
 */
export function targetFromAnswer(target: Target, kind: ObjectKind, raw: string): Target {
  const e = extractEntities(raw);
  const words = raw.split(/\s+/).filter(Boolean).length;
  if (kind === 'user' && e.user) return { ...target, user: e.user };
  if (words <= NAME_ANSWER_WORDS) return { ...target, [kind]: raw };
  const names = [...(target.names ?? []), ...(e.names ?? [])];
  // A group or app name can be long: the whole answer stays the name to look up, its spans are the fallbacks.
  const typed = kind === 'user' ? undefined : e[kind] ?? raw;
  return { ...target, ...(typed ? { [kind]: typed } : {}), ...(names.length ? { names } : {}) };
}
