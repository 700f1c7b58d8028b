import { auditEventsCsv, auditFilterErrors } from '@/db/queries/audit-log';
import { invalid, forbidden } from '@/lib/errors';
import { apiRoute, parseQuery } from '@/lib/server/handler';
import { canViewAuditLog } from '@/lib/authorization';
import { auditExportFileName } from '@/lib/audit-display';
import { auditExportQuery } from '@/lib/validations/audit';

/**
 * Every event matching the log's filters (not one page), streamed as CSV, named after the days it
 * covers in the reader's zone. Administrators only.
 */
export const GET = apiRoute({}, ({ request, user }) => {
  if (!canViewAuditLog(user)) throw forbidden('Only administrators can export the audit log.');
  const query = parseQuery(request, auditExportQuery);
  const fields = auditFilterErrors(query);
  if (fields) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
  return new Response(auditEventsCsv(query), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auditExportFileName(query)}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
