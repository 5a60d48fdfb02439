/** Delegated sign-in: the SignInDialog seam, Teams SSO plumbing, sample personas and consent help. */
export * from './tokenSource';
export * from './sso';
export * from './personas';
export * from './consent';
