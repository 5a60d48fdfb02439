import { evaluateScope } from '../../../src/diagnostics/provisioning';
import type { GraphUser } from '../../../src/diagnostics/snapshot';
import { ANNA, clause } from './builders';

const anna: GraphUser = { ...ANNA };

describe('scoping filter evaluation for one user (how the provisioning service decides "in scope")', () => {
  test('an admin filters on country Norway AND department IT: Anna (Sales) fails the department clause', () => {
    const r = evaluateScope({ groups: [{ name: 'Norway IT', clauses: [clause('country', 'EQUALS', 'Norway'), clause('department', 'EQUALS', 'IT')] }] }, anna);
    expect(r.verdict).toBe('out');
    expect(r.inScope).toBe(false);
    expect(r.failingClauses.map((f) => [f.clause.sourceOperandName, f.actual, f.group])).toEqual([['department', 'Sales', 'Norway IT']]);
  });

  test('two separate filters are OR-ed: failing the first but passing the second puts Anna in scope', () => {
    const r = evaluateScope({ groups: [{ clauses: [clause('department', 'EQUALS', 'IT')] }, { clauses: [clause('country', 'EQUALS', 'Norway')] }] }, anna);
    expect(r.verdict).toBe('in');
    expect(r.inScope).toBe(true);
    expect(r.failingClauses).toEqual([]);
  });

  test('EQUALS is case-sensitive: "sales" does not match "Sales"', () => {
    expect(evaluateScope({ groups: [{ clauses: [clause('department', 'EQUALS', 'sales')] }] }, anna).verdict).toBe('out');
    expect(evaluateScope({ groups: [{ clauses: [clause('department', 'EQUALS', 'Sales')] }] }, anna).verdict).toBe('in');
  });

  test('a null attribute makes a clause false, even NOT_EQUALS; IS_NULL / IS_NOT_NULL see it as empty', () => {
    const u: GraphUser = { ...anna, jobTitle: null };
    expect(evaluateScope({ groups: [{ clauses: [clause('jobTitle', 'NOT_EQUALS', 'Intern')] }] }, u).verdict).toBe('out');
    expect(evaluateScope({ groups: [{ clauses: [clause('jobTitle', 'EQUALS', '')] }] }, u).verdict).toBe('out');
    expect(evaluateScope({ groups: [{ clauses: [clause('jobTitle', 'IS_NULL')] }] }, u).verdict).toBe('in');
    expect(evaluateScope({ groups: [{ clauses: [clause('jobTitle', 'IS_NOT_NULL')] }] }, u).verdict).toBe('out');
    expect(evaluateScope({ groups: [{ clauses: [clause('jobTitle', 'IS_NULL')] }] }, { ...u, jobTitle: '  ' }).verdict).toBe('in');
  });

  test('extensionAttributeN is read from onPremisesExtensionAttributes (null counts as empty)', () => {
    expect(evaluateScope({ groups: [{ clauses: [clause('extensionAttribute1', 'EQUALS', 'Box')] }] }, anna).verdict).toBe('in');
    expect(evaluateScope({ groups: [{ clauses: [clause('extensionAttribute2', 'EQUALS', 'Box')] }] }, anna).verdict).toBe('out');
  });

  test('an attribute that is not in the snapshot is unevaluable, never "out of scope"', () => {
    const r = evaluateScope({ groups: [{ clauses: [clause('extension_abc_costCenter', 'EQUALS', '42')] }] }, anna);
    expect(r.verdict).toBe('unknown');
    expect(r.inScope).toBe(false);
    expect(r.failingClauses).toEqual([]);
    expect(r.unevaluable.map((u) => [u.clause.sourceOperandName, u.reason])).toEqual([['extension_abc_costCenter', 'attributeNotRead']]);
    const noBag: GraphUser = { id: 'u2', department: 'Sales' };
    expect(evaluateScope({ groups: [{ clauses: [clause('extensionAttribute3', 'EQUALS', 'x')] }] }, noBag).verdict).toBe('unknown');
  });

  test('unknown and false in one filter → that filter is false; unknown in one, true in another → in scope', () => {
    const unknownAndFalse = evaluateScope({ groups: [{ clauses: [clause('notRead', 'EQUALS', 'x'), clause('department', 'EQUALS', 'IT')] }] }, anna);
    expect(unknownAndFalse.verdict).toBe('out');
    const unknownOrTrue = evaluateScope({ groups: [{ clauses: [clause('notRead', 'EQUALS', 'x')] }, { clauses: [clause('department', 'EQUALS', 'Sales')] }] }, anna);
    expect(unknownOrTrue.verdict).toBe('in');
    const unknownOrFalse = evaluateScope({ groups: [{ clauses: [clause('notRead', 'EQUALS', 'x')] }, { clauses: [clause('department', 'EQUALS', 'IT')] }] }, anna);
    expect(unknownOrFalse.verdict).toBe('unknown');
  });

  test('the other operators: IS_TRUE/IS_FALSE, Includes, REGEX_MATCH/NOT_REGEX_MATCH, Greater_Than on integers', () => {
    const one = (c: ReturnType<typeof clause>) => evaluateScope({ groups: [{ clauses: [c] }] }, anna).verdict;
    expect(one(clause('accountEnabled', 'IS_TRUE'))).toBe('in');
    expect(one(clause('accountEnabled', 'IS_FALSE'))).toBe('out');
    expect(one(clause('accountEnabled', 'EQUALS', 'True'))).toBe('in');
    expect(one(clause('jobTitle', 'Includes', 'Manager'))).toBe('in');
    expect(one(clause('jobTitle', 'Includes', 'manager'))).toBe('out');
    expect(one(clause('userPrincipalName', 'REGEX_MATCH', '@contoso\\.com$'))).toBe('in');
    expect(one(clause('userPrincipalName', 'NOT_REGEX_MATCH', '@contoso\\.com$'))).toBe('out');
    expect(one(clause('employeeId', 'Greater_Than', '1000'))).toBe('in');
    expect(one(clause('employeeId', 'Greater_Than', '5000'))).toBe('out');
    expect(one(clause('department', 'Greater_Than', '5'))).toBe('unknown');
    expect(one(clause('department', 'REGEX_MATCH', '(['))).toBe('unknown');
    expect(one(clause('department', 'SOUNDS_LIKE', 'Sales'))).toBe('unknown');
  });

  test('sync-schema names are mapped to Graph names (physicalDeliveryOfficeName → officeLocation)', () => {
    expect(evaluateScope({ groups: [{ clauses: [clause('physicalDeliveryOfficeName', 'EQUALS', 'Oslo')] }] }, { ...anna, officeLocation: 'Oslo' }).verdict).toBe('in');
  });

  test('no filter at all lets everyone in; an input filter and the main filter must both pass', () => {
    const none = evaluateScope({ groups: [] }, anna);
    expect(none).toMatchObject({ verdict: 'in', empty: true });
    const both = evaluateScope({ inputFilterGroups: [{ clauses: [clause('country', 'EQUALS', 'Sweden')] }], groups: [{ clauses: [clause('department', 'EQUALS', 'Sales')] }] }, anna);
    expect(both.verdict).toBe('out');
    expect(both.failingClauses[0].set).toBe('inputFilterGroups');
  });
});
