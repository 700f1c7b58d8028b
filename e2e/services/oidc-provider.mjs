// A real OpenID provider (oidc-provider 9) for the single sign-on tests and the local demo, set up
// to treat a relying party the way Login.gov does:
// - authorization code flow; clients authenticate with private_key_jwt (RS256) only, and the
//   client assertion's audience must be (or include) the token endpoint URL;
// - state and nonce of at least 22 characters; PKCE (S256) is checked when sent, not required;
// - prompt=select_account is accepted;
// - the ID token's acr is the level the tester picks on the sign-in page; e-mail claims come from
//   userinfo only, as Login.gov releases them (option emailInIdToken puts them in the ID token too);
// - RP-initiated logout asks for confirmation, then returns to the registered address.
// The sign-in page is a form where the tester picks the account and acr; consent is implied.
// Accounts, sessions and keys live in memory and are new at every start.
//
// From the command line (for the local demo), every option has a default:
//   node e2e/services/oidc-provider.mjs --port 3200 --client-id pitf-local \
//     --jwks data/sso/public-jwks.json --redirect-uri http://localhost:3000/api/auth/callback/sso \
//     --post-logout-redirect-uri http://localhost:3000/login [--accounts accounts.json] [--email-in-id-token]
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Provider, { errors, interactionPolicy } from 'oidc-provider';
// oidc-provider's own in-memory storage, imported by path: left as the default, it warns at start
// that its data is lost on restart, which a test provider wants anyway.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

/**
 * @typedef {{ sub: string, email: string, name?: string }} Account
 * @typedef {{
 *   clientId: string,
 *   jwks: { keys: Array<Record<string, unknown>> },
 *   redirectUris: string[],
 *   postLogoutRedirectUris?: string[],
 * }} Client
 * @typedef {{
 *   issuer: string,
 *   port: number,
 *   setAccountEmail(sub: string, email: string): void,
 *   addAccount(account: Account): void,
 *   stop(): Promise<void>,
 * }} RunningProvider
 */

/** The acr values Login.gov names, and AAL1 so a tester can play a weaker sign-in than requested. */
const ACR_VALUES = [
  'urn:acr.login.gov:auth-only',
  'urn:acr.login.gov:verified',
  'http://idmanagement.gov/ns/assurance/aal/1',
  'http://idmanagement.gov/ns/assurance/aal/2',
  'http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true',
  'http://idmanagement.gov/ns/assurance/aal/2?hspd12=true',
];

/** The demo database's people (seeds/demo.ts), and one person the app does not know. */
const DEMO_ACCOUNTS = [
  { sub: '6f1c0a3e-1b7d-4c52-9a0e-3d2b8f4e5a01', email: 'admin@pitf.demo', name: 'Avery Admin' },
  { sub: '6f1c0a3e-1b7d-4c52-9a0e-3d2b8f4e5a02', email: 'chair@pitf.demo', name: 'Casey Chair' },
  { sub: '6f1c0a3e-1b7d-4c52-9a0e-3d2b8f4e5a03', email: 'viewer@pitf.demo', name: 'Vic Viewer' },
  { sub: '6f1c0a3e-1b7d-4c52-9a0e-3d2b8f4e5a04', email: 'official.dhs@pitf.demo', name: 'DHS Official' },
  { sub: '6f1c0a3e-1b7d-4c52-9a0e-3d2b8f4e5a05', email: 'stranger@example.gov', name: 'Sam Stranger' },
];

/**
 * Starts the provider on 127.0.0.1; its issuer is http://localhost:<port>.
 * @param {{ port?: number, clients: Client[], accounts: Account[], emailInIdToken?: boolean }} options
 * @returns {Promise<RunningProvider>}
 */
