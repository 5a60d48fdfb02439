/** Provisioning logs (§6.5): find and read entries and error codes (optional user). Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class ProvisioningLogsDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('provisioning.logs', deps, langs);
  }
}
