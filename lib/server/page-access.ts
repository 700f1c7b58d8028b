import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import type { SessionUser } from '@/lib/authorization';
import { clientAddress } from './request';
import { recordRequestRefusal } from './refusals';

/**
 * For pages only some roles may open. A refused visit is recorded in the audit log, as the API
 * records refused requests, and answered 403 with the refusal of the nearest `forbidden.tsx`
 * (beside the page or above it), which says why in the page's own words.
 *
 * forbidden() works by throwing: call this in the page itself, before anything is streamed, and
 * outside any try/catch.
 */
export async function requirePageAccess(user: SessionUser, allowed: boolean, reason = 'This page is for administrators.'): Promise<void> {
  if (!allowed) await refusePage(user, reason);
}

/** The refusal itself: recorded, then 403 (never returns). */
export async function refusePage(user: SessionUser, reason: string): Promise<never> {
  const requestHeaders = await headers();
  recordRequestRefusal({
    status: 403,
    user,
    address: clientAddress(requestHeaders),
    method: 'GET',
    path: (requestHeaders.get('x-pitf-path') ?? '(unknown page)').split('?')[0]!,
    reason,
  });
  forbidden();
}
