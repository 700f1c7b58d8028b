import { reviewReport } from '@/db/queries/reports';
import { apiRoute } from '@/lib/server/handler';
import { reportParams, returnSchema } from '@/lib/validations/meetings';

export const POST = apiRoute({ params: reportParams, body: returnSchema }, ({ user, params, body }) =>
  reviewReport(user, params.id, params.agency, 'return', body.comment),
);
