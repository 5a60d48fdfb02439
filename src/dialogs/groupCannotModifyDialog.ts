/** Tree G1: a group that can't be edited (synced, mail-enabled, dynamic, role-assignable, missing rights). Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class GroupCannotModifyDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('group.cannot_modify', deps, langs);
  }
}
