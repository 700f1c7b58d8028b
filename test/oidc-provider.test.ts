// The local OpenID provider (e2e/services/oidc-provider.mjs) against openid-client 5, the library
// next-auth v4 signs in with, configured as the app will configure it, and the key script whose
// output both sides use.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';
import { custom, generators, Issuer, type BaseClient } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type RunningProvider } from '../e2e/services/oidc-provider.mjs';

const KEYGEN = fileURLToPath(new URL('../scripts/sso-keygen.mjs', import.meta.url));
const CLIENT_ID = 'pitf-test';
const REDIRECT_URI = 'http://localhost:3000/api/auth/callback/sso';
const POST_LOGOUT_REDIRECT_URI = 'http://localhost:3000/login';
const AUTH_ONLY = 'urn:acr.login.gov:auth-only';
const PHISHING_RESISTANT = 'http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true';
const AAL1 = 'http://idmanagement.gov/ns/assurance/aal/1';

const alice = { sub: '3a7d2c1e-5b4f-4e6a-8c9d-0e1f2a3b4c5d', email: 'alice@agency.example.gov', name: 'Alice Analyst' };
const bob = { sub: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', email: 'bob@agency.example.gov', name: 'Bob Builder' };

type Keys = { privateJwk: JWK; publicJwks: { keys: JWK[] } };
type Setup = { provider: RunningProvider; client: BaseClient };
type Choice = { email: string; acr: string };

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const tempDirs: string[] = [];
const running: RunningProvider[] = [];

/** Runs scripts/sso-keygen.mjs into a fresh directory and reads what it wrote. */
function keygen(...args: string[]): Keys & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-sso-'));
  tempDirs.push(dir);
  execFileSync(process.execPath, [KEYGEN, '--out', dir, ...args], { stdio: 'pipe' });
  return { dir, privateJwk: readJson(path.join(dir, 'private-jwk.json')), publicJwks: readJson(path.join(dir, 'public-jwks.json')) };
}

/** The client exactly as next-auth v4 builds it (core/lib/oauth/client.js) from the app's provider entry. */
async function nextAuthClient(issuer: string, privateJwk: JWK): Promise<BaseClient> {
  const discovered = await Issuer.discover(`${issuer}/.well-known/openid-configuration`);
  const client = new discovered.Client(
    {
      client_id: CLIENT_ID,
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      id_token_signed_response_alg: 'RS256',
    },
    { keys: [privateJwk] },
  );
  client[custom.clock_tolerance] = 10;
  return client;
}

async function start(keys: Keys, options: { emailInIdToken?: boolean } = {}): Promise<Setup> {
  const provider = await startOidcProvider({
    clients: [
      { clientId: CLIENT_ID, jwks: keys.publicJwks, redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_REDIRECT_URI] },
    ],
    accounts: [alice, bob],
    ...options,
  });
  running.push(provider);
  return { provider, client: await nextAuthClient(provider.issuer, keys.privateJwk) };
}

/** What a browser does between the app and the provider: cookies, and redirects followed by hand. */
class Browser {
  private cookies = new Map<string, string>();

