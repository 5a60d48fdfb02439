/** The words SyncHelper listens for in English (the fields are described in src/i18n/lexicon.ts). */
import type { Lexicon } from '../../lexiconTypes';

export const en: Lexicon = {
  letters: {},
  commands: {
    help: ['help', '?', 'what can you do'],
    cancel: ['cancel', 'stop', 'quit', 'never mind'],
    restart: ['start over', 'restart', 'start again', 'reset'],
    signOut: ['', 'please '].flatMap((p) => ['sign out', 'signout', 'sign me out', 'log out', 'logout', 'log me out', 'log off', 'logoff', 'log me off'].map((w) => p + w)),
    signInAs: ['', 'please '].flatMap((p) => ['sign in as', 'signin as', 'sign on as', 'signon as', 'log in as', 'login as', 'log on as', 'logon as'].map((w) => p + w)),
    languageCard: ['language', 'change language', 'switch language'],
    useThisLanguage: [
      'switch to english', 'change to english', 'english', 'in english', 'på english', 'engelsk', 'in engelsk',
      'på engelsk', 'bytt til engelsk', 'speak english',
    ],
  },
  typedChoices: {
    live: ['check', 'check my tenant', 'live'],
    guided: ['guide', 'guide me', 'guide step by step', 'guide me step by step', 'guided', 'step', 'steps'],
    next: ['next', 'done', 'done next', 'done, next', 'ok'],
    fixed: ['that fixed it', 'fixed', 'solved', 'it works', 'it works now'],
    noHelp: ["didn't help", 'didnt help', 'did not help', 'no luck', 'still broken'],
    skip: ['skip', 'no', 'none'],
    confirm: ['yes', 'yes go ahead', 'yes, go ahead', 'go ahead', 'confirm'],
    decline: ['no', 'cancel', "don't", 'dont'],
  },
  topicSwitch: [
    'actually', 'in fact', "no it's", 'no its', 'no it is', "no, it's", 'no, its', 'no, it is', "wait it's", 'wait its',
    'wait it is', "wait, it's", 'wait, its', 'wait, it is',
  ],
  familyWords: {
    group: ['group', 'groups', 'sync', 'entra connect', 'ad connect'],
    provisioning: ['provisioning', 'provision', 'app', 'apps', 'enterprise app', 'scim'],
  },
  entities: {
    groupWords: ['group', 'groups', 'grp', 'dl', 'dg'],
    appWords: ['app', 'application', 'program'],
    appPrepositions: ['to', 'into', 'in', 'for'],
    namingWords: ['named', 'called'],
    notNameBefore: [
      'the', 'a', 'an', 'my', 'our', 'this', 'that', 'why', 'how', 'what', 'i', 'we', 'can', "can't", 'new', 'one',
      'entra', 'azure', 'ad', 'aad', 'microsoft', 'm365', 'o365', 'office', 'teams', 'team', 'security', 'distribution',
      'dynamic', 'unified', 'cloud', 'synced', 'scim', 'connect', 'enterprise', 'gallery', 'saas', 'mail-enabled',
      'hi', 'hello', 'hey', 'help', 'please', 'pls', "i'm", 'i’m', 'im', 'is', 'are', 'do', 'does', 'did', 'show',
      "it's", 'it’s', "that's", 'she', 'he', 'when', 'who', 'where', 'users',
    ],
    notAName: ['administrator', 'administrators', 'admin', 'admins', 'administratör', 'owner', 'owners', 'manager', 'reader', 'role', 'writeback'],
    stopAfter: [
      "won't", 'wont', "can't", 'cant', 'cannot', "isn't", 'isnt', "doesn't", 'doesnt', "didn't", "aren't", "wasn't",
      'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'will', 'would', 'should', 'could', 'can', 'keeps',
      'still', 'not', 'in', 'from', 'to', 'on', 'at', 'for', 'with', 'after', 'since', 'because', 'but', 'when', 'why',
      'how', 'that', 'which', 'who', 'it', 'so', 'anymore', 'sync', 'syncs', 'synced', 'syncing', 'shows', 'fails',
      'failed', 'failing', 'gets', 'got', 'isn’t', 'won’t', 'can’t', 'doesn’t', 'and', 'or', 'into', 'via', 'by',
      'provisioning', 'provisioned', 'users', 'members', 'arent', 'any', 'anything', 'please', 'pls', 'thanks',
    ],
    provisioningCues: ['provision', 'scim', 'enterprise app', 'single sign', 'saas', 'deprovision'],
    provisioningCueWords: ['app', 'sso'],
    provisioningNouns: ['provisioning', 'sync', 'scim'],
    groupSuffixes: ['group'],
    appSuffixes: ['app', 'provisioning'],
  },
  acknowledgement: {
    core: [
      'thanks', 'thank', 'thx', 'tnx', 'ty', 'tx', 'cheers', 'appreciate', 'appreciated', 'great', 'perfect', 'awesome',
      'brilliant', 'excellent', 'nice', 'cool', 'ok', 'okay', 'k', 'bye', 'solved', 'fixed', 'sorted', 'worked', 'super',
    ],
    filler: [
      'a', 'lot', 'so', 'much', 'very', 'you', 'u', 'for', 'the', 'help', 'your', 'that', 'it', 'this', 'did', 'does', 'do',
      'works', 'work', 'working', 'now', 'all', 'good', 'got', 'understood', 'again', 'mate', 'man', 'bunch', 'many',
      'mine', 'indeed', 'really', 'yes', 'yeah', 'yep', 'and', 'thats', 'its', 'is', 'was', 'see', 'ya', 'later', 'bot',
      'synchelper', 'just', 'what', 'needed', 'i', 'we', 'problem', 'issue', 'our',
    ],
  },
  detection: {
    words: [
      'the', 'is', 'are', 'was', 'were', 'why', 'how', 'what', 'which', 'where', 'when', 'not', 'dont', 'doesnt', 'didnt',
      'cant', 'cannot', 'wont', 'isnt', 'arent', 'to', 'from', 'with', 'and', 'of', 'my', 'our', 'i', 'it', 'does', 'do',
      'get', 'got', 'users', 'user', 'group', 'groups', 'members', 'member', 'thanks', 'thank', 'you', 'please', 'help',
      'still', 'after', 'have', 'has', 'been', 'being', 'there', 'this', 'that', 'these', 'they', 'their', 'me', 'we',
      'in', 'on', 'at', 'for', 'an', 'a', 'be', 'can', 'any', 'some', 'all', 'new', 'show', 'check', 'error',
    ],
    strongWords: [],
  },
  watch: {
    set: ['watch', 'watch the', 'please watch', 'please watch the'],
    sync: ['directory sync', 'directory synchronisation', 'directory synchronization', 'dir sync', 'dirsync', 'entra connect sync', 'sync'],
    provisioning: ['provisioning'],
    license: ['license errors', 'licence errors'],
    provisioningLinks: ['for', 'to', 'of', 'in'],
    licenseLinks: ['for', 'in', 'of'],
    licenseGroupWords: ['the', 'group', 'the group'],
    list: [
      'what are you watching', 'what do you watch', 'what are you watching here', 'list watches', 'list my watches',
      'show watches', 'show my watches', 'watches',
    ],
    stop: ['stop watching', 'quit watching'],
    health: ['tenant health', 'health check', 'health report', 'tenant health check'],
    everything: ['all', 'everything', 'all watches'],
    kindWords: {
      sync: ['directory sync', 'dir sync', 'dirsync', 'sync'],
      provisioning: ['provisioning'],
      license: ['license error', 'license errors', 'licence error', 'licence errors'],
    },
  },
};
