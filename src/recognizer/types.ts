import type { Intent, TenantScope } from '../topics';

/** What the recogniser found in one utterance. */
export interface Recognition {
  /** Best label. */
  intent: Intent;
  /** Confidence of the best label, 0..1. */
  score: number;
  /** All labels, best first (for the "did you mean" card). */
  ranked: { intent: Intent; score: number }[];
  /** True when the score is below the threshold: the bot asks instead of guessing. */
  uncertain: boolean;
  /** Targets named in the text, when the admin already said which group/app/user. */
  entities: Entities;
}

export interface Entities {
  /** A group named in quotes or after "group/gruppe/gruppa" (display name, mail or object id). */
  group?: string;
  /** An enterprise app named in quotes or after "app/application/program/appen" or "to <App>". */
  app?: string;
  /** A user principal name or e-mail address in the text. */
  user?: string;
  /**
   * Every span that may name a user, group or app (the typed ones above first, then quoted text, addresses and
   * capitalised runs), at most five. The tenant decides which is which (src/graph/resolve.ts).
   */
  names?: string[];
  /** Nothing named and the words ask about the whole tenant (recognizer/tenantWide.ts). */
  tenantWide?: TenantScope;
}

export interface IntentRecognizer {
  recognize(text: string, locale?: string): Recognition;
}
