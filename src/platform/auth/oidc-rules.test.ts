import { describe, expect, it } from 'vitest';
import {
  acrValuesFor,
  assuranceLevel,
  BACKCHANNEL_LOGOUT_EVENT,
  CIS2_DEFAULT_AUTH_ASSURANCE,
  CIS2_DEFAULT_ID_ASSURANCE,
  checkLogoutToken,
  cis2RoleMatches,
  decideSignIn,
  formatRoleMap,
  PROVIDER_KINDS,
  type ProviderPolicy,
  parseRoleMap,
  scopesFor,
} from './oidc-rules.ts';

const entra: ProviderPolicy = {
  kind: 'entra-id',
  roleMap: [
    { external: 'Bridgework.Specialist', role: 'specialist' },
    { external: 'Bridgework.TeamLead', role: 'team-lead' },
    { external: 'Bridgework.Lead', role: 'team-lead' },
  ],
  minIdAssurance: null,
  minAuthAssurance: null,
};

const cis2: ProviderPolicy = {
  kind: 'nhs-cis2',
  roleMap: [
    { external: 'R8000', role: 'referrer' },
    { external: 'S8001:G8005:R8003', role: 'team-lead' },
    { external: 'G8000', role: 'specialist' },
  ],
  minIdAssurance: null,
  minAuthAssurance: null,
};

const nrbac = [
  { person_roleid: 'a', org_code: 'RYA', role_code: 'S8000:G8000:R8000' },
  { person_roleid: 'b', org_code: 'RYA', role_code: 'S8001:G8005:R8003' },
  { person_roleid: 'c', org_code: 'RYA', role_code: 'S1:G1:R1' },
];
const cis2Claims = (over: Record<string, unknown> = {}) => ({
  sub: 's',
  id_assurance_level: '3',
  authentication_assurance_level: '3',
  nhsid_nrbac_roles: nrbac,
  selected_roleid: 'a',
  ...over,
});

describe('the two kinds of provider and the logout event', () => {
  it('are Entra ID and CIS2, and the event is the one the spec names', () => {
    expect(PROVIDER_KINDS).toEqual(['entra-id', 'nhs-cis2']);
    expect(BACKCHANNEL_LOGOUT_EVENT).toBe('http://schemas.openid.net/event/backchannel-logout');
  });
});

describe('scopes and acr_values', () => {
  it('asks CIS2 for its scopes and Entra for the standard ones', () => {
    expect(scopesFor('nhs-cis2')).toBe('openid profile email nhsperson nationalrbacaccess selectedrole');
    expect(scopesFor('entra-id')).toBe('openid profile email');
  });
  it.each([
    { policy: entra, acr: null },
    { policy: { ...entra, minAuthAssurance: 3 }, acr: null },
    { policy: cis2, acr: 'AAL2_OR_AAL3_ANY' },
    { policy: { ...cis2, minAuthAssurance: 1 }, acr: 'AAL2_OR_AAL3_ANY' },
    { policy: { ...cis2, minAuthAssurance: 2 }, acr: 'AAL2_OR_AAL3_ANY' },
    { policy: { ...cis2, minAuthAssurance: 3 }, acr: 'AAL3_ANY' },
  ])('$policy.kind with minimum $policy.minAuthAssurance asks for $acr', ({ policy, acr }) => {
    expect(acrValuesFor(policy)).toBe(acr);
  });
  it('defaults are identity 3 and authentication 2', () => {
    expect([CIS2_DEFAULT_ID_ASSURANCE, CIS2_DEFAULT_AUTH_ASSURANCE]).toEqual([3, 2]);
  });
});

describe('assuranceLevel', () => {
  it.each([
    [3, 3],
    [0, 0],
    [2.5, null],
    ['3', 3],
    [' 2 ', 2],
    ['AAL3_ANY', 3],
    ['AAL2_OR_AAL3_ANY', 2],
    ['AAL1', 1],
    ['3_', 3],
    ['33', null],
    ['AAL', null],
    ['level 3', null],
    ['x3', null],
    ['', null],
    [null, null],
    [undefined, null],
    [true, null],
    [['3'], null],
  ])('%j is %j', (value, level) => {
    expect(assuranceLevel(value)).toBe(level);
  });
});

describe('cis2RoleMatches', () => {
  it.each([
    ['S8000:G8000:R8000', 'S8000:G8000:R8000', true],
    ['S8000:G8000:R8000', 'R8000', true],
    ['S8000:G8000:R8000', 'G8000', true],
    ['S8000:G8000:R8000', 'S8000', true],
    ['S8000:G8000:R8000', 'R800', false],
    ['S8000:G8000:R8000', 'G8000:R8000', false],
    ['R8000', 'R8000', true],
    ['S8000:G8000:R8000', '', false],
  ])('%s against %s is %s', (code, external, matches) => {
    expect(cis2RoleMatches(code, external)).toBe(matches);
  });
});

