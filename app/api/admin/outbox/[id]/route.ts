import { getOutboxMessage } from '@/db/queries/notifications';
import { DomainError } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { canReadOutbox } from '@/lib/authorization';
import { outboxIdParams } from '@/lib/validations/notifications';

/** One e-mail with its plain-text and HTML parts (administrators). */
export const GET = apiRoute({ allow: canReadOutbox, params: outboxIdParams }, ({ params }) => {
  const message = getOutboxMessage(params.id);
  if (!message) throw new DomainError('not_found', 'The message was not found.');
  return message;
});
