import { listStatistics } from '@/db/queries/statistics';
import { apiRoute } from '@/lib/api/handler';

export const GET = apiRoute({}, () => ({ indicators: listStatistics() }));
