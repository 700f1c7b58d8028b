import { listStatistics } from '@/db/queries/statistics';
import { apiRoute } from '@/lib/server/handler';

export const GET = apiRoute({}, () => ({ indicators: listStatistics() }));
