import { listAgencies } from '@/db/queries/agencies';
import { apiRoute } from '@/lib/server/handler';

export const GET = apiRoute({}, () => ({ items: listAgencies() }));