  constructor(private readonly issuer: string) {}

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { cookie } });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      // Path scoping is left out: one site, and each cookie name is set for one path at a time.
      if (value && !/expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  /** Follows redirects until the provider shows a page, or sends the browser away (not followed). */
  async visit(url: string, init?: RequestInit): Promise<{ url: string; status: number; html: string }> {
    let response = await this.request(url, init);
    let current = url;
    while (response.status >= 300 && response.status < 400) {
      current = new URL(response.headers.get('location') ?? '', current).href;
      if (!current.startsWith(`${this.issuer}/`)) return { url: current, status: response.status, html: '' };
      response = await this.request(current);
    }
    return { url: current, status: response.status, html: await response.text() };
  }

  /** Submits the page's form with its hidden fields and `fields` (which include the pressed button's name and value). */
  async submit(html: string, fields: Record<string, string>): Promise<{ url: string; status: number; html: string }> {
    const action = /<form [^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No form on the page: ${html}`);
    const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return this.visit(new URL(action, this.issuer).href, { method: 'POST', body: new URLSearchParams({ ...hidden, ...fields }) });
  }
}

/** The app's authorization request, as next-auth sends it with checks ['pkce', 'state', 'nonce']. */
function authorizationRequest(client: BaseClient, overrides: Record<string, string> = {}) {
  const checks = { state: generators.state(), nonce: generators.nonce(), code_verifier: generators.codeVerifier() };
  const url = client.authorizationUrl({
    scope: 'openid email profile',
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: generators.codeChallenge(checks.code_verifier),
    code_challenge_method: 'S256',
    prompt: 'select_account',
    acr_values: `${AUTH_ONLY} ${PHISHING_RESISTANT}`,
    ...overrides,
  });
  return { url, checks };
}

/** Signs in at the provider's page and returns where the browser lands back at the app. */
async function authorize({ provider, client }: Setup, choice: Choice, browser = new Browser(provider.issuer)) {
  const { url, checks } = authorizationRequest(client);
  const page = await browser.visit(url);
  expect(page.status).toBe(200);
  const landing = await browser.submit(page.html, { ...choice, action: 'continue' });
  expect(landing.url.startsWith(`${REDIRECT_URI}?`)).toBe(true);
  return { callbackUrl: landing.url, checks, browser };
}

/**
 * The code exchange and the ID token checks (state, nonce, PKCE) next-auth makes, with the client
 * assertion addressed to the token endpoint as Login.gov requires (next-auth's token.request hook).
 */
async function redeem(client: BaseClient, { callbackUrl, checks }: Awaited<ReturnType<typeof authorize>>) {
  const tokens = await client.callback(REDIRECT_URI, client.callbackParams(callbackUrl), checks, {
    clientAssertionPayload: { aud: client.issuer.metadata.token_endpoint },
  });
  return { tokens, claims: tokens.claims(), userinfo: await client.userinfo(tokens) };
}

let keys: Keys;
let setup: Setup;

beforeAll(async () => {
  keys = keygen();
  setup = await start(keys);
});

afterAll(async () => {
  await Promise.all(running.map((provider) => provider.stop()));
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('scripts/sso-keygen.mjs', () => {
  it('writes an RS256 private JWK only its owner can read, and the public JWKS without private members', () => {
    const { dir, privateJwk, publicJwks } = keygen('--bits', '3072');
    expect(fs.statSync(path.join(dir, 'private-jwk.json')).mode & 0o777).toBe(0o600);
    expect(privateJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    expect(crypto.createPrivateKey({ key: privateJwk as crypto.JsonWebKey, format: 'jwk' }).asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(publicJwks.keys).toEqual([
      { kty: 'RSA', n: privateJwk.n, e: privateJwk.e, kid: privateJwk.kid, alg: 'RS256', use: 'sig' },
    ]);
  });

  it('refuses keys under 2048 bits and does not replace an existing key unless forced', () => {
    const { dir } = keygen();
    const run = (...args: string[]) => execFileSync(process.execPath, [KEYGEN, '--out', dir, ...args], { stdio: 'pipe' });
    expect(() => run('--bits', '1024')).toThrow(/--bits/);
    expect(() => run()).toThrow(/--force/);
    expect(() => run('--force')).not.toThrow();
  });
});

describe('local OpenID provider', () => {
  it('advertises what Login.gov does: private_key_jwt with RS256, S256 PKCE, logout', () => {
    expect(setup.client.issuer.metadata).toMatchObject({
      issuer: setup.provider.issuer,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      end_session_endpoint: `${setup.provider.issuer}/session/end`,
      acr_values_supported: expect.arrayContaining([AUTH_ONLY, PHISHING_RESISTANT, AAL1]),
    });
    expect(setup.provider.issuer).toBe(`http://localhost:${setup.provider.port}`);
  });

  it('shows an accessible sign-in page offering the accounts and the requested acr values', async () => {
    const page = await new Browser(setup.provider.issuer).visit(authorizationRequest(setup.client).url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('<h1>Sign in</h1>');
    expect(page.html).toContain('<label for="email">E-mail address</label><br><select id="email" name="email">');
    expect(page.html).toContain('<label for="acr">Authentication level (acr)</label><br><select id="acr" name="acr">');
    expect(page.html).toContain('<button type="submit" name="action" value="continue">Continue</button>');
    expect(page.html).toContain(`<option value="${alice.email}">Alice Analyst (${alice.email})</option>`);
    // The requested values come first (the first is preselected), then the others, AAL1 among them.
    const acrSelect = /<select id="acr" name="acr">(.*?)<\/select>/.exec(page.html)?.[1] ?? '';
    const acrOptions = [...acrSelect.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]);
    expect(acrOptions.slice(0, 2)).toEqual([AUTH_ONLY, PHISHING_RESISTANT]);
    expect(acrOptions).toContain(AAL1);
  });

  it('completes the code flow: the ID token carries the chosen acr, userinfo the e-mail', async () => {
    const { claims, userinfo } = await redeem(setup.client, await authorize(setup, { email: alice.email, acr: PHISHING_RESISTANT }));
    expect(claims).toMatchObject({ iss: setup.provider.issuer, aud: CLIENT_ID, sub: alice.sub, acr: PHISHING_RESISTANT });
    // Login.gov releases e-mail through userinfo only; the ID token has none.
    expect(claims.email).toBeUndefined();
    expect(userinfo).toEqual({ sub: alice.sub, email: alice.email, email_verified: true, name: alice.name });
  });

  it('issues a weaker acr when the tester picks one', async () => {
    const { claims } = await redeem(setup.client, await authorize(setup, { email: alice.email, acr: AAL1 }));
    expect(claims.acr).toBe(AAL1);
    expect(claims.sub).toBe(alice.sub);
  });

  it('keeps the subject when an account’s e-mail changes at the provider, and takes accounts added while running', async () => {
    const dana = { sub: '5c4b3a29-1807-4f6e-9d5c-4b3a29180700', email: 'dana@agency.example.gov' };
    setup.provider.addAccount(dana);
    expect(() => setup.provider.addAccount(dana)).toThrow(/exists/);
    const before = await redeem(setup.client, await authorize(setup, { email: dana.email, acr: AUTH_ONLY }));
    setup.provider.setAccountEmail(dana.sub, 'dana.new@agency.example.gov');
    const after = await redeem(setup.client, await authorize(setup, { email: 'dana.new@agency.example.gov', acr: AUTH_ONLY }));
    expect(before.userinfo).toMatchObject({ sub: dana.sub, email: dana.email });
    expect(after.userinfo).toMatchObject({ sub: dana.sub, email: 'dana.new@agency.example.gov' });
    expect(after.claims.sub).toBe(before.claims.sub);
  });

  it('switches the same browser to another account, ending the first session through an auto-submitted form', async () => {
    const { browser } = await authorize(setup, { email: alice.email, acr: AUTH_ONLY });
    const { url, checks } = authorizationRequest(setup.client);
    const page = await browser.visit(url);
    const handOff = await browser.submit(page.html, { email: bob.email, acr: AUTH_ONLY, action: 'continue' });
    // oidc-provider's logout form, which a browser submits by script on load.
    expect(handOff.html).toContain('document.forms[0].submit()');
    const landing = await browser.submit(handOff.html, {});
    const { claims } = await redeem(setup.client, { callbackUrl: landing.url, checks, browser });
    expect(claims.sub).toBe(bob.sub);
  });

  it('refuses a client assertion signed with another key', async () => {
    // Another key under the registered key's kid, so only the signature can tell them apart.
    const impostor = await nextAuthClient(setup.provider.issuer, { ...keygen().privateJwk, kid: keys.privateJwk.kid });
    const landing = await authorize(setup, { email: alice.email, acr: AUTH_ONLY });
    await expect(redeem(impostor, landing)).rejects.toMatchObject({ error: 'invalid_client' });
  });

  it('refuses the issuer-only assertion audience openid-client sends by default, as Login.gov does', async () => {
    const { callbackUrl, checks } = await authorize(setup, { email: alice.email, acr: AUTH_ONLY });
    await expect(setup.client.callback(REDIRECT_URI, setup.client.callbackParams(callbackUrl), checks)).rejects.toMatchObject({
      error: 'invalid_client',
    });
  });

  it('checks the PKCE verifier when a challenge was sent', async () => {
    const landing = await authorize(setup, { email: alice.email, acr: AUTH_ONLY });
    landing.checks.code_verifier = generators.codeVerifier();
    await expect(redeem(setup.client, landing)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a state or nonce shorter than 22 characters, as Login.gov does', async () => {
    for (const param of ['state', 'nonce']) {
      const { url } = authorizationRequest(setup.client, { [param]: 'too-short-0123456789' });
      const landing = await new Browser(setup.provider.issuer).visit(url);
      const error = new URL(landing.url).searchParams;
      expect(landing.url.startsWith(`${REDIRECT_URI}?`)).toBe(true);
      expect(error.get('error')).toBe('invalid_request');
      expect(error.get('error_description')).toBe(`${param} must be at least 22 characters`);
    }
  });

  it('still refuses a prompt value it has not registered', async () => {
    const { url } = authorizationRequest(setup.client, { prompt: 'select_account create' });
    const landing = await new Browser(setup.provider.issuer).visit(url);
    expect(landing.url.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(new URL(landing.url).searchParams.get('error')).toBe('invalid_request');
    expect(new URL(landing.url).searchParams.get('error_description')).toBe('unsupported prompt value requested');
  });

  it('answers access_denied when the tester cancels', async () => {
    const browser = new Browser(setup.provider.issuer);
    const { url, checks } = authorizationRequest(setup.client);
    const page = await browser.visit(url);
    const landing = await browser.submit(page.html, { email: alice.email, acr: AUTH_ONLY, action: 'cancel' });
    await expect(setup.client.callback(REDIRECT_URI, setup.client.callbackParams(landing.url), checks)).rejects.toMatchObject({
      error: 'access_denied',
    });
  });

  it('ends the session through the end_session_endpoint and returns to the post-logout address', async () => {
    const signedIn = await authorize(setup, { email: alice.email, acr: AUTH_ONLY });
    await redeem(setup.client, signedIn);
    const { browser } = signedIn;

    const state = generators.state();
    const confirm = await browser.visit(setup.client.endSessionUrl({ post_logout_redirect_uri: POST_LOGOUT_REDIRECT_URI, state }));
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('<h1>Sign out</h1>');
    const landing = await browser.submit(confirm.html, { logout: 'yes' });
    expect(landing.url).toBe(`${POST_LOGOUT_REDIRECT_URI}?state=${state}`);

    // Signed out: a request that may not show a page now needs a sign-in.
    const { url } = authorizationRequest(setup.client, { prompt: 'none' });
    const silent = await browser.visit(url);
    expect(new URL(silent.url).searchParams.get('error')).toBe('login_required');
  });

  it('puts the e-mail claims in the ID token too when asked to (emailInIdToken)', async () => {
    const withClaims = await start(keys, { emailInIdToken: true });
    const { claims } = await redeem(withClaims.client, await authorize(withClaims, { email: alice.email, acr: AUTH_ONLY }));
    expect(claims).toMatchObject({ sub: alice.sub, email: alice.email, email_verified: true, name: alice.name });
  });

  it('refuses a client key under 2048 bits at start', async () => {
    const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwks = { keys: [publicKey.export({ format: 'jwk' }) as Record<string, unknown>] };
    await expect(
      startOidcProvider({ clients: [{ clientId: 'weak', jwks, redirectUris: [REDIRECT_URI] }], accounts: [] }),
    ).rejects.toThrow(/2048 bits/);
  });
});
