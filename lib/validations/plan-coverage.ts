import { z } from 'zod';
import { COVERAGE_TABLES } from '@/lib/plan-coverage';

/** Which of the coverage's tables the CSV export holds; the objectives by default. */
export const planCoverageExportQuery = z.object({
  table: z.enum(COVERAGE_TABLES, { error: `Choose one of: ${COVERAGE_TABLES.join(', ')}.` }).default('objectives'),
});
