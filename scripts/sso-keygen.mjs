// Makes the signing key the app authenticates to an OpenID provider with (private_key_jwt, RS256):
//   node scripts/sso-keygen.mjs --out data/sso [--bits 3072] [--force]
// writes <out>/private-jwk.json (the app's secret, mode 0600) and <out>/public-jwks.json (what is
// registered with the provider: the local test provider reads it; Login.gov's portal asks for a
// certificate made from the same key, see the SSO notes).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/sso' },
    bits: { type: 'string', default: '2048' },
    force: { type: 'boolean', default: false },
  },
});

const bits = Number(values.bits);
// Login.gov refuses RSA keys under 2048 bits; the upper bound only catches typing slips.
if (!Number.isInteger(bits) || bits < 2048 || bits > 8192 || bits % 8 !== 0) {
  console.error('--bits must be a multiple of 8 from 2048 to 8192');
  process.exit(2);
}

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: bits });
const { kty, n, e, d, p, q, dp, dq, qi } = privateKey.export({ format: 'jwk' });
// RFC 7638 thumbprint (the required members in lexicographic order), so the kid names the key itself.
const kid = crypto.createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
const publicJwk = { kty, n, e, kid, alg: 'RS256', use: 'sig' };
const privateJwk = { ...publicJwk, d, p, q, dp, dq, qi };

const privateFile = path.join(values.out, 'private-jwk.json');
const publicFile = path.join(values.out, 'public-jwks.json');
fs.mkdirSync(values.out, { recursive: true, mode: 0o700 });
// 'wx' refuses to replace a key the provider may already know, unless --force says so.
const flag = values.force ? 'w' : 'wx';
try {
  fs.writeFileSync(privateFile, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600, flag });
} catch (error) {
  if (error.code !== 'EEXIST') throw error;
  console.error(`${privateFile} exists; pass --force to replace it`);
  process.exit(1);
}
// The mode above only applies when the file is created, not when --force replaces one.
fs.chmodSync(privateFile, 0o600);
fs.writeFileSync(publicFile, `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`);

console.log(`RSA ${bits}-bit key ${kid}\n  private: ${privateFile} (keep secret)\n  public:  ${publicFile}`);
