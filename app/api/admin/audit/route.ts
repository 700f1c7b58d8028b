import { auditFilterErrors, listAuditEvents } from '@/db/queries/audit-log';
import { invalid, forbidden } from '@/lib/errors';
import { apiRoute, parseQuery } from '@/lib/server/handler';
import { canViewAuditLog } from '@/lib/authorization';
import { auditListQuery } from '@/lib/validations/audit';

/**
 * The audit log, newest first, filtered and paged. Administrators only: the role is checked
 * before the query is read, so anyone else gets 403 (recorded as a refusal) whatever they send.
 */
export const GET = apiRoute({}, ({ request, user }) => {
  if (!canViewAuditLog(user)) throw forbidden('Only administrators can read the audit log.');
  const query = parseQuery(request, auditListQuery);
  const fields = auditFilterErrors(query);
  if (fields) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
  return listAuditEvents(query);
});
