import { listOutbox } from '@/db/queries/notifications';
import { apiRoute } from '@/lib/server/handler';
import { canReadOutbox } from '@/lib/authorization';
import { outboxListQuery } from '@/lib/validations/notifications';

/** Every e-mail the app has written, newest first, with where each stands (administrators). */
export const GET = apiRoute({ allow: canReadOutbox, query: outboxListQuery }, ({ query }) => listOutbox(query.state, query.page, query.to));
