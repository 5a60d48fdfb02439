/** Tree P2: Test Connection / credentials / quarantine problems while configuring. Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class ProvisioningConfigErrorDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('provisioning.config_error', deps, langs);
  }
}
