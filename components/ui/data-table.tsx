import { ScrollRegion } from './scroll-region';

/**
 * One column of a DataTable. `cell` renders the column's cell for a row; the column marked
 * `rowHeader` is the row's header (`<th scope="row">`), as a screen reader announces it with every
 * other cell of the row.
 */
export type Column<Row> = {
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  rowHeader?: boolean;
  /** Numbers: aligned right, header included, so that digits line up. */
  numeric?: boolean;
  /** What a stacked table shows beside the cell on a narrow screen; the header, when that is text. */
  label?: string;
  className?: string;
  style?: React.CSSProperties;
  /** A test id for the column's cell in each row. */
  cellTestId?: (row: Row) => string;
  /** The column the table is sorted by, and which way (its header then says so to screen readers). */
  sorted?: 'ascending' | 'descending';
};

/**
 * A USWDS table written once: a caption (read to screen readers, shown when `showCaption`),
 * column headers with their scope, optional numeric alignment, USWDS's stacked layouts for narrow
 * screens and print, and, when `scroll` names it, a keyboard-reachable region that scrolls sideways
 * (and, with `stickyHeader`, down, keeping the column headers in view).
 *
 * Columns may be `false` or `null` (a column shown only sometimes). It has no state and no effects:
 * a server component, also usable inside client ones.
 */
export function DataTable<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowTestId,
  testId,
  compact = false,
  borderless = true,
  stacked,
  fullWidth = true,
  scroll,
  stickyHeader = false,
  className,
}: {
  caption: React.ReactNode;
  showCaption?: boolean;
  columns: (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowTestId?: (row: Row) => string | undefined;
  testId?: string;
  compact?: boolean;
  borderless?: boolean;
  /** USWDS's narrow-screen layout: each row a block, each cell labelled (`header`: the row header as a heading). */
  stacked?: 'cells' | 'header';
  fullWidth?: boolean;
  /** The label of the scrolling region around the table; none, no region. */
  scroll?: string;
  stickyHeader?: boolean;
  className?: string;
}) {
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  const classes = [
    'usa-table',
    borderless ? 'usa-table--borderless' : null,
    compact ? 'usa-table--compact' : null,
    stacked === 'cells' ? 'usa-table--stacked' : stacked === 'header' ? 'usa-table--stacked-header' : null,
    stickyHeader ? 'pitf-table--sticky' : null,
    fullWidth ? 'width-full' : null,
    className,
  ]
    .filter(Boolean)
    .join(' ');
  const table = (
    <table className={classes} data-testid={testId}>
      <caption className={showCaption ? 'text-left' : 'usa-sr-only'}>{caption}</caption>
      <thead>
        <tr>
          {shown.map((column, i) => (
            <th key={i} scope="col" className={column.numeric ? 'text-right' : undefined} aria-sort={column.sorted}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {shown.map((column, i) => {
              const className = [column.numeric ? 'text-right' : null, column.className].filter(Boolean).join(' ') || undefined;
              const label = stacked ? (column.label ?? (typeof column.header === 'string' ? column.header : undefined)) : undefined;
              return column.rowHeader ? (
                <th key={i} scope="row" className={className} style={column.style} data-label={label} data-testid={column.cellTestId?.(row)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i} className={className} style={column.style} data-label={label} data-testid={column.cellTestId?.(row)}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? (
    <ScrollRegion label={scroll} sticky={stickyHeader}>
      {table}
    </ScrollRegion>
  ) : (
    table
  );
}
