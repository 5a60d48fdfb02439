/**
 * The one grammar for "sign in as …" and "sign out", in English and Norwegian. The dialogs' command table reads
 * typed text through the same parser, so every phrasing here works at any step of a conversation too.
 */
import { parseSignInCommand } from '../../src/auth';
import { parseCommand } from '../../src/dialogs/cancelAndHelpDialog';
import { normalize } from '../../src/dialogs/send';

describe('an admin picks a sample persona by typing', () => {
  it.each([
    // English
    ['sign in as helpdesk', 'helpdesk'],
    ['Sign in as GA', 'ga'],
    ['signin as groups', 'groups'],
    ['log in as appadmin', 'appadmin'],
    ['login as appadmin', 'appadmin'],
    ['log on as ga', 'ga'],
    ['please sign in as helpdesk!', 'helpdesk'],
    ['<at>SyncHelper</at> log in as appadmin', 'appadmin'],
    // Norwegian
    ['logg inn som helpdesk', 'helpdesk'],
    ['Logg på som groups.', 'groups'],
    ['log inn som ga', 'ga'],
    ['<at>SyncHelper</at> logg på som appadmin', 'appadmin'],
  ])('"%s" → %s', (text, persona) => {
    expect(parseSignInCommand(text)).toEqual({ kind: 'persona', persona });
  });

  it.each([
    ['sign in as "helpdesk"', 'helpdesk'],
    ["sign in as 'groups'", 'groups'],
    ['"sign in as appadmin"', 'appadmin'],
    ['logg inn som «appadmin»', 'appadmin'],
    ['Logg på som “ga”.', 'ga'],
  ])('quotes around the name or the whole command: %s', (text, persona) => {
    expect(parseSignInCommand(text)).toEqual({ kind: 'persona', persona });
  });

  it.each([
    ['  sign   in   as    helpdesk  ', 'helpdesk'],
    ['sign\tin as\u00a0groups', 'groups'],
    ['logg\ninn  som   appadmin ', 'appadmin'],
    ['signin   as ga ?', 'ga'],
  ])('odd spacing: %j', (text, persona) => {
    expect(parseSignInCommand(text)).toEqual({ kind: 'persona', persona });
  });

  it('a persona the sample tenant does not know is passed on as typed (a richer tenant may have it), in both languages', () => {
    expect(parseSignInCommand('sign in as licenseAdmin')).toEqual({ kind: 'persona', persona: 'licenseAdmin' });
    expect(parseSignInCommand('logg inn som hybrid-admin.2')).toEqual({ kind: 'persona', persona: 'hybrid-admin.2' });
    expect(parseSignInCommand('sign in as nobody')).toEqual({ kind: 'persona', persona: 'nobody' });
  });

  it('a word that cannot be a persona name is still the command, so the admin gets an answer instead of a guess', () => {
    expect(parseSignInCommand('sign in as anna@contoso.com')).toEqual({ kind: 'notAPersona', name: 'anna@contoso.com' });
    expect(parseSignInCommand('logg inn som -x')).toEqual({ kind: 'notAPersona', name: '-x' });
  });
});

describe('an admin signs out by typing', () => {
  it.each([
    'sign out',
    'Sign out.',
    'signout',
    'sign me out',
    'Log out!',
    'logout',
    'log off',
    'please log out',
    '<at>SyncHelper</at> sign out',
    '"sign out"',
    'logg ut',
    'Logg ut.',
    'logg meg ut',
    'logg av',
    'log ut',
    '  logg   ut  ',
  ])('"%s"', (text) => {
    expect(parseSignInCommand(text)).toEqual({ kind: 'signout' });
  });
});

describe('questions that merely contain the words are left to the recogniser', () => {
  it.each([
    'why can I not sign in as an admin to the portal?',
    'sign in as <script>',
    'sign in as',
    'sign in as helpdesk and check Sales',
    'sign out of the group sync',
    'hvorfor kan jeg ikke logge inn som administrator i portalen?',
    'logg inn som',
    'logg ut av Teams',
    'the user cannot log in as themselves',
    '',
    '   ',
  ])('"%s"', (text) => {
    expect(parseSignInCommand(text)).toBeUndefined();
  });
});

describe('the dialogs\' command table uses the same grammar', () => {
  it.each([
    ['sign in as helpdesk', { kind: 'signinAs', persona: 'helpdesk' }],
    ['please sign in as "groups"', { kind: 'signinAs', persona: 'groups' }],
    ['Logg på som «appadmin».', { kind: 'signinAs', persona: 'appadmin' }],
    ['log on as ga', { kind: 'signinAs', persona: 'ga' }],
    // Typed text reaches the table lower-cased.
    ['sign in as hybrid-admin.2', { kind: 'signinAs', persona: 'hybrid-admin.2' }],
    // Not a persona name: the table still answers (sign-in as works only with the sample tenant's personas).
    ['sign in as anna@contoso.com', { kind: 'signinAs', persona: 'anna@contoso.com' }],
    ['sign me out', { kind: 'signout' }],
    ['log off', { kind: 'signout' }],
    ['logg meg ut', { kind: 'signout' }],
    ['logg av', { kind: 'signout' }],
  ])('"%s"', (text, expected) => {
    expect(parseCommand(normalize(text))).toEqual(expected);
  });

  it('what the grammar leaves alone is no command in the table either', () => {
    for (const text of ['sign out of the group sync', 'hvorfor kan jeg ikke logge inn som administrator i portalen?']) {
      expect(parseCommand(normalize(text))).toBeUndefined();
    }
  });
});