export async function startOidcProvider({ port = 0, clients, accounts, emailInIdToken = false }) {
  clients.forEach(assertRsaKeys);
  /** @type {Map<string, Account>} */
  const accountsBySub = new Map();
  /** @param {Account} account */
  const addAccount = (account) => {
    if (accountsBySub.has(account.sub)) throw new Error(`An account with sub ${account.sub} exists`);
    accountsBySub.set(account.sub, { ...account });
  };
  accounts.forEach(addAccount);

  // The issuer names the port, so the port is taken before the provider exists.
  const server = http.createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const issuer = `http://localhost:${address.port}`;
  const provider = new Provider(issuer, configuration(clients, accountsBySub, emailInIdToken));
  const oidc = provider.callback();
  server.on('request', (req, res) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname)?.[1];
    if (!uid) return oidc(req, res);
    interaction(provider, accountsBySub, uid, req, res).catch((/** @type {any} */ error) => {
      // An expired or missing interaction (SessionNotFound) is the tester's to see, like other refusals.
      send(res, error.status ?? 500, page('Sign-in cannot continue', `<p>${escapeHtml(error.message)}</p>`));
    });
  });

  return {
    issuer,
    port: address.port,
    setAccountEmail(sub, email) {
      const account = accountsBySub.get(sub);
      if (!account) throw new Error(`No account with sub ${sub}`);
      account.email = email;
    },
    addAccount,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * @param {Client[]} clients
 * @param {Map<string, Account>} accounts
 * @param {boolean} emailInIdToken
 */
function configuration(clients, accounts, emailInIdToken) {
  const policy = interactionPolicy.base();
  // oidc-provider refuses a prompt value it has no Prompt for, and Login.gov's clients send
  // select_account. The sign-in form answers it together with login and consent.
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);

  /** @param {string} name */
  const atLeast22Characters = (name) => (/** @type {unknown} */ _ctx, /** @type {string | undefined} */ value) => {
    if ((value ?? '').length < 22) throw new errors.InvalidRequest(`${name} must be at least 22 characters`);
  };

  return {
    // 15 s: oidc-provider's clockTolerance, which stored lifetimes allow for (as the default does).
    adapter: createMemoryAdapter(15),
    clients: clients.map((client) => ({
      client_id: client.clientId,
      jwks: client.jwks,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      id_token_signed_response_alg: 'RS256',
    })),
    clientAuthMethods: ['private_key_jwt'],
    enabledJWA: { clientAuthSigningAlgValues: ['RS256'], idTokenSigningAlgValues: ['RS256'] },
    // oidc-provider also accepts the issuer as audience, and openid-client sends only the issuer
    // unless told otherwise; Login.gov refuses an assertion whose aud lacks the token endpoint URL.
    async assertJwtClientAuthClaimsAndHeader(/** @type {any} */ ctx, /** @type {{ aud: string | string[] }} */ claims) {
      if (![claims.aud].flat().includes(ctx.oidc.urlFor('token'))) {
        throw new errors.InvalidClientAuth('the client assertion audience (aud) must be or include the token endpoint URL');
      }
    },
    extraParams: { state: atLeast22Characters('state'), nonce: atLeast22Characters('nonce') },
    acrValues: ACR_VALUES,
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    // true (the default) keeps scope-requested claims out of an ID token issued with an access token.
    conformIdTokenClaims: !emailInIdToken,
    async findAccount(/** @type {unknown} */ _ctx, /** @type {string} */ sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      // Read at every use, so setAccountEmail shows in the next token and userinfo response.
      return { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }) };
    },
    interactions: { policy },
    features: {
      devInteractions: { enabled: false },
      // Login.gov has no pushed authorization requests, so the token endpoint is the only one that
      // authenticates clients.
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    jwks: { keys: [signingKey()] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    // Only servers call the provider's endpoints from scripts; no browser origin needs CORS.
    clientBasedCORS: () => false,
    // Fixed lifetimes: oidc-provider prints a notice whenever its default lifetime functions run.
    ttl: { AccessToken: 15 * 60, IdToken: 15 * 60, Interaction: 10 * 60, Session: 60 * 60, Grant: 60 * 60 },
    renderError,
  };
}

/**
 * The sign-in page (GET) and its answer (POST). Every interaction, whatever prompt caused it, is
 * answered by signing in: the chosen account, the chosen acr and consent to the requested scopes.
 * @param {Provider} provider
 * @param {Map<string, Account>} accounts
 * @param {string} uid
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function interaction(provider, accounts, uid, req, res) {
  const { params } = await provider.interactionDetails(req, res);
  const clientId = String(params.client_id);
  const requestedAcr = typeof params.acr_values === 'string' ? params.acr_values.split(' ') : [];
  const acrChoices = [...new Set([...requestedAcr, ...ACR_VALUES])];

  if (req.method === 'GET') {
    send(res, 200, signInPage(uid, clientId, [...accounts.values()], acrChoices, requestedAcr));
    return;
  }
  if (req.method !== 'POST') {
    send(res, 405, page('Method not allowed', '<p>Use the sign-in form.</p>'));
    return;
  }

  const form = await readForm(req);
  if (form.get('action') === 'cancel') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in' }, { mergeWithLastSubmission: false });
    return;
  }
  const account = [...accounts.values()].find((candidate) => candidate.email === form.get('email'));
  const acr = form.get('acr');
  if (!account || !acr || !acrChoices.includes(acr)) {
    send(res, 400, page('Sign-in cannot continue', '<p>Choose one of the listed accounts and levels.</p>'));
    return;
  }
  const grant = new provider.Grant({ accountId: account.sub, clientId });
  grant.addOIDCScope(String(params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { select_account: {}, login: { accountId: account.sub, acr }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * @param {string} uid
 * @param {string} clientId
 * @param {Account[]} accounts
 * @param {string[]} acrChoices
 * @param {string[]} requestedAcr
 */
