import { getReport, saveStatement } from '@/db/queries/reports';
import { apiRoute } from '@/lib/server/handler';
import { reportParams, statementSchema } from '@/lib/validations/meetings';

export const GET = apiRoute({ params: reportParams }, ({ params }) => getReport(params.id, params.agency));

export const PUT = apiRoute({ params: reportParams, body: statementSchema }, ({ user, params, body }) =>
  saveStatement(user, params.id, params.agency, body.statement),
);
