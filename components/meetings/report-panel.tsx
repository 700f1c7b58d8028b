'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { AgencyReportView } from '@/lib/contracts/meetings';
import { REPORT_STATE_LABELS, reportStateLabel } from '@/lib/domain';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';
import { LocalTime } from '@/components/ui/local-time';
import { ReportGaps } from './report-gaps';
import { saveStatement, useReportStepMutation } from './api';

type Report = Omit<AgencyReportView, 'submittedAt' | 'reviewedAt' | 'history'> & {
  submittedAt: number | null;
  reviewedAt: number | null;
  history: { fromState: string | null; toState: string; comment: string | null; at: number; actor: string | null }[];
};

const STATE_LABELS: Record<string, string> = REPORT_STATE_LABELS;

type Props = { meetingId: number; report: Report; canEdit: boolean; canReview: boolean };

export function ReportPanel({ meetingId, report, canEdit, canReview }: Props) {
  const router = useRouter();
  const [statement, setStatement] = useState(report.statement);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const locked = report.state === 'submitted' || report.state === 'approved';
  // A saved statement, a submission, a review or a refusal: focus goes to what it says, so that
  // a keyboard or screen reader user hears the outcome and continues from there.
  const messageBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageBox.current?.focus();
  }, [message]);

  const action = useReportStepMutation(meetingId, report.agency.slug, {
    onMutate: () => {
      setErrors({});
      setMessage(null);
    },
    onSuccess: (_data, variables) => {
      setMessage({ type: 'success', text: variables.done });
      setComment('');
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiClientError) {
        setErrors(error.fields);
        setMessage({ type: 'error', text: error.message });
      } else {
        setMessage({ type: 'error', text: 'The server could not be reached. Nothing was changed.' });
      }
    },
  });

  async function saveThenSubmit(done: string) {
    // Submitting sends the statement as typed: save it first if it changed.
    if (statement !== report.statement) {
      try {
        await saveStatement(meetingId, report.agency.slug, { statement });
      } catch (error) {
        if (error instanceof ApiClientError) {
          setErrors(error.fields);
          setMessage({ type: 'error', text: error.message });
        }
        return;
      }
    }
    action.mutate({ step: 'submit', done });
  }

  return (
    <div data-testid="report-panel">
      <p className="font-sans-md margin-top-0" data-testid="report-state">
        <span className="text-bold">Report status:</span> {reportStateLabel(report.state)}
        {report.submittedAt ? (
          <span className="text-base-dark">
            {' '}
            · submitted <LocalTime value={report.submittedAt} />
          </span>
        ) : null}
      </p>

      <div aria-live="polite">
        {message ? (
          <div ref={messageBox} tabIndex={-1} className={`usa-alert usa-alert--${message.type} usa-alert--slim`} data-testid="report-message">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{message.text}</p>
              {errors.deliverables || errors.statement ? (
                <ul className="usa-list margin-top-1">
                  {[...(errors.statement ?? []), ...(errors.deliverables ?? [])].map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

      {report.state === 'returned' && report.reviewerComment ? (
        <div className="usa-alert usa-alert--warning" data-testid="returned-comment">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">Returned by the chair</h3>
            <p className="usa-alert__text">{report.reviewerComment}</p>
          </div>
        </div>
      ) : null}

      {canEdit && !locked && report.gapCounts.deliverables ? (
        <ReportGaps meetingId={meetingId} agencySlug={report.agency.slug} gaps={report.gaps} gapCounts={report.gapCounts} />
      ) : null}

      {canEdit && !locked ? (
        <form
          className="usa-form usa-form--large"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            action.mutate({ step: 'save', body: { statement }, done: 'Statement saved.' });
          }}
        >
          <div className={`usa-form-group${errors.statement ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="report-statement">
              Statement for the meeting
            </label>
            <span className="usa-hint" id="report-statement-hint">
              What is new since the last meeting, in a few paragraphs.
            </span>
            <textarea
              id="report-statement"
              className="usa-textarea"
              aria-describedby="report-statement-hint"
              value={statement}
              maxLength={20_000}
              onChange={(e) => setStatement(e.target.value)}
            />
          </div>
          <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
            <button type="submit" className="usa-button usa-button--outline" disabled={action.isPending}>
              Save statement
            </button>
            <button
              type="button"
              className="usa-button"
              disabled={action.isPending}
              onClick={() => void saveThenSubmit('Report submitted for the chair’s review.')}
            >
              Submit report
            </button>
          </div>
        </form>
      ) : (
        <div className="margin-y-2">
          <h3 className="font-sans-sm margin-bottom-05">Statement</h3>
          <p className="measure-5 margin-top-0" data-testid="report-statement-text">
            {report.statement || <span className="text-base-dark">No statement yet.</span>}
          </p>
        </div>
      )}

      {canReview && report.state === 'submitted' ? (
        <form className="usa-form usa-form--large margin-top-2" noValidate onSubmit={(e) => e.preventDefault()} data-testid="review-form">
          <div className={`usa-form-group${errors.comment ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="review-comment">
              Comment to the agency
            </label>
            <span className="usa-hint" id="review-comment-hint">
              Required when returning the report.
            </span>
            <span className="usa-error-message" id="review-comment-error" aria-live="polite">
              {errors.comment?.join(' ')}
            </span>
            <textarea
              id="review-comment"
              className="usa-textarea"
              aria-describedby="review-comment-hint review-comment-error"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
            <button
              type="button"
              className="usa-button"
              disabled={action.isPending}
              onClick={() => action.mutate({ step: 'approve', body: comment.trim() ? { comment } : {}, done: 'Report approved.' })}
            >
              Approve
            </button>
            <button
              type="button"
              className="usa-button usa-button--secondary"
              disabled={action.isPending}
              onClick={() => action.mutate({ step: 'return', body: { comment }, done: 'Report returned to the agency.' })}
            >
              Return to agency
            </button>
          </div>
        </form>
      ) : null}

      {report.history.length ? (
        <>
          <h3 className="font-sans-sm margin-bottom-05">History</h3>
          <ul className="usa-list usa-list--unstyled pitf-timeline" data-testid="report-history">
            {report.history.map((h, i) => (
              <li key={i}>
                <span className="text-bold">{STATE_LABELS[h.toState] ?? h.toState}</span> · <LocalTime value={h.at} /> ·{' '}
                {h.actor ?? 'system'}
                {h.comment ? <div>“{h.comment}”</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
