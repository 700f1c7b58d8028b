import { createUser, listUsers } from '@/db/queries/admin-users';
import { apiRoute, json } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { createUserSchema, userListQuery } from '@/lib/validations/admin';

export const GET = apiRoute({ allow: canManageUsers, query: userListQuery }, ({ query }) => listUsers(query));

/** Answers with the one-time temporary password: it is shown to the administrator once and never stored in clear. */
export const POST = apiRoute({ allow: canManageUsers, body: createUserSchema }, async ({ user, body }) => json(await createUser(user, body), 201));
