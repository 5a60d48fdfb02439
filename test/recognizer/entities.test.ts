import { extractEntities } from '../../src/recognizer/entities';

describe('the admin names the group', () => {
  it.each([
    ["can't add members to 'Sales Team'", 'Sales Team'],
    ['can\'t add members to "Sales Team"', 'Sales Team'],
    ['group “Board Members” is greyed out', 'Board Members'],
    ['får ikke lagt til folk i gruppa «Økonomi Bærum»', 'Økonomi Bærum'],
    ['kan ikke slette gruppen ‘E5 Brukere’', 'E5 Brukere'],
    ["group Sales O'Brien won't sync", "Sales O'Brien"],
    ["why is everything disabled on group Sales O'Brien", "Sales O'Brien"],
    ['gruppen Økonomi Bærum kan ikke endres', 'Økonomi Bærum'],
    ['gruppa Salg vil ikke oppdatere seg', 'Salg'],
    ['gruppe IT-Drift er grå', 'IT-Drift'],
    ['add members to group HR-All please', 'HR-All'],
    ["the Finance group won't update", 'Finance'],
    ['tried to make Bob an owner of the Legal grp, option is disabled', 'Legal'],
    ["can't delete group named old licensing group", 'old licensing group'],
    ['Økonomi-gruppen lar seg ikke slette', 'Økonomi'],
    ['group 1b2c3d4e-1111-2222-3333-444455556666 is greyed out', '1b2c3d4e-1111-2222-3333-444455556666'],
    ['sales@contoso.com group cannot be edited', 'sales@contoso.com'],
  ])('%s → group %s', (text, group) => {
    expect(extractEntities(text).group).toBe(group);
  });

  it.each([
    'klarer ikke legge til medlemmer i gruppen',
    "Group membership won't update",
    'the group is greyed out',
    'gruppa synkes ikke fra AD',
    'group sync errors',
  ])('%s → no group name', (text) => {
    expect(extractEntities(text).group).toBeUndefined();
  });
});

describe('the admin names the app', () => {
  it.each([
    ["users aren't provisioned to Salesforce", 'Salesforce'],
    ['brukerne blir ikke provisjonert til Salesforce', 'Salesforce'],
    ['klargjøring til ServiceNow feiler', 'ServiceNow'],
    ['Workday provisioning stuck in quarantine', 'Workday'],
    ['Workday-appen står i karantene', 'Workday'],
    ['Zoom-klargjøringen har status karantene', 'Zoom'],
    ['how do I set up provisioning for Zoom?', 'Zoom'],
    ['test connection fails for the ServiceNow app', 'ServiceNow'],
    ['provisioning to "Atlassian Cloud" is quarantined', 'Atlassian Cloud'],
    ['klargjøringen for appen «Visma Lønn» feiler', 'Visma Lønn'],
    ['app 1b2c3d4e-1111-2222-3333-444455556666 is quarantined', '1b2c3d4e-1111-2222-3333-444455556666'],
    ['provisioning for 1b2c3d4e-1111-2222-3333-444455556666 fails', '1b2c3d4e-1111-2222-3333-444455556666'],
  ])('%s → app %s', (text, app) => {
    expect(extractEntities(text).app).toBe(app);
  });

  it.each(['I want to set up provisioning to Azure AD', 'how do I set up provisioning', 'users are not created in the app'])(
    '%s → no app name',
    (text) => {
      expect(extractEntities(text).app).toBeUndefined();
    },
  );

  it('does not mistake a group for an app when members are added to it', () => {
    expect(extractEntities("can't add members to group 'Sales'")).toEqual({ group: 'Sales' });
  });
});

describe('the admin names a user', () => {
  it.each([
    ["why hasn't mike@fabrikam.com shown up in GitHub yet", 'mike@fabrikam.com'],
    ['hvorfor er ikke ola.nordmann@contoso.no klargjort til Slack', 'ola.nordmann@contoso.no'],
    ["InvalidSoftMatch for o'neil@contoso.com", "o'neil@contoso.com"],
  ])('%s → user %s', (text, user) => {
    expect(extractEntities(text).user).toBe(user);
  });

  it('finds the group, the app and the user in one message', () => {
    expect(extractEntities('per@contoso.no er medlem av gruppen «Salg» men blir ikke klargjort til Salesforce')).toEqual({
      user: 'per@contoso.no',
      group: 'Salg',
      app: 'Salesforce',
    });
  });
});
