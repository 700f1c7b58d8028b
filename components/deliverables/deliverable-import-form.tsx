'use client';

import { useId, useRef, useState } from 'react';
import { MAX_BODY_BYTES } from '@/lib/server/body';
import { formatCount } from '@/lib/format';
import type { ImportCommitted } from '@/lib/contracts/deliverables';
import type { ImportReport, ImportRowReport } from '@/lib/validations/deliverable-import';
import { FileInput } from '@/components/ui/file-input';
import { CheckCircleIcon, ErrorIcon } from '@/components/ui/icons';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ImportRequestError, useCommitImportMutation, usePreviewImportMutation } from './api';

type Props = { agencySlug: string; agencyAbbreviation: string };

type Problem = { heading: string; message: string; details: string[] };

/** "_" holds a row's problems that belong to no single column. */
const columnLabel = (key: string) => (key === '_' ? 'Row' : key);

function problemOf(error: unknown): Problem {
  if (error instanceof ImportRequestError) {
    const { status, error: body } = error.failure;
    const heading =
      status === 403 ? 'Not allowed' : status === 401 ? 'Signed out' : status === 400 ? 'The file cannot be imported' : 'Something went wrong';
    return { heading, message: body.message, details: Object.values(body.fields ?? {}).flat().filter((d) => d !== body.message) };
  }
  return { heading: 'Something went wrong', message: 'The server could not be reached. Nothing was imported.', details: [] };
}

