import { apiRoute } from '@/lib/server/handler';
import { getRequestSession } from '@/lib/server/auth';
import { configuredOrigin, ssoConfig } from '@/lib/env';
import { providerLogoutUrl } from '@/lib/server/sso';

/**
 * Asked by the browser just before signing out: where to go afterwards so that the identity
 * provider ends its session too (`{ url }`), or `{ url: null }` for a session that did not start
 * there.
 */
export const GET = apiRoute({ allowSignInStep: true, allowPendingPasswordChange: true }, async () => {
  const session = await getRequestSession();
  const sso = ssoConfig();
  if (!session.user || session.method !== 'sso' || !sso) return { url: null };
  return { url: await providerLogoutUrl(sso, `${configuredOrigin() ?? 'http://localhost:3000'}/login`) };
});
