import { getCalendarFeed, replaceCalendarFeed, revokeCalendarFeed } from '@/db/queries/notifications';
import { apiRoute, json } from '@/lib/server/handler';
import { calendarFeedUrl, newFeedToken } from '@/lib/notification-tokens';

/** Whether the person has a feed (its address is shown only when made). */
export const GET = apiRoute({}, ({ user }) => ({ feed: getCalendarFeed(user.id) }));

/** Makes a new feed address, replacing any earlier one; the answer is the only time the address is shown. */
export const POST = apiRoute({}, ({ user }) => {
  const { token, hash } = newFeedToken();
  replaceCalendarFeed(user, hash);
  return json({ url: calendarFeedUrl(token), feed: getCalendarFeed(user.id) }, 201);
});

/** Turns the feed off: its address stops working at once. */
export const DELETE = apiRoute({}, ({ user }) => ({ revoked: revokeCalendarFeed(user) }));