export function DeliverableImportForm({ agencySlug, agencyAbbreviation }: Props) {
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [committed, setCommitted] = useState<{ result: ImportCommitted; rows: ImportRowReport[] } | null>(null);
  // A new key empties the file input once its rows are imported.
  const [fileInputKey, setFileInputKey] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const successHeading = useRef<HTMLDivElement>(null);
  const hintId = useId();

  const preview = usePreviewImportMutation(agencySlug, {
    onMutate: () => {
      setProblem(null);
      setReport(null);
      setCommitted(null);
    },
    onSuccess: (data) => {
      setReport(data);
      requestAnimationFrame(() => resultsHeading.current?.focus());
    },
    onError: (error) => setProblem(problemOf(error)),
  });

  // Lists, counts and summaries are invalidated before this runs: new deliverables change them everywhere.
  const commit = useCommitImportMutation(agencySlug, {
    onMutate: () => setProblem(null),
    onSuccess: (result) => {
      setCommitted({ result, rows: report?.rows ?? [] });
      setReport(null);
      setCsv('');
      setFileInputKey((key) => key + 1);
      requestAnimationFrame(() => successHeading.current?.focus());
    },
    onError: (error) => {
      setProblem(problemOf(error));
      if (error instanceof ImportRequestError && error.failure.report) setReport(error.failure.report);
    },
  });

  function changeText(text: string) {
    setCsv(text);
    // A report describes the text it checked: once the text changes it must be checked again.
    setReport(null);
    setCommitted(null);
    setProblem(null);
  }

  async function chooseFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BODY_BYTES) {
      changeText('');
      setProblem({ heading: 'The file is too large', message: `${file.name} is larger than 1 MB. Split it into smaller files.`, details: [] });
      return;
    }
    changeText(await file.text());
  }

  const pending = preview.isPending || commit.isPending;
  const canImport = report !== null && report.invalid === 0 && report.valid > 0 && !pending;
  const importLabel = `Import ${formatCount(report?.rows.length ?? 0, 'deliverable')}`;

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          preview.mutate(csv);
        }}
      >
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="import-file">
            Choose a CSV file
          </label>
          <span className="usa-hint" id="import-file-hint">
            Its text appears in the box below, where you can still correct it.
          </span>
          <FileInput
            key={fileInputKey}
            id="import-file"
            name="import-file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
            onChange={chooseFile}
          />
        </div>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="import-csv">
            CSV text
          </label>
          <span className="usa-hint" id="import-csv-hint">
            Or paste the rows here, starting with the header row.
          </span>
          <textarea
            id="import-csv"
            name="csv"
            className="usa-textarea font-mono-xs maxw-none"
            value={csv}
            onChange={(event) => changeText(event.target.value)}
            aria-describedby="import-csv-hint"
            spellCheck={false}
            rows={8}
          />
        </div>
        <ul className="usa-button-group margin-top-3">
          <li className="usa-button-group__item">
            <button type="submit" className="usa-button" disabled={pending || csv.trim() === ''}>
              {preview.isPending ? 'Checking…' : 'Check file'}
            </button>
          </li>
          {report ? (
            <li className="usa-button-group__item">
              <button
                type="button"
                className="usa-button"
                disabled={!canImport}
                aria-describedby={report.invalid > 0 ? hintId : undefined}
                onClick={() => commit.mutate(csv)}
              >
                {commit.isPending ? 'Importing…' : importLabel}
              </button>
            </li>
          ) : null}
        </ul>
      </form>

      <div aria-live="assertive" role="alert" className="margin-top-3" data-testid="import-problem">
        {problem ? (
          <div className="usa-alert usa-alert--error">
            <div className="usa-alert__body">
              <h3 className="usa-alert__heading">{problem.heading}</h3>
              <div className="usa-alert__text">
                {problem.message}
                {problem.details.length ? (
                  <ul className="usa-list">
                    {problem.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          </div>
        ) : null}
      </div>

      <div aria-live="polite" role="status" data-testid="import-status">
        {report ? (
          <p className="margin-y-2">
            {formatCount(report.rows.length, 'row')} checked: {report.valid.toLocaleString('en-US')} ready,{' '}
            {formatCount(report.invalid, 'row')} with errors.
            {report.invalid > 0 ? (
              <span id={hintId}> Nothing can be imported until every row is right: correct the file and check it again.</span>
            ) : null}
          </p>
        ) : null}
        {committed ? (
          <div ref={successHeading} tabIndex={-1}>
            <div className="usa-alert usa-alert--success">
              <div className="usa-alert__body">
                <h3 className="usa-alert__heading">{formatCount(committed.result.count, 'deliverable')} imported</h3>
                <div className="usa-alert__text">
                  <ul className="usa-list">
                    {committed.result.ids.map((id, index) => (
                      <li key={id}>
                        <a className="usa-link" href={`/deliverables/${id}`}>
                          {committed.rows[index]?.title || `Deliverable ${id}`}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </div>
          </div>
        ) : null}
      </div>

      {report ? (
        <section aria-labelledby="import-results-heading">
          <h3 id="import-results-heading" ref={resultsHeading} tabIndex={-1}>
            Check of each row for {agencyAbbreviation}
          </h3>
          <ScrollRegion label="Rows checked">
            <table className="usa-table width-full usa-table--stacked">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Title</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <RowResult key={row.line} row={row} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}
    </>
  );
}

function RowResult({ row }: { row: ImportRowReport }) {
  const errors = Object.entries(row.errors);
  return (
    <tr data-testid={`import-row-${row.line}`}>
      <th scope="row" data-label="Row">
        {row.line}
      </th>
      <td data-label="Title">{row.title || <span className="text-italic">No title</span>}</td>
      <td data-label="Result">
        {errors.length === 0 ? (
          <span className="pitf-status pitf-status--completed">
            <CheckCircleIcon size={3} />
            <span>Ready to import</span>
          </span>
        ) : (
          <>
            <span className="pitf-status pitf-status--blocked">
              <ErrorIcon size={3} />
              <strong>{formatCount(errors.reduce((n, [, m]) => n + m.length, 0), 'error')}</strong>
            </span>
            <ul className="usa-list margin-y-1">
              {errors.flatMap(([column, messages]) =>
                messages.map((message) => (
                  <li key={`${column}:${message}`}>
                    <code>{columnLabel(column)}</code>: {message}
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </td>
    </tr>
  );
}
