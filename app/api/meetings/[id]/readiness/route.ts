import { getReadiness } from '@/db/queries/readiness';
import { notFound } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { meetingIdParams } from '@/lib/validations/meetings';

export const GET = apiRoute({ params: meetingIdParams }, ({ params }) => {
  const readiness = getReadiness(params.id);
  if (!readiness) throw notFound('The meeting');
  return readiness;
});
