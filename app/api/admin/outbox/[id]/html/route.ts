import { getOutboxMessage } from '@/db/queries/notifications';
import { DomainError } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { canReadOutbox } from '@/lib/authorization';
import { outboxIdParams } from '@/lib/validations/notifications';

/**
 * The HTML part of one e-mail as the recipient's mail program would show it, for the outbox page to open
 * frame: sandboxed, with no script and nothing loaded from anywhere.
 */
export const GET = apiRoute({ allow: canReadOutbox, params: outboxIdParams }, ({ params }) => {
  const message = getOutboxMessage(params.id);
  if (!message) throw new DomainError('not_found', 'The message was not found.');
  return new Response(message.bodyHtml, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
});
