/**
 * A small catalogue of well-known gallery apps and their Microsoft Learn provisioning tutorial.
 * Only tutorials verified to exist in MicrosoftDocs/entra-docs (docs/identity/saas-apps/) are listed;
 * anything else points at the SaaS tutorial list.
 */
import { LEARN, saasTutorial } from './links';

export interface Tutorial {
  /** Product name (not translated). */
  app: string | null;
  url: string;
  /** True when this catalogue knows the app. */
  known: boolean;
  /** HR-driven inbound provisioning (the app is the source, Entra/AD the target): a different set-up. */
  inbound: boolean;
}

interface Entry {
  app: string;
  match: RegExp;
  slug: string;
  inbound?: boolean;
}

/** Order matters: more specific patterns first (Dropbox before Box, GitHub EMU before GitHub, ZPA before Zscaler). */
const CATALOGUE: Entry[] = [
  { app: 'Workday', match: /workday/i, slug: 'workday-inbound-tutorial', inbound: true },
  { app: 'Salesforce', match: /salesforce|^sf(sandbox)?outdelta/i, slug: 'salesforce-provisioning-tutorial' },
  { app: 'ServiceNow', match: /service\s*now/i, slug: 'servicenow-provisioning-tutorial' },
  { app: 'Slack', match: /slack/i, slug: 'slack-provisioning-tutorial' },
  { app: 'Dropbox Business', match: /dropbox/i, slug: 'dropboxforbusiness-provisioning-tutorial' },
  { app: 'Box', match: /^box(\b|outdelta|$)|\bbox\b/i, slug: 'box-userprovisioning-tutorial' },
  { app: 'Zoom', match: /zoom/i, slug: 'zoom-provisioning-tutorial' },
  { app: 'Atlassian Cloud', match: /atlassian|jira|confluence/i, slug: 'atlassian-cloud-provisioning-tutorial' },
  { app: 'GitHub Enterprise Managed User', match: /github.*(managed|emu)|emu.*github/i, slug: 'github-enterprise-managed-user-provisioning-tutorial' },
  { app: 'GitHub', match: /github/i, slug: 'github-provisioning-tutorial' },
  { app: 'Google Cloud / Google Workspace', match: /google|g\s*-?suite|gsuite/i, slug: 'g-suite-provisioning-tutorial' },
  { app: 'AWS IAM Identity Center', match: /aws|amazon web services|iam identity center|aws single sign-on/i, slug: 'aws-single-sign-on-provisioning-tutorial' },
  { app: 'Zscaler Private Access', match: /zscaler\s*private\s*access|\bzpa\b/i, slug: 'zscaler-private-access-provisioning-tutorial' },
  { app: 'Zscaler', match: /zscaler/i, slug: 'zscaler-provisioning-tutorial' },
  { app: 'DocuSign', match: /docusign/i, slug: 'docusign-provisioning-tutorial' },
  { app: 'Cisco Webex', match: /webex/i, slug: 'cisco-webex-provisioning-tutorial' },
  { app: 'Adobe Identity Management (OIDC)', match: /adobe.*oidc/i, slug: 'adobe-identity-management-provisioning-oidc-tutorial' },
  { app: 'Adobe Identity Management', match: /adobe/i, slug: 'adobe-identity-management-provisioning-saml-tutorial' },
  { app: 'Tableau Cloud', match: /tableau/i, slug: 'tableau-online-provisioning-tutorial' },
  { app: 'Smartsheet', match: /smartsheet/i, slug: 'smartsheet-provisioning-tutorial' },
  { app: 'monday.com', match: /monday(\.com)?/i, slug: 'mondaycom-provisioning-tutorial' },
  { app: 'Asana', match: /asana/i, slug: 'asana-provisioning-tutorial' },
  { app: 'Miro', match: /miro/i, slug: 'miro-provisioning-tutorial' },
  { app: 'Freshservice', match: /freshservice/i, slug: 'freshservice-provisioning-tutorial' },
];

/** The provisioning tutorial for a synchronization template id (e.g. 'BoxOutDelta') or an app name. */
export function tutorialFor(templateIdOrName: string | null | undefined): Tutorial {
  const text = (templateIdOrName ?? '').trim();
  if (text) {
    const hit = CATALOGUE.find((e) => e.match.test(text));
    if (hit) return { app: hit.app, url: saasTutorial(hit.slug), known: true, inbound: !!hit.inbound };
  }
  return { app: null, url: LEARN.tutorialList, known: false, inbound: false };
}

/** First known tutorial among several candidate names (job templateId, template ids, the app's display name). */
export function tutorialForAny(candidates: (string | null | undefined)[]): Tutorial {
  for (const c of candidates) {
    const t = tutorialFor(c);
    if (t.known) return t;
  }
  return tutorialFor(null);
}

/** Names of the apps the catalogue knows (for tests and help texts). */
export const KNOWN_TUTORIAL_APPS: readonly string[] = CATALOGUE.map((e) => e.app);
