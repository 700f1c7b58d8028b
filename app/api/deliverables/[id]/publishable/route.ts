import { setPublishable } from '@/db/queries/releases';
import { apiRoute } from '@/lib/server/handler';
import { deliverableIdParams } from '@/lib/validations/common';
import { publishableSchema } from '@/lib/validations/releases';

// Authorization (the lead agency's officials, administrators) is checked in setPublishable, inside its transaction.
export const PUT = apiRoute({ params: deliverableIdParams, body: publishableSchema }, ({ user, params, body }) => setPublishable(user, params.id, body));
