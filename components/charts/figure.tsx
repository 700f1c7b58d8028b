import { toCsv, type CsvCell } from '@/lib/csv';
import { ScrollRegion } from '@/components/ui/scroll-region';

export type FigureTable = { columns: string[]; rows: CsvCell[][]; rowHeader?: boolean };

/**
 * A chart as a figure: its title, one sentence saying what it shows, the chart, and beneath it a
 * data table holding exactly the plotted numbers with a CSV download of that same table.
 */
export function ChartFigure({
  id,
  title,
  summary,
  table,
  filename,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  table: FigureTable;
  filename: string;
  children: React.ReactNode;
}) {
  const csv = toCsv(table.columns, table.rows);
  return (
    <figure className="pitf-figure margin-x-0" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} data-testid={`figure-${id}`}>
      <h2 id={`${id}-title`} className="margin-bottom-05">
        {title}
      </h2>
      <p id={`${id}-summary`} className="margin-top-0 measure-5">
        {summary}
      </p>
      <div className="pitf-figure__chart">{children}</div>
      <details className="margin-top-1" open={table.rows.length <= 12}>
        <summary className="text-bold">Data table ({table.rows.length} rows)</summary>
        <ScrollRegion label={`${title}: data`}>
          <table className="usa-table usa-table--borderless usa-table--compact width-full" data-testid={`table-${id}`}>
            <caption className="usa-sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c} scope="col" className={i === 0 ? undefined : 'text-right'}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 && table.rowHeader !== false ? (
                      <th key={i} scope="row">
                        {String(cell ?? '')}
                      </th>
                    ) : (
                      <td key={i} className={i === 0 ? undefined : 'text-right'}>
                        {String(cell ?? '')}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
      <a
        className="usa-link"
        href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
        download={filename}
        data-testid={`csv-${id}`}
      >
        Download this table as CSV<span className="usa-sr-only"> ({title})</span>
      </a>
    </figure>
  );
}
