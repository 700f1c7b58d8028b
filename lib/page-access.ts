import 'server-only';
import { headers } from 'next/headers';
import { recordDenied } from '@/db/queries/audit';
import type { SessionUser } from './authorization';

/**
 * For pages only some roles may open: records the refused visit in the audit log, as the API
 * does for refused requests, and tells the page whether to show itself.
 */
export async function pageAllowed(user: SessionUser, allowed: boolean, reason = 'This page is for administrators.'): Promise<boolean> {
  if (!allowed) recordDenied(user, 'GET', ((await headers()).get('x-pitf-path') ?? '(unknown page)').split('?')[0]!, reason);
  return allowed;
}
