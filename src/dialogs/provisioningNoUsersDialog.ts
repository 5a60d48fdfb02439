/** Tree P3: provisioning set up but no users provisioned (optional user). Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class ProvisioningNoUsersDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('provisioning.no_users', deps, langs);
  }
}
