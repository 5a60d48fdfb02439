/**
 * Is the admin asking about the whole tenant? "is directory sync healthy right now?", "which groups have users with
 * licence errors?", "which apps are in quarantine?" (and the same in Norwegian). Words, not a model: the answer is
 * used only when the admin named nothing (dialogs/issueDialog.ts), so the live check answers for the tenant instead of
 * asking "which group?" or "which app?" first.
 */
import { fromAllLanguages, unicodeWordsPattern } from '../i18n/lexicon';
import type { Lexicon } from '../i18n/lexiconTypes';
import type { TenantScope } from '../topics';

const pattern = (pick: (w: Lexicon['tenantWide']) => string[]) => unicodeWordsPattern(fromAllLanguages((l) => pick(l.tenantWide)));

const ASKING_WHICH = pattern((w) => w.askingWhich);
const QUARANTINE = pattern((w) => w.quarantine);
const ALL = pattern((w) => w.all);
const JOBS = pattern((w) => w.jobs);
const GROUPS = pattern((w) => w.groups);
const LICENSES = pattern((w) => w.licenses);
const SYNC = pattern((w) => w.sync);
/** One object ("my group", "the user", "appen"): not a tenant-wide sync question. */
const ONE_OBJECT = pattern((w) => w.oneObject);
const STATE_NOW = pattern((w) => w.stateNow);

export function tenantWideScope(text: string): TenantScope | undefined {
  const s = text.toLowerCase();
  if ((QUARANTINE.test(s) && (ASKING_WHICH.test(s) || ALL.test(s))) || (ALL.test(s) && JOBS.test(s) && STATE_NOW.test(s))) return 'apps';
  if ((ASKING_WHICH.test(s) || ALL.test(s)) && GROUPS.test(s) && LICENSES.test(s)) return 'licenses';
  if (SYNC.test(s) && STATE_NOW.test(s) && !LICENSES.test(s) && !ONE_OBJECT.test(s)) return 'sync';
  return undefined;
}
