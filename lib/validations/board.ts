import { z } from 'zod';
import { PILLARS } from '@/lib/domain';
import { idParam } from './common';

const schema = z.object({
  pillar: z.enum(PILLARS).optional().catch(undefined),
  meeting: idParam.optional().catch(undefined),
});

/** Board filters from the URL. A value that makes no sense is ignored rather than failing the page. */
export function boardFilters(searchParams: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return schema.parse({ pillar: first(searchParams.pillar), meeting: first(searchParams.meeting) });
}
