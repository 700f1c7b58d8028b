import { getPlanCoverage } from '@/db/queries/plan-coverage';
import { toCsv } from '@/lib/csv';
import { todayIso } from '@/lib/dates';
import { COVERAGE_FILENAMES, coverageTable } from '@/lib/plan-coverage';
import { apiRoute } from '@/lib/server/handler';
import { planCoverageExportQuery } from '@/lib/validations/plan-coverage';

/** One of the plan page's tables as a CSV file, the same columns as its download there. */
export const GET = apiRoute({ query: planCoverageExportQuery }, ({ query }) => {
  const { columns, rows } = coverageTable(getPlanCoverage(), query.table);
  const filename = COVERAGE_FILENAMES[query.table].replace(/\.csv$/, `-${todayIso()}.csv`);
  return new Response(toCsv(columns, rows), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