describe('decideSignIn for Entra ID', () => {
  it('maps every app role it knows, once each, in the mapping’s order', () => {
    expect(decideSignIn(entra, { roles: ['Other', 'Bridgework.Lead', 'Bridgework.Specialist', 'Bridgework.TeamLead'] })).toEqual({
      kind: 'allowed',
      roles: ['specialist', 'team-lead'],
      providerRoles: ['Other', 'Bridgework.Lead', 'Bridgework.Specialist', 'Bridgework.TeamLead'],
    });
  });
  it.each([
    ['no roles claim', {}, []],
    ['an empty roles claim', { roles: [] }, []],
    ['roles not mapped', { roles: ['Other'] }, ['Other']],
    ['a roles claim that is not a list', { roles: 'Bridgework.Specialist' }, []],
    ['roles that are not strings', { roles: [1, null, { x: 1 }] }, []],
  ])('refuses %s', (_name, claims, providerRoles) => {
    expect(decideSignIn(entra, claims)).toEqual({ kind: 'refused', reason: 'no-role', providerRoles });
  });
  it('ignores CIS2 assurance claims: Entra is not asked for them', () => {
    expect(decideSignIn({ ...entra, minIdAssurance: 3, minAuthAssurance: 3 }, { roles: ['Bridgework.Specialist'] }).kind).toBe('allowed');
  });
  it('matches app roles exactly', () => {
    expect(decideSignIn(entra, { roles: ['bridgework.specialist', 'Bridgework.Specialist '] }).kind).toBe('refused');
  });
});

describe('decideSignIn for NHS CIS2', () => {
  it('maps only the selected role, by a part of its code', () => {
    expect(decideSignIn(cis2, cis2Claims())).toEqual({ kind: 'allowed', roles: ['referrer', 'specialist'], providerRoles: ['S8000:G8000:R8000'] });
  });
  it('maps the selected role by its whole code', () => {
    expect(decideSignIn(cis2, cis2Claims({ selected_roleid: 'b' }))).toEqual({
      kind: 'allowed',
      roles: ['team-lead'],
      providerRoles: ['S8001:G8005:R8003'],
    });
  });
  it('accepts levels as numbers, the nhsperson claim name, and the acr when no level claim is sent', () => {
    const claims = cis2Claims({ id_assurance_level: undefined, idassurancelevel: 3, authentication_assurance_level: undefined, acr: 'AAL3_ANY' });
    expect(decideSignIn({ ...cis2, minAuthAssurance: 3 }, claims).kind).toBe('allowed');
  });
  it.each([
    ['no identity assurance', { id_assurance_level: undefined }, cis2, 'identity-assurance-missing'],
    ['identity assurance below the default 3', { id_assurance_level: '2' }, cis2, 'identity-assurance-too-low'],
    ['identity assurance below the tenant’s', { id_assurance_level: '2' }, { ...cis2, minIdAssurance: 3 }, 'identity-assurance-too-low'],
    ['no authentication assurance', { authentication_assurance_level: undefined }, cis2, 'authentication-assurance-missing'],
    ['authentication assurance below the default 2', { authentication_assurance_level: '1' }, cis2, 'authentication-assurance-too-low'],
    [
      'authentication assurance below the tenant’s 3',
      { authentication_assurance_level: '2' },
      { ...cis2, minAuthAssurance: 3 },
      'authentication-assurance-too-low',
    ],
    ['no selected role', { selected_roleid: undefined }, cis2, 'no-selected-role'],
    ['a selected role that is not a string', { selected_roleid: 7 }, cis2, 'no-selected-role'],
    ['a selected role the person does not hold', { selected_roleid: 'z' }, cis2, 'selected-role-not-held'],
    ['a user with no roles', { nhsid_nrbac_roles: [] }, cis2, 'selected-role-not-held'],
    ['roles that are not a list', { nhsid_nrbac_roles: 'a' }, cis2, 'selected-role-not-held'],
    ['malformed roles', { nhsid_nrbac_roles: [null, { person_roleid: 'a' }, { person_roleid: 'a', role_code: 1 }, 'a'] }, cis2, 'selected-role-not-held'],
    ['a selected role that maps to nothing', { selected_roleid: 'c' }, cis2, 'no-role'],
  ])('refuses %s', (_name, over, policy, reason) => {
    const claims: Record<string, unknown> = cis2Claims(over);
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete claims[k];
    expect(decideSignIn(policy, claims)).toMatchObject({ kind: 'refused', reason });
  });
  it('lets a tenant accept lower levels than the defaults', () => {
    const claims = cis2Claims({ id_assurance_level: '1', authentication_assurance_level: '1' });
    expect(decideSignIn({ ...cis2, minIdAssurance: 1, minAuthAssurance: 1 }, claims).kind).toBe('allowed');
    expect(decideSignIn({ ...cis2, minIdAssurance: 2, minAuthAssurance: 1 }, claims)).toMatchObject({ reason: 'identity-assurance-too-low' });
  });
  it('accepts levels exactly at the minimum', () => {
    expect(decideSignIn(cis2, cis2Claims({ authentication_assurance_level: '2' })).kind).toBe('allowed');
  });
  it('reports the selected role on a refusal for its mapping', () => {
    expect(decideSignIn(cis2, cis2Claims({ selected_roleid: 'c' }))).toEqual({ kind: 'refused', reason: 'no-role', providerRoles: ['S1:G1:R1'] });
    expect(decideSignIn(cis2, cis2Claims({ selected_roleid: 'z' }))).toEqual({ kind: 'refused', reason: 'selected-role-not-held', providerRoles: [] });
  });
});

