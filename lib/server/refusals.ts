/**
 * Refused requests (401 not signed in, 403 not allowed) go into the audit trail, within limits: a
 * caller has an allowance of refusals per address and per account (lib/server/rate-limit.ts), and
 * identical refusals in a short window are one event with a count (db/queries/refusals.ts).
 */
import 'server-only';
import { recordRefusal } from '@/db/queries/refusals';
import type { SessionUser } from '@/lib/authorization';
import { rateLimited, type DomainError } from '@/lib/errors';
import { takeRefusalToken } from './rate-limit';

export type RequestRefusal = {
  status: 401 | 403 | number;
  user: SessionUser | null;
  address: string;
  method: string;
  path: string;
  reason: string;
};

/**
 * Records a refusal. Returns the 429 to answer instead when the caller has used up their allowance
 * of refusals (then only one counted event per address and window says so), or null.
 */
export function recordRequestRefusal(refusal: RequestRefusal): DomainError | null {
  const { status, user, address, method, path, reason } = refusal;
  const request = `${method} ${path}`;
  const taken = takeRefusalToken(address, user?.id ?? null);
  try {
    if (!taken.ok) {
      recordRefusal(`rate_limited:${address}`, {
        actor: { id: user?.id ?? null, email: user?.email ?? null },
        action: 'rate_limited',
        entity: 'request',
        entityId: request,
        agencyId: user?.agencyId ?? null,
        after: { reason: 'Too many refused requests.', address },
      });
      return rateLimited(`Too many refused requests. Try again in ${taken.retryAfterSeconds} seconds.`, taken.retryAfterSeconds);
    }
    if (status === 401) {
      recordRefusal(`unauthenticated:${address}:${request}:${reason}`, {
        actor: { id: null, email: null },
        action: 'unauthenticated',
        entity: 'request',
        entityId: request,
        agencyId: null,
        after: { reason, address },
      });
    } else {
      recordRefusal(`denied:${user?.id ?? address}:${request}:${reason}`, {
        actor: { id: user?.id ?? null, email: user?.email ?? null },
        action: 'denied',
        entity: 'request',
        entityId: request,
        agencyId: user?.agencyId ?? null,
        after: { reason },
      });
    }
  } catch (error) {
    // The refusal stands even if it could not be recorded.
    console.error('Could not record a refused request', error);
  }
  return null;
}
