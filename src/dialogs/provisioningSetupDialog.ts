/** Tree P1: setting up provisioning for a gallery app. Steps: src/dialogs/guides.ts; texts: guide.json. */
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import { IssueDialog } from './issueDialog';

export class ProvisioningSetupDialog extends IssueDialog {
  constructor(deps: DialogDeps, langs?: LangStore) {
    super('provisioning.setup', deps, langs);
  }
}
