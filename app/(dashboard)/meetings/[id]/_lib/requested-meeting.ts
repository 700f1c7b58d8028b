import 'server-only';
import { cache } from 'react';
import { getMeeting } from '@/db/queries/meetings';
import { parseRouteId } from '@/lib/validations/common';

/**
 * The meeting a page under /meetings/[id] shows, read once per request: the page's metadata and
 * the page itself share the answer (React's cache() lasts one server render, so the next request
 * reads it afresh). Null for an id that is not a positive whole number or names no meeting; the
 * page then answers 404.
 */
export const getRequestedMeeting = cache((rawId: string) => {
  const id = parseRouteId(rawId);
  return id === null ? null : getMeeting(id);
});
