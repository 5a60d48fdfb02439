/**
 * Is the admin asking about the whole tenant? "is directory sync healthy right now?", "which groups have users with
 * licence errors?", "which apps are in quarantine?" (and the same in Norwegian). Words, not a model: the answer is
 * used only when the admin named nothing (dialogs/issueDialog.ts), so the live check answers for the tenant instead of
 * asking "which group?" or "which app?" first.
 */
import type { TenantScope } from '../topics';

/** A regex of whole words (Unicode-aware: "nå" and "klargjøring" are words too); `~` stands for "any letters". */
function words(...alternatives: string[]): RegExp {
  const body = alternatives.map((a) => a.replace(/~/g, '[\\p{L}\\p{N}]*')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'u');
}

const ASKING_WHICH = words('which', 'what', 'any', 'list', 'show', 'hvilke', 'hvilken', 'hvilket', 'noen', 'vis', 'list opp');
const QUARANTINE = words('quarantin~', 'karantene~');
const ALL = words('all', 'every', 'alle');
const JOBS = words('provisioning', 'apps?', 'jobs?', 'enterprise apps?', 'klargjøring~', 'apper', 'appene', 'bedriftsapp~', 'jobb~');
const GROUPS = words('groups?', 'grupper~', 'gruppene');
const LICENSES = words('licen[cs]e~', 'lisens~');
const SYNC = words('directory sync~', 'dirsync', 'sync~', 'synchroni[sz]ation', 'entra connect', 'ad connect', 'aad connect', 'synkronisering~', 'katalogsynk~', 'synk~');
/** One object ("my group", "the user", "appen"): not a tenant-wide sync question. */
const ONE_OBJECT = words('group', 'gruppe', 'gruppa', 'gruppen', 'user', 'bruker', 'brukeren', 'app', 'appen', 'account', 'kontoen');
const STATE_NOW = words('healthy', 'health', 'working', 'running', 'ok', 'okay', 'status', 'up to date', 'right now', 'now', 'today', 'frisk~', 'fungerer', 'virker', 'går', 'oppdatert', 'nå', 'i dag');

export function tenantWideScope(text: string): TenantScope | undefined {
  const s = text.toLowerCase();
  if ((QUARANTINE.test(s) && (ASKING_WHICH.test(s) || ALL.test(s))) || (ALL.test(s) && JOBS.test(s) && STATE_NOW.test(s))) return 'apps';
  if ((ASKING_WHICH.test(s) || ALL.test(s)) && GROUPS.test(s) && LICENSES.test(s)) return 'licenses';
  if (SYNC.test(s) && STATE_NOW.test(s) && !LICENSES.test(s) && !ONE_OBJECT.test(s)) return 'sync';
  return undefined;
}
