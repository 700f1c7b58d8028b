import { getPreferences, setPreferences } from '@/db/queries/notifications';
import { apiRoute } from '@/lib/server/handler';
import { preferencesSchema } from '@/lib/validations/notifications';

/** The kinds of notification the person's role receives, each with how it is e-mailed and the choices allowed. */
export const GET = apiRoute({}, ({ user }) => ({ items: getPreferences(user) }));

export const PUT = apiRoute({ body: preferencesSchema }, ({ user, body }) => ({ items: setPreferences(user, body) }));
