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
    expect(extractEntities("can't add members to group 'Sales'")).toEqual({ group: 'Sales', names: ['Sales'] });
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
      names: ['Salesforce', 'Salg', 'per@contoso.no'],
    });
  });
});

describe('every span that may name something is kept for the tenant to decide', () => {
  it.each([
    ["Why wasn't Anna Berg provisioned to Salesforce?", ['Salesforce', 'Anna Berg']],
    ['Hvorfor ble ikke Anna Berg klargjort til Salesforce?', ['Salesforce', 'Anna Berg']],
    // The word before a name no longer decides: "for Anna Berg" reads like an app, the tenant will say she is a user.
    ['What happened to Anna Berg in the Salesforce provisioning logs?', ['Anna Berg', 'Salesforce']],
    ['Vis klargjøringsloggen for Anna Berg i Salesforce', ['Anna Berg', 'Salesforce']],
    ['"Lisens Visio" and sales@contoso.no, object 0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', ['Lisens Visio', 'sales@contoso.no']],
  ])('%s → %j', (text, names) => {
    expect(extractEntities(text).names).toEqual(names);
  });

  it('keeps at most five spans', () => {
    expect(extractEntities('Alfa and Bravo and Charlie and Delta and Echo and Foxtrot and Golf').names).toEqual(['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo']);
  });
});

describe('product and role words are not names', () => {
  it.each([
    ['Kan jeg slette Microsoft 365-gruppa Lisens Visio?', 'Lisens Visio'],
    ['Can I delete the Microsoft 365 group Lisens Visio?', 'Lisens Visio'],
    ['Kan jeg slette Office 365-gruppen Prosjekt Fjord?', 'Prosjekt Fjord'],
  ])('%s → group %s', (text, group) => {
    expect(extractEntities(text).group).toBe(group);
    expect(extractEntities(text).names).not.toContain('365');
  });

  it.each([
    "I'm Groups Administrator but adding people to Salg Oslo fails",
    'Jeg er Groups Administrator, men det feiler når jeg legger til folk i Salg Oslo',
  ])('%s → no group called "Administrator"; "Salg Oslo" is a span', (text) => {
    const e = extractEntities(text);
    expect(e.group).toBeUndefined();
    expect(e.names).toEqual(['Salg Oslo']);
  });
});