function signInPage(uid, clientId, accounts, acrChoices, requestedAcr) {
  const accountOptions = accounts
    .map(({ email, name }) => `<option value="${escapeHtml(email)}">${escapeHtml(name ? `${name} (${email})` : email)}</option>`)
    .join('');
  const acrOptions = acrChoices
    .map((acr) => `<option value="${escapeHtml(acr)}">${escapeHtml(requestedAcr.includes(acr) ? `${acr} (requested)` : acr)}</option>`)
    .join('');
  return page(
    'Sign in',
    `<p>${escapeHtml(clientId)} asks you to sign in. This provider is for tests and demonstrations: choose who you are and the level your sign-in reached.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<p><label for="email">E-mail address</label><br><select id="email" name="email">${accountOptions}</select></p>
<p><label for="acr">Authentication level (acr)</label><br><select id="acr" name="acr">${acrOptions}</select></p>
<p><button type="submit" name="action" value="continue">Continue</button> <button type="submit" name="action" value="cancel">Cancel</button></p>
</form>`,
  );
}

/** Login.gov also asks before signing out; the test and the tester press the button. */
async function logoutSource(/** @type {any} */ ctx, /** @type {string} */ form) {
  ctx.body = page(
    'Sign out',
    `<p>Sign out of the local OpenID provider?</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}

/** Shown only when a logout request names no post_logout_redirect_uri. */
async function postLogoutSuccessSource(/** @type {any} */ ctx) {
  ctx.body = page('Signed out', '<p>You have signed out of the local OpenID provider.</p>');
}

async function renderError(/** @type {any} */ ctx, /** @type {{ error: string, error_description?: string }} */ out) {
  ctx.type = 'html';
  ctx.body = page('Sign-in error', `<p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
}

/** @param {string} title plain text @param {string} body HTML */
function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – local OpenID provider</title></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

/** @param {unknown} text */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** @param {http.ServerResponse} res @param {number} status @param {string} html */
function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** @param {http.IncomingMessage} req */
async function readForm(req) {
  req.setEncoding('utf8');
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** A fresh RS256 key for signing ID tokens, so no development key is used (or warned about). */
function signingKey() {
  const jwk = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * Login.gov takes RSA keys of 2048 bits or more; a shorter key would otherwise be refused only at
 * the token endpoint, with a vaguer message. (oidc-provider itself refuses private key members.)
 * @param {Client} client
 */
function assertRsaKeys(client) {
  for (const key of client.jwks.keys) {
    if (key.kty !== 'RSA' || typeof key.n !== 'string' || Buffer.from(key.n, 'base64url').length < 256) {
      throw new Error(`Client ${client.clientId}: every key must be an RSA public key of 2048 bits or more`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3200' },
      'client-id': { type: 'string', default: 'pitf-local' },
      jwks: { type: 'string', default: 'data/sso/public-jwks.json' },
      'redirect-uri': { type: 'string', multiple: true, default: ['http://localhost:3000/api/auth/callback/sso'] },
      'post-logout-redirect-uri': { type: 'string', multiple: true, default: ['http://localhost:3000/login'] },
      accounts: { type: 'string' },
      'email-in-id-token': { type: 'boolean', default: false },
    },
  });
  if (!fs.existsSync(values.jwks)) {
    console.error(`No client key set at ${values.jwks}: make one with node scripts/sso-keygen.mjs --out data/sso`);
    process.exit(2);
  }
  /** @param {string} file */
  const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const running = await startOidcProvider({
    port: Number(values.port),
    clients: [
      {
        clientId: values['client-id'],
        jwks: readJson(values.jwks),
        redirectUris: values['redirect-uri'],
        postLogoutRedirectUris: values['post-logout-redirect-uri'],
      },
    ],
    accounts: values.accounts ? readJson(values.accounts) : DEMO_ACCOUNTS,
    emailInIdToken: values['email-in-id-token'],
  });
  console.log(`OpenID provider: ${running.issuer} (${running.issuer}/.well-known/openid-configuration)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void running.stop());
}
