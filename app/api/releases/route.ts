import { listReleases, publishRelease } from '@/db/queries/releases';
import { canPublishRelease } from '@/lib/authorization';
import { apiRoute, json } from '@/lib/server/handler';
import { publishReleaseSchema } from '@/lib/validations/releases';

export const GET = apiRoute({ allow: canPublishRelease }, () => ({ items: listReleases() }));

// The public pages need no invalidation: their cache is keyed by the latest release's number and
// publication instant, read on every request (lib/server/public-cache.ts).
export const POST = apiRoute({ allow: canPublishRelease, body: publishReleaseSchema }, ({ user, body }) => json(publishRelease(user, body), 201));
