/** Tree G2: deleting a group that still has licences assigned. Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class GroupDeleteLicensedDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('group.delete_licensed', deps, langs);
  }
}
