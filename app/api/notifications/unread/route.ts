import { countUnread } from '@/db/queries/notifications';
import { apiRoute } from '@/lib/server/handler';

/** The header's unread count, asked in the background: it does not count as the person being active. */
export const GET = apiRoute({ notActivity: true }, ({ user }) => ({ unread: countUnread(user.id) }));
