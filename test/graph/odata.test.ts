import { encodePathSegment, encodeQueryValue, escapeLiteral, filterEq, filterStartsWith, isGuid, query } from '../../src/graph/odata';

describe('OData helpers', () => {
  it("doubles single quotes in literals (\"Sales O'Brien\" → 'Sales O''Brien')", () => {
    expect(escapeLiteral("Sales O'Brien")).toBe("Sales O''Brien");
    expect(filterEq('displayName', "O'Neil's team")).toBe("displayName eq 'O''Neil''s team'");
    expect(filterStartsWith('displayName', "D'")).toBe("startswith(displayName,'D''')");
  });

  it('percent-encodes values as UTF-8 and keeps the $name=value&… structure', () => {
    expect(encodeQueryValue('Økonomi Bærum')).toBe('%C3%98konomi%20B%C3%A6rum');
    expect(encodeQueryValue('a&b=c+d#e?f')).toBe('a%26b%3Dc%2Bd%23e%3Ff');
    expect(encodeQueryValue('https://x')).not.toContain('https://');
    expect(query({ $filter: filterEq('mail', 'a@b.no'), $select: 'id,displayName', $top: 5, $skip: undefined })).toBe(
      "?$filter=mail%20eq%20'a@b.no'&$select=id,displayName&$top=5",
    );
    expect(decodeURIComponent(encodeQueryValue("displayName eq 'Økonomi & Co'"))).toBe("displayName eq 'Økonomi & Co'");
  });

  it('encodes path segments so a guest UPN with # stays one segment', () => {
    expect(encodePathSegment('ola_gmail.com#EXT#@contoso.onmicrosoft.com')).toBe('ola_gmail.com%23EXT%23@contoso.onmicrosoft.com');
    expect(encodePathSegment("conor.o'neil@contoso.com")).toBe("conor.o'neil@contoso.com");
    expect(encodePathSegment('a/b')).toBe('a%2Fb');
  });

  it('recognises object ids, also pasted with braces or spaces', () => {
    expect(isGuid('62e90394-69f5-4237-9190-012177145e10')).toBe(true);
    expect(isGuid(' {62E90394-69F5-4237-9190-012177145E10} ')).toBe(true);
    expect(isGuid('Sales')).toBe(false);
    expect(isGuid('62e90394-69f5-4237-9190-012177145e1')).toBe(false);
  });
});
