/** Knowledge card G3: how Entra Connect syncs groups (tenant-wide, no target). Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class GroupSyncHowtoDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('group.sync_howto', deps, langs);
  }
}