describe('parseRoleMap and formatRoleMap', () => {
  it('reads one mapping a line, trimmed, blank lines ignored', () => {
    expect(parseRoleMap('  Bridgework.Specialist =  specialist \r\n\n   \nR8000=referrer')).toEqual({
      entries: [
        { external: 'Bridgework.Specialist', role: 'specialist' },
        { external: 'R8000', role: 'referrer' },
      ],
      issues: [],
    });
  });
  it('reports every bad line by number, and keeps the good ones apart', () => {
    expect(parseRoleMap('a = specialist\nno equals\n= specialist\nb =\nc = wizard\nd = e = specialist\ne = Specialist')).toEqual({
      entries: [{ external: 'a', role: 'specialist' }],
      issues: [
        { line: 2, problem: 'shape' },
        { line: 3, problem: 'shape' },
        { line: 4, problem: 'shape' },
        { line: 5, problem: 'role' },
        { line: 6, problem: 'shape' },
        { line: 7, problem: 'role' },
      ],
    });
  });
  it('reads nothing from an empty text', () => {
    expect(parseRoleMap('')).toEqual({ entries: [], issues: [] });
  });
  it('writes the mapping back as it reads it', () => {
    const text = 'Bridgework.Specialist = specialist\nR8000 = referrer';
    expect(formatRoleMap(parseRoleMap(text).entries)).toBe(text);
    expect(formatRoleMap([])).toBe('');
  });
});

describe('checkLogoutToken', () => {
  const now = 1_800_000_000;
  const expected = { issuer: 'https://idp.example', clientId: 'bw', nowSeconds: now, maxAgeSeconds: 300, skewSeconds: 60 };
  const token = (over: Record<string, unknown> = {}) => {
    const claims: Record<string, unknown> = {
      iss: 'https://idp.example',
      aud: 'bw',
      iat: now,
      jti: 'j',
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
      sub: 'u',
      ...over,
    };
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete claims[k];
    return claims;
  };
  it('accepts a token with sub, sid or both', () => {
    expect(checkLogoutToken(token(), expected)).toEqual({ kind: 'ok', sub: 'u', sid: null });
    expect(checkLogoutToken(token({ sub: undefined, sid: 's' }), expected)).toEqual({ kind: 'ok', sub: null, sid: 's' });
    expect(checkLogoutToken(token({ sid: 's' }), expected)).toEqual({ kind: 'ok', sub: 'u', sid: 's' });
  });
  it('accepts an audience list holding the client, and the edges of the time window', () => {
    expect(checkLogoutToken(token({ aud: ['other', 'bw'] }), expected).kind).toBe('ok');
    expect(checkLogoutToken(token({ iat: now + 60 }), expected).kind).toBe('ok');
    expect(checkLogoutToken(token({ iat: now - 300 }), expected).kind).toBe('ok');
  });
  it.each([
    ['another issuer', { iss: 'https://other.example' }, 'issuer'],
    ['no issuer', { iss: undefined }, 'issuer'],
    ['another audience', { aud: 'other' }, 'audience'],
    ['an audience list without the client', { aud: ['other'] }, 'audience'],
    ['no audience', { aud: undefined }, 'audience'],
    ['no iat', { iat: undefined }, 'issued-at'],
    ['an iat that is text', { iat: String(now) }, 'issued-at'],
    ['an iat past the skew', { iat: now + 61 }, 'issued-at'],
    ['an old iat', { iat: now - 301 }, 'issued-at'],
    ['no events', { events: undefined }, 'event'],
    ['events that are not an object', { events: 'logout' }, 'event'],
    ['another event', { events: { 'http://example/other': {} } }, 'event'],
    ['the event as text', { events: { [BACKCHANNEL_LOGOUT_EVENT]: 'yes' } }, 'event'],
    ['a nonce', { nonce: 'n' }, 'nonce'],
    ['neither sub nor sid', { sub: undefined }, 'subject'],
    ['empty sub and sid', { sub: '', sid: '' }, 'subject'],
    ['sub and sid that are not text', { sub: 1, sid: 2 }, 'subject'],
  ])('refuses %s', (_name, over, reason) => {
    expect(checkLogoutToken(token(over), expected)).toEqual({ kind: 'refused', reason });
  });
  it('refuses null events', () => {
    expect(checkLogoutToken(token({ events: null }), expected)).toEqual({ kind: 'refused', reason: 'event' });
  });
});
