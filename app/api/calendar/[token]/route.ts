import { listCalendarMeetings, taskForceDay, userOfCalendarFeed } from '@/db/queries/notifications';
import { DomainError } from '@/lib/errors';
import { publicRoute } from '@/lib/server/handler';
import { calendarFile } from '@/lib/calendar';
import { feedTokenHash } from '@/lib/notification-tokens';
import { calendarFeedParams } from '@/lib/validations/notifications';

/**
 * A person's calendar feed, for a calendar program to subscribe to without signing in: the secret
 * in the address is the credential. Every meeting still to come and those of the past year, each
 * with its reporting cutoff. An address turned off or replaced answers 404.
 */
export const GET = publicRoute({ params: calendarFeedParams }, ({ params }) => {
  const user = userOfCalendarFeed(feedTokenHash(params.token.replace(/\.ics$/, '')));
  if (!user) throw new DomainError('not_found', 'This calendar address is not valid: it was turned off or replaced. Make a new one on your account page.');
  const body = calendarFile(listCalendarMeetings(taskForceDay()), 'PITF meetings and reporting cutoffs');
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="pitf-meetings.ics"' } });
});
