import { getPlanCoverage } from '@/db/queries/plan-coverage';
import { apiRoute } from '@/lib/server/handler';

/** Reading is open to every signed-in role, so the plan's coverage is too. */
export const GET = apiRoute({}, () => getPlanCoverage());
