import { listAgencies } from '@/db/queries/agencies';
import { apiRoute } from '@/lib/api/handler';

export const GET = apiRoute({}, () => ({ items: listAgencies() }));
