import { createAgency, listAgenciesForAdmin } from '@/db/queries/admin-agencies';
import { apiRoute, json } from '@/lib/server/handler';
import { canManageAgencies } from '@/lib/authorization';
import { createAgencySchema } from '@/lib/validations/admin';

export const GET = apiRoute({ allow: canManageAgencies }, () => ({ agencies: listAgenciesForAdmin() }));

export const POST = apiRoute({ allow: canManageAgencies, body: createAgencySchema }, ({ user, body }) => json(createAgency(user, body), 201));
