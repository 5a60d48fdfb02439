/** Tree P4: the wrong set of users is provisioned (optional user). Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class ProvisioningWrongUsersDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('provisioning.wrong_users', deps, langs);
  }
}
