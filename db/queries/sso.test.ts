import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ssoConfig } from '@/lib/env';
import { acrSatisfies } from './sso';

const PHISHING_RESISTANT = 'http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true';

describe('the acr a provider reports', () => {
  it('satisfies only when it is one of the required values, exactly', () => {
    expect(acrSatisfies(PHISHING_RESISTANT, [PHISHING_RESISTANT])).toBe(true);
    expect(acrSatisfies('http://idmanagement.gov/ns/assurance/aal/2', [PHISHING_RESISTANT])).toBe(false);
    expect(acrSatisfies(`${PHISHING_RESISTANT} `, [PHISHING_RESISTANT])).toBe(false);
    expect(acrSatisfies('urn:acr.login.gov:auth-only', [PHISHING_RESISTANT])).toBe(false);
    expect(acrSatisfies(null, [PHISHING_RESISTANT])).toBe(false);
    expect(acrSatisfies(undefined, [])).toBe(false);
  });
});

describe('single sign-on settings', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('PITF_SSO_')) delete process.env[key];
    Object.assign(process.env, saved);
  });

  function keyFile(jwk: object): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-sso-')), 'key.json');
    fs.writeFileSync(file, JSON.stringify(jwk));
    return file;
  }

  it('are off without an issuer, and refuse to half-configure', () => {
    expect(ssoConfig()).toBeNull();
    process.env.PITF_SSO_ISSUER = 'https://idp.int.identitysandbox.gov';
    expect(() => ssoConfig()).toThrow(/PITF_SSO_CLIENT_ID and PITF_SSO_PRIVATE_JWK_FILE/);
    process.env.PITF_SSO_CLIENT_ID = 'urn:gov:gsa:openidconnect.profiles:sp:sso:pitf';
    process.env.PITF_SSO_PRIVATE_JWK_FILE = keyFile({ kty: 'RSA', n: 'x', e: 'AQAB' });
    expect(() => ssoConfig()).toThrow(/private key/);
  });

  it("ask Login.gov for a phishing-resistant sign-in and accept only that assurance back", () => {
    process.env.PITF_SSO_ISSUER = 'https://idp.int.identitysandbox.gov';
    process.env.PITF_SSO_CLIENT_ID = 'pitf';
    process.env.PITF_SSO_PRIVATE_JWK_FILE = keyFile({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'secret' });
    const config = ssoConfig()!;
    expect(config.acrValues).toEqual(['urn:acr.login.gov:auth-only', PHISHING_RESISTANT]);
    expect(config.requiredAcr).toEqual([PHISHING_RESISTANT]);
    expect(config).toMatchObject({ scopes: 'openid email', name: 'Login.gov' });
    process.env.PITF_SSO_ACR_VALUES = 'phr';
    process.env.PITF_SSO_REQUIRED_ACR = 'phr phrh';
    expect(ssoConfig()).toMatchObject({ acrValues: ['phr'], requiredAcr: ['phr', 'phrh'] });
  });
});
