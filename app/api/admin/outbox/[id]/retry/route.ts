import { retryFailed } from '@/db/queries/notifications';
import { apiRoute } from '@/lib/server/handler';
import { canReadOutbox } from '@/lib/authorization';
import { outboxIdParams } from '@/lib/validations/notifications';

/** Puts a failed e-mail back in the queue; the next delivery sends it (administrators, audited). */
export const POST = apiRoute({ allow: canReadOutbox, params: outboxIdParams }, ({ user, params }) => retryFailed({ id: user.id, email: user.email }, params.id));
