/**
 * What the "couldn't check" notes tell an admin to consent to must be true. Every scope a Requirement names is
 * checked against Microsoft Graph's permissions data (the copy vendored in tools/graph-conformance): it must be a
 * delegated permission for the request that part of the check makes, and SyncHelper's own read set must cover
 * every part, so an admin who consented to it is never told something is missing.
 */
import * as fs from 'fs';
import { NEEDS as GROUP_NEEDS } from '../../src/diagnostics/group/requirements';
import { NEEDS as APP_NEEDS } from '../../src/diagnostics/provisioning/access';
import { APP_LOOKUP_NEEDS } from '../../src/diagnostics/provisioning/resolution';
import { whyFailed, type Requirement } from '../../src/diagnostics/unchecked';
import { t } from '../../src/i18n';
import { resourcePath } from '../../src/paths';

/** The read set the README and infra/azure.bicep ask admins to consent to. */
const READ_SET = ['User.Read', 'Directory.Read.All', 'AuditLog.Read.All', 'Synchronization.Read.All'];

interface PermissionsFile {
  permissions: Record<string, { pathSets?: { schemeKeys: string[]; methods: string[]; paths: Record<string, string> }[] }>;
}
const data = JSON.parse(fs.readFileSync(resourcePath('tools', 'graph-conformance', 'metadata', 'permissions.json'), 'utf8')) as PermissionsFile;

/** Delegated (work or school) permissions that allow GET on a path, per Graph's permissions data. */
function delegatedFor(path: string): Set<string> {
  const found = new Set<string>();
  for (const [name, permission] of Object.entries(data.permissions)) {
    for (const set of permission.pathSets ?? []) {
      if (!set.schemeKeys.includes('DelegatedWork') || !set.methods.includes('GET')) continue;
      if (Object.keys(set.paths).some((p) => p.toLowerCase() === path.toLowerCase())) found.add(name);
    }
  }
  return found;
}

/** Each part of a check, the Graph request(s) it makes (as in the permissions data), and what the code says it needs. */
const PARTS: [string, Requirement, string[]][] = [
  ['group: the caller’s directory roles (role details)', GROUP_NEEDS.roles, ['/directoryroles']],
  ['group: groups the caller owns', GROUP_NEEDS.owned, ['/me/ownedobjects']],
  ['group: the organisation’s sync state', GROUP_NEEDS.organization, ['/organization']],
  ['group: the tenant’s licences', GROUP_NEEDS.subscribedSkus, ['/subscribedskus']],
  ['group: members with licence errors (members, then their attributes)', GROUP_NEEDS.membersWithLicenseErrors, ['/groups/{id}/members', '/users/{id}']],
  ['group: the group itself', GROUP_NEEDS.group, ['/groups/{id}']],
  ['app: looking the enterprise app up', APP_LOOKUP_NEEDS, ['/serviceprincipals']],
  ['app: provisioning jobs', APP_NEEDS.jobs, ['/serviceprincipals/{id}/synchronization/jobs']],
  ['app: provisioning logs', APP_NEEDS.logs, ['/auditlogs/provisioning']],
  ['app: assignments', APP_NEEDS.assignments, ['/serviceprincipals/{id}/approleassignedto']],
  ['app: another user’s attributes', APP_NEEDS.user, ['/users/{id}']],
  ['app: another user’s groups', APP_NEEDS.memberships, ['/users/{id}/memberof', '/users/{id}/transitivememberof']],
  ['app: the caller’s directory roles', APP_NEEDS.roles, ['/directoryroles']],
];

describe.each(PARTS)('%s', (_part, needs, paths) => {
  const alternatives = (needs.scopes ?? []).map((entry) => entry.split(' + '));

  it('names only scopes that Graph grants for it (any one entry; "A + B" for one request each)', () => {
    expect(alternatives.length).toBeGreaterThan(0);
    for (const scopes of alternatives) {
      if (scopes.length === 1) for (const path of paths) expect([path, delegatedFor(path).has(scopes[0])]).toEqual([path, true]);
      else scopes.forEach((scope, i) => expect([paths[i], delegatedFor(paths[i]).has(scope)]).toEqual([paths[i], true]));
    }
  });

  it('is covered by the read set admins consent to', () => {
    expect(alternatives.some((scopes) => scopes.every((s) => READ_SET.includes(s)))).toBe(true);
  });
});

it('User.Read alone does not give the details of directory roles (RoleManagement.Read.Directory or Directory.Read.All does)', () => {
  const granted = delegatedFor('/directoryroles');
  expect(granted.has('User.Read')).toBe(false);
  expect(granted.has('RoleManagement.Read.Directory') && granted.has('Directory.Read.All')).toBe(true);
});

describe('what the admin reads, in both languages', () => {
  const denied = { ok: false as const, status: 403, code: 'Authorization_RequestDenied' };

  it.each([
    ['en', 'consent for one of these permissions: RoleManagement.Read.Directory, Directory.Read.All'],
    ['nb', 'samtykke for én av disse tillatelsene: RoleManagement.Read.Directory, Directory.Read.All'],
  ] as const)('a refused role look-up (%s) names the scopes as alternatives', (lang, text) => {
    const why = whyFailed(denied, GROUP_NEEDS.roles);
    expect(t(lang, why.key, why.params)).toContain(text);
  });

  it.each(['en', 'nb'] as const)('the fixes for a refused group or app look-up (%s) point at the read set, not a narrower scope alone', (lang) => {
    for (const key of ['group.g0.denied.fix.2', 'provisioning.P0.denied.fix.1']) {
      expect(t(lang, key)).toContain('Directory.Read.All');
    }
    expect(t(lang, 'group.g0.denied.fix.2')).toContain('Group.Read.All');
    expect(t(lang, 'group.g0.denied.fix.2')).not.toContain('GroupMember.Read.All'); // basic properties only
    expect(t(lang, 'provisioning.P0.denied.fix.1')).toContain('Application.Read.All');
  });
});
