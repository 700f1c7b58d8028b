import 'server-only';
import { headers } from 'next/headers';
import type { SessionUser } from './authorization';
import { clientAddress } from './server/request';
import { recordRequestRefusal } from './server/refusals';

/**
 * For pages only some roles may open: records the refused visit in the audit log, as the API
 * does for refused requests, and tells the page whether to show itself.
 */
export async function pageAllowed(user: SessionUser, allowed: boolean, reason = 'This page is for administrators.'): Promise<boolean> {
  if (!allowed) {
    const requestHeaders = await headers();
    recordRequestRefusal({
      status: 403,
      user,
      address: clientAddress(requestHeaders),
      method: 'GET',
      path: (requestHeaders.get('x-pitf-path') ?? '(unknown page)').split('?')[0]!,
      reason,
    });
  }
  return allowed;
}
