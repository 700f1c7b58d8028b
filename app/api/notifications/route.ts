import { listNotifications } from '@/db/queries/notifications';
import { apiRoute } from '@/lib/server/handler';
import { notificationListQuery } from '@/lib/validations/notifications';

/** The signed-in person's own notifications, newest first, with the unread count. */
export const GET = apiRoute({ query: notificationListQuery }, ({ user, query }) => listNotifications(user.id, query.page));
