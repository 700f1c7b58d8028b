/**
 * Single sign-on through OpenID Connect as next-auth's `sso` provider, configured by environment
 * (lib/env.ts ssoConfig) for Login.gov or an agency's own provider:
 * - authorization code flow with PKCE, state and nonce; `prompt=select_account`; `acr_values`;
 * - client authentication by `private_key_jwt` (RS256), the assertion's audience being the token
 *   endpoint, as Login.gov requires (openid-client would otherwise name the issuer);
 * - the e-mail from the userinfo endpoint (Login.gov does not put it in the ID token), the subject
 *   and `acr` from the verified ID token.
 */
import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { TokenSet } from 'openid-client';
import type { SsoConfig } from '@/lib/env';

export type SsoProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; acr?: string };

export function ssoProvider(config: SsoConfig): OAuthConfig<SsoProfile> {
  return {
    id: 'sso',
    name: config.name,
    type: 'oauth',
    wellKnown: `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: config.clientId,
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    client: {
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      id_token_signed_response_alg: 'RS256',
    },
    jwks: { keys: [config.privateJwk] },
    authorization: { params: { scope: config.scopes, prompt: 'select_account', acr_values: config.acrValues.join(' ') } },
    token: {
      async request({ client, params, checks, provider }) {
        const tokens = await client.callback(provider.callbackUrl, params, checks, {
          clientAssertionPayload: { aud: client.issuer.metadata.token_endpoint },
        });
        return { tokens };
      },
    },
    userinfo: {
      async request({ client, tokens }) {
        // next-auth hands over the TokenSet it made from the token answer (core/lib/oauth/callback).
        const tokenSet = tokens as TokenSet;
        const claims = tokenSet.claims();
        const info = await client.userinfo(tokenSet);
        return {
          ...info,
          sub: claims.sub,
          acr: typeof claims.acr === 'string' ? claims.acr : undefined,
          email: info.email ?? (claims.email as string | undefined),
          email_verified: info.email_verified ?? (claims.email_verified as boolean | undefined),
        } as SsoProfile;
      },
    },
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
    },
  };
}

let discovered: { issuer: string; endSession: string | null } | undefined;

/**
 * Where to send the browser after signing out of a single sign-on session, so that the provider
 * ends its session too (RP-initiated logout), or null when it offers none.
 */
export async function providerLogoutUrl(config: SsoConfig, returnTo: string): Promise<string | null> {
  if (discovered?.issuer !== config.issuer) {
    try {
      const response = await fetch(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      const metadata = (await response.json()) as { end_session_endpoint?: string };
      discovered = { issuer: config.issuer, endSession: metadata.end_session_endpoint ?? null };
    } catch {
      return null;
    }
  }
  if (!discovered.endSession) return null;
  const url = new URL(discovered.endSession);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', returnTo);
  url.searchParams.set('state', crypto.randomUUID().replace(/-/g, ''));
  return url.toString();
}
