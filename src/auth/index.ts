/** Delegated sign-in: the SignInDialog seam, Teams SSO plumbing, sample personas. */
export * from './tokenSource';
export * from './sso';
export * from './personas';
