import { markRead } from '@/db/queries/notifications';
import { apiRoute } from '@/lib/server/handler';
import { markReadSchema } from '@/lib/validations/notifications';

/** Marks the person's own notifications read (ids of anyone else's are ignored); answers the unread count left. */
export const POST = apiRoute({ body: markReadSchema }, ({ user, body }) => ({ unread: markRead(user.id, 'all' in body ? 'all' : body.ids) }));
