/** The shape of a language's lexicon; what each list is for is told in src/i18n/lexicon.ts and here. */
import type { Family } from '../topics';

export interface Lexicon {
  /** Letters this language writes that others do not, and their ASCII folding (ø → o): detection and folding. */
  letters: Record<string, string>;
  /** Whole-message commands that work at any step (src/dialogs/cancelAndHelpDialog.ts). */
  commands: {
    help: string[];
    cancel: string[];
    restart: string[];
    /** Whole message; also read by the sign-in grammar (src/auth/commands.ts). */
    signOut: string[];
    /** "sign in as <persona>" (sample tenant): the words before the persona's name (src/auth/commands.ts). */
    signInAs: string[];
    /** Opens the language card. */
    languageCard: string[];
    /** Asks for THIS language, in the words admins use for it in any language ("norsk", "switch to norwegian"). */
    useThisLanguage: string[];
  };
  /** Typed answers to a card's buttons (src/dialogs/views.ts), whole message. */
  typedChoices: {
    live: string[];
    guided: string[];
    next: string[];
    fixed: string[];
    noHelp: string[];
    skip: string[];
    confirm: string[];
    decline: string[];
  };
  /** Openers of "actually it's provisioning": the rest of the message names the new topic (pattern list). */
  topicSwitch: string[];
  /** Words that name a problem family in a topic switch (pattern list, whole words). */
  familyWords: Record<Family, string[]>;
  /** Words around names in a message (src/recognizer/entities.ts), compared in lower case. */
  entities: {
    groupWords: string[];
    appWords: string[];
    /** Words that introduce an app only when the text is about provisioning ("to", "til"). */
    appPrepositions: string[];
    /** After these a name may be lower case ("group named sales"). */
    namingWords: string[];
    /** Words before a keyword that are never part of a name. */
    notNameBefore: string[];
    /** Role and product words after a group/app word that never start a name. */
    notAName: string[];
    /** Words that end a name after a keyword. */
    stopAfter: string[];
    /** Substrings that make a text about provisioning (case-insensitive). */
    provisioningCues: string[];
    /** Whole words that make a text about provisioning. */
    provisioningCueWords: string[];
    /** Nouns a capitalised app name may stand before ("Workday provisioning"). */
    provisioningNouns: string[];
    /** Endings of compounds that name a group ("Økonomi-gruppen") or an app ("Workday-appen"). */
    groupSuffixes: string[];
    appSuffixes: string[];
  };
  /** Acknowledgements (src/recognizer/acknowledge.ts), folded words: one core word and only fillers besides. */
  acknowledgement: { core: string[]; filler: string[] };
  /** Language detection cues (src/recognizer/language.ts), folded words. */
  detection: { words: string[]; strongWords: string[] };
  /** Watch commands (src/watch/commands.ts). */
  watch: {
    /** Openers of "watch …" ("please watch the"). */
    set: string[];
    /** What may be watched, right after the opener. */
    sync: string[];
    provisioning: string[];
    license: string[];
    /** Words between a provisioning watch and its app ("for"), and a license watch and its group. */
    provisioningLinks: string[];
    licenseLinks: string[];
    /** Optional words between the link and the group's name ("the group"). */
    licenseGroupWords: string[];
    list: string[];
    /** Openers of "stop watching …". */
    stop: string[];
    health: string[];
    /** "stop watching <this>" meaning every watch. */
    everything: string[];
    /** Words in "stop watching <what>" that name a kind of watch (pattern list). */
    kindWords: { sync: string[]; provisioning: string[]; license: string[] };
  };
  /** Is a question about the whole tenant? (src/recognizer/tenantWide.ts). A trailing `*` stands for any letters. */
  tenantWide: {
    askingWhich: string[];
    quarantine: string[];
    all: string[];
    jobs: string[];
    groups: string[];
    licenses: string[];
    sync: string[];
    /** One object ("my group", "the user"): not a tenant-wide sync question. */
    oneObject: string[];
    stateNow: string[];
  };
  /** The recogniser's view of the language (src/recognizer/normalize.ts and route.ts). */
  recognizer: {
    /**
     * Words and phrases → one canonical token, applied in order to lower-case, ASCII-folded text: pairs of a regular
     * expression (its source, flag g) and the token. Every language's pairs run on every message, after the shared
     * product names, in locale-table order.
     */
    synonyms: [string, string][];
    /** Words that carry no intent. */
    stopWords: string[];
    /** Endings the light stemmer strips (from words of 5+ letters, keeping 3+). */
    suffixes: string[];
    /** Stems that make a message one SyncHelper troubleshoots (besides the shared product tokens). */
    domainStems: string[];
  };
  /** Group names that mean "everyone" ("All users", "alle ansatte"): a broad group assigned to an app (wrongUsers.ts). */
  broadGroupNames: {
    /** "all", followed by one of `people`. */
    all: string[];
    people: string[];
    /** Words that mean everyone on their own. */
    alone: string[];
  };
}
