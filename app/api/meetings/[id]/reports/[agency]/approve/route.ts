import { reviewReport } from '@/db/queries/reports';
import { apiRoute } from '@/lib/server/handler';
import { approveSchema, reportParams } from '@/lib/validations/meetings';

export const POST = apiRoute({ params: reportParams, body: approveSchema }, ({ user, params, body }) =>
  reviewReport(user, params.id, params.agency, 'approve', body.comment ?? null),
);
