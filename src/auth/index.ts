/** Delegated sign-in: the sign-in seam (by mode), the command grammar, Teams SSO plumbing, sample personas. */
export * from './signIn';
export * from './commands';
export * from './sso';
export * from './personas';
