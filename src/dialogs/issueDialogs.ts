/** Every issue dialog, by intent label. */
import type { IssueIntent } from '../recognizer/intents';
import type { DialogDeps } from './deps';
import type { LangStore } from './lang';
import type { IssueDialog } from './issueDialog';
import { GroupCannotModifyDialog } from './groupCannotModifyDialog';
import { GroupDeleteLicensedDialog } from './groupDeleteLicensedDialog';
import { GroupSyncErrorsDialog } from './groupSyncErrorsDialog';
import { GroupSyncHowtoDialog } from './groupSyncHowtoDialog';
import { ProvisioningSetupDialog } from './provisioningSetupDialog';
import { ProvisioningConfigErrorDialog } from './provisioningConfigErrorDialog';
import { ProvisioningNoUsersDialog } from './provisioningNoUsersDialog';
import { ProvisioningWrongUsersDialog } from './provisioningWrongUsersDialog';
import { ProvisioningLogsDialog } from './provisioningLogsDialog';

export const ISSUE_DIALOGS: Record<IssueIntent, new (deps: DialogDeps, langs?: LangStore) => IssueDialog> = {
  'group.cannot_modify': GroupCannotModifyDialog,
  'group.delete_licensed': GroupDeleteLicensedDialog,
  'group.sync_errors': GroupSyncErrorsDialog,
  'group.sync_howto': GroupSyncHowtoDialog,
  'provisioning.setup': ProvisioningSetupDialog,
  'provisioning.config_error': ProvisioningConfigErrorDialog,
  'provisioning.no_users': ProvisioningNoUsersDialog,
  'provisioning.wrong_users': ProvisioningWrongUsersDialog,
  'provisioning.logs': ProvisioningLogsDialog,
};
