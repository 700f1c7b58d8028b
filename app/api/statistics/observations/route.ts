import { createObservation, updateObservation } from '@/db/queries/statistics';
import { apiRoute, json } from '@/lib/server/handler';
import { createObservationSchema, updateObservationSchema } from '@/lib/validations/statistics';

export const POST = apiRoute({ body: createObservationSchema }, ({ user, body }) => json(createObservation(user, body), 201));

export const PATCH = apiRoute({ body: updateObservationSchema }, ({ user, body }) => updateObservation(user, body));
