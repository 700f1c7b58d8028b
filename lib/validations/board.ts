import { z } from 'zod';
import { BOARD_VIEWS } from '@/lib/board';
import { PILLARS } from '@/lib/domain';
import { idParam } from './common';

const schema = z.object({
  view: z.enum(BOARD_VIEWS).optional().catch(undefined),
  pillar: z.enum(PILLARS).optional().catch(undefined),
  meeting: idParam.optional().catch(undefined),
});

/** Board filters from the URL. A value that makes no sense is ignored rather than failing the page. */
export function boardFilters(searchParams: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return schema.parse({ view: first(searchParams.view), pillar: first(searchParams.pillar), meeting: first(searchParams.meeting) });
}
