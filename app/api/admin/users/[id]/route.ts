import { getUser, updateUser } from '@/db/queries/admin-users';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { updateUserSchema, userIdParams } from '@/lib/validations/admin';

export const GET = apiRoute({ allow: canManageUsers, params: userIdParams }, ({ params }) => {
  const user = getUser(params.id);
  if (!user) throw notFound('The user');
  return user;
});

export const PATCH = apiRoute({ allow: canManageUsers, params: userIdParams, body: updateUserSchema }, ({ user, params, body }) =>
  updateUser(user, params.id, body),
);
