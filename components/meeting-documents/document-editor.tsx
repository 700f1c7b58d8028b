'use client';

import { useEffect, useRef, useState } from 'react';
import type { MeetingDocumentView } from '@/lib/contracts/meeting-documents';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';
import { MEETING_DOCUMENT_LABELS } from '@/lib/meeting-documents';
import { LocalTime } from '@/components/ui/local-time';
import { documentDownloadPath, useRedraftMeetingDocumentMutation, useSaveMeetingDocumentMutation } from './api';

type Message = { type: 'success' | 'error' | 'warning'; text: string; current?: string };

/** One document: its text to edit, save or redraft from the record, and its downloads. */
export function DocumentEditor({ document: initial }: { document: MeetingDocumentView }) {
  const [document, setDocument] = useState(initial);
  const [text, setText] = useState(initial.body);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { kind, meeting } = document;
  const label = MEETING_DOCUMENT_LABELS[kind];
  const id = `document-${kind}`;

  // The outcome of a save or redraft takes the focus, so that it is heard and read first.
  const messageBox = useRef<HTMLDivElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageBox.current?.focus();
  }, [message]);
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);

  const refused = (error: Error) => {
    if (error instanceof ApiClientError) {
      setErrors(error.fields);
      const current = error.current as MeetingDocumentView | undefined;
      if (error.status === 409 && current) {
        // Keep what this person typed; from now on a save is made over the text shown here.
        setDocument(current);
        setMessage({ type: 'error', text: `${error.message} Your text is still in the box: compare it with the current text below, then save again to replace it.`, current: current.body });
      } else {
        setMessage({ type: 'error', text: error.message });
      }
    } else {
      setMessage({ type: 'error', text: 'The server could not be reached. Nothing was changed.' });
    }
  };
  const started = () => {
    setErrors({});
    setMessage(null);
  };

  const save = useSaveMeetingDocumentMutation(meeting.id, kind, {
    onMutate: started,
    onSuccess: (saved) => {
      setDocument(saved);
      setText(saved.body);
      setMessage({ type: 'success', text: `${label} saved. Your edits are kept until you redraft it from the record.` });
    },
    onError: refused,
  });
  const redraft = useRedraftMeetingDocumentMutation(meeting.id, kind, {
    onMutate: started,
    onSuccess: (drafted) => {
      setConfirming(false);
      setDocument(drafted);
      setText(drafted.body);
      setMessage({ type: 'success', text: `${label} drafted again from the record.` });
    },
    onError: (error) => {
      setConfirming(false);
      refused(error);
    },
  });
  const pending = save.isPending || redraft.isPending;
  const bodyError = errors.body?.join(' ');

  return (
    <section aria-labelledby={`${id}-heading`} className="margin-top-4" data-testid={id}>
      <h2 id={`${id}-heading`}>{label}</h2>
      <p className="margin-top-0" data-testid={`${id}-state`}>
        {document.edited ? (
          <>
            Edited
            {document.updatedBy ? ` by ${document.updatedBy}` : ''}
            {document.updatedAt ? (
              <>
                {' '}
                on <LocalTime value={document.updatedAt} />
              </>
            ) : null}
            : your edits are kept as saved.
          </>
        ) : (
          'Drafted from the record as it stands now: it follows the record until you save your edits.'
        )}
      </p>

      <div aria-live="polite">
        {message ? (
          <div ref={messageBox} tabIndex={-1} className={`usa-alert usa-alert--${message.type} usa-alert--slim`} data-testid={`${id}-message`}>
            <div className="usa-alert__body">
              <p className="usa-alert__text">{message.text}</p>
              {message.current !== undefined ? (
                <details className="margin-top-1">
                  <summary>The current text</summary>
                  <pre className="font-mono-2xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {message.current}
                  </pre>
                </details>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

      <form
        className="usa-form maxw-none"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ body: text, version: document.version });
        }}
      >
        <div className={`usa-form-group${bodyError ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor={`${id}-body`}>
            Text of the {label.toLowerCase()}
          </label>
          <span className="usa-hint" id={`${id}-hint`}>
            Paragraphs are separated by a blank line. A line starting with “# ” is the title, “## ” a heading, “- ” an item of a
            bulleted list; [words](https://…) is a link.
          </span>
          {bodyError ? (
            <span className="usa-error-message" id={`${id}-error`}>
              {bodyError}
            </span>
          ) : null}
          <textarea
            id={`${id}-body`}
            className="usa-textarea maxw-none"
            style={{ height: '24rem' }}
            aria-describedby={`${id}-hint${bodyError ? ` ${id}-error` : ''}`}
            aria-invalid={bodyError ? true : undefined}
            value={text}
            maxLength={100_000}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="display-flex flex-wrap flex-align-center margin-top-2" style={{ gap: '0.5rem' }}>
          <button type="submit" className="usa-button" disabled={pending}>
            Save the {label.toLowerCase()}
          </button>
          {document.edited ? (
            <button type="button" className="usa-button usa-button--outline" disabled={pending} onClick={() => setConfirming(true)}>
              Redraft from the record
            </button>
          ) : null}
        </div>
      </form>

      {confirming ? (
        <div ref={confirmBox} tabIndex={-1} className="usa-alert usa-alert--warning margin-top-2" role="group" aria-labelledby={`${id}-confirm-heading`}>
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading" id={`${id}-confirm-heading`}>
              Replace your edits with a new draft?
            </h3>
            <p className="usa-alert__text">
              The saved edits of the {label.toLowerCase()} are discarded and it is drafted again from the record as it stands now. This cannot be
              undone.
            </p>
            <div className="display-flex flex-wrap margin-top-1" style={{ gap: '0.5rem' }}>
              <button type="button" className="usa-button usa-button--secondary" disabled={pending} onClick={() => redraft.mutate({ version: document.version })}>
                Replace my edits
              </button>
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => setConfirming(false)}>
                Keep my edits
              </button>
            </div>
          </div>
        </div>
      ) : null}

      <p className="margin-top-2">
        Download the {document.edited ? 'saved text' : 'draft'}:{' '}
        <a className="usa-link" href={documentDownloadPath(meeting.id, kind, 'docx')} download>
          Word (.docx)
        </a>
        {' · '}
        <a className="usa-link" href={documentDownloadPath(meeting.id, kind, 'md')} download>
          Markdown
        </a>
        {' · '}
        <a className="usa-link" href={documentDownloadPath(meeting.id, kind, 'html')} download>
          HTML
        </a>
      </p>
    </section>
  );
}
