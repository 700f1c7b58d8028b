import { getAgencyBySlug } from '@/db/queries/agencies';
import { getPillarSummary, meetingCut } from '@/db/queries/pillars';
import { invalid } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { pillarSummaryQuery } from '@/lib/validations/pillars';

export const GET = apiRoute({ query: pillarSummaryQuery }, ({ query }) => {
  const fields: Record<string, string[]> = {};
  if (query.agency && !getAgencyBySlug(query.agency)) fields.agency = [`No agency has the short name "${query.agency}".`];
  if (query.meeting && !meetingCut(query.meeting)) fields.meeting = [`No meeting has the id ${query.meeting}.`];
  if (query.asOf && !meetingCut(query.asOf)) fields.asOf = [`No meeting has the id ${query.asOf}.`];
  if (Object.keys(fields).length) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
  return getPillarSummary(query);
});
