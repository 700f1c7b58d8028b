import { updateAgency } from '@/db/queries/admin-agencies';
import { apiRoute } from '@/lib/server/handler';
import { canManageAgencies } from '@/lib/authorization';
import { agencySlugParams, updateAgencySchema } from '@/lib/validations/admin';

export const PATCH = apiRoute({ allow: canManageAgencies, params: agencySlugParams, body: updateAgencySchema }, ({ user, params, body }) =>
  updateAgency(user, params.slug, body),
);
