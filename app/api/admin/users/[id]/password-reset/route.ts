import { resetPassword } from '@/db/queries/admin-users';
import { apiRoute } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { userIdParams } from '@/lib/validations/admin';

export const POST = apiRoute({ allow: canManageUsers, params: userIdParams }, ({ user, params }) => resetPassword(user, params.id));
