/** Tree G4: tenant sync health and Entra Connect export errors (optional group or pasted error text). Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class GroupSyncErrorsDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('group.sync_errors', deps, langs);
  }
}
