/**
 * A CSV file streamed from one query, for the exports: the header first, then the rows read one
 * at a time from a read-only connection as the client takes them. A large result never sits in
 * memory, the server answers other requests between chunks, and writers carry on meanwhile (the
 * connection reads one consistent snapshot). The connection closes at the end, on an error, or
 * when the client goes away.
 */
import 'server-only';
import { BYTE_ORDER_MARK, csvLine, type CsvCell } from '@/lib/csv';
import { openReadOnlyConnection } from '../index';

/** Rows per chunk of the stream: small enough to keep memory flat, large enough to be quick. */
const ROWS_PER_CHUNK = 200;

/**
 * `query` is a Drizzle query's `toSQL()`; each row reaches `cells` as an array in the order of
 * its select, with raw SQLite values (instants as milliseconds, flags as 0 or 1).
 */
export function streamCsv(
  header: readonly string[],
  query: { sql: string; params: unknown[] },
  cells: (row: unknown[]) => CsvCell[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let connection: ReturnType<typeof openReadOnlyConnection> | null = null;
  let rows: IterableIterator<unknown[]> | null = null;
  const finish = () => {
    rows?.return?.();
    rows = null;
    connection?.close();
    connection = null;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BYTE_ORDER_MARK + csvLine(header)));
    },
    pull(controller) {
      try {
        if (!connection) {
          connection = openReadOnlyConnection();
          rows = connection.prepare(query.sql).raw(true).iterate(...query.params) as IterableIterator<unknown[]>;
        }
        let chunk = '';
        for (let i = 0; i < ROWS_PER_CHUNK; i++) {
          const next = rows!.next();
          if (next.done) {
            finish();
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvLine(cells(next.value));
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    cancel() {
      finish();
    },
  });
}
