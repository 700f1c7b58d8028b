import { submitReport } from '@/db/queries/reports';
import { apiRoute } from '@/lib/server/handler';
import { reportParams } from '@/lib/validations/meetings';

export const POST = apiRoute({ params: reportParams }, ({ user, params }) => submitReport(user, params.id, params.agency));
