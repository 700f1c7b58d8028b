'use client';

import { useState } from 'react';

/** A transparent one-pixel image: the preview shows the USWDS generic file icon as its background. */
const SPACER_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

type Props = {
  id: string;
  name: string;
  /** Comma-separated extensions and media types, as the input's `accept`; a dropped file must match one. */
  accept: string;
  'aria-describedby'?: string;
  onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
};

/**
 * The USWDS file input for one file, in its markup and classes: a drop zone over a transparent
 * native input, the chosen file's name once picked, and a message when a dropped file is of the
 * wrong type. To empty it, give it a new `key`.
 */
export function FileInput({ id, name, accept, onChange, ...rest }: Props) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [invalid, setInvalid] = useState(false);

  function drop(event: React.DragEvent) {
    setDragging(false);
    setInvalid(false);
    const types = accept.split(',');
    const allowed = [...event.dataTransfer.files].every((file) =>
      types.some((type) => file.name.indexOf(type) > 0 || file.type.includes(type.replace(/\*/g, ''))),
    );
    if (allowed) return;
    setFileName(null);
    setInvalid(true);
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className={`usa-file-input${dragging ? ' usa-file-input--drag' : ''}`}>
      <div
        className={`usa-file-input__target${invalid ? ' has-invalid-file' : ''}`}
        onDragOver={() => setDragging(true)}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        {fileName ? (
          <div className="usa-file-input__preview-heading">
            Selected file <span className="usa-file-input__choose">Change file</span>
          </div>
        ) : null}
        <div className={`usa-file-input__instructions${fileName ? ' display-none' : ''}`} aria-hidden="true">
          <span className="usa-file-input__drag-text">Drag file here or </span>
          <span className="usa-file-input__choose">choose from folder</span>
        </div>
        {fileName ? (
          <div className="usa-file-input__preview" aria-hidden="true">
            {/* eslint-disable-next-line @next/next/no-img-element -- an empty placeholder under the USWDS file icon */}
            <img src={SPACER_GIF} alt="" className="usa-file-input__preview-image usa-file-input__preview-image--generic" />
            {fileName}
          </div>
        ) : null}
        <div className="usa-file-input__box" />
        {invalid ? <div className="usa-file-input__accepted-files-message">Error: This is not a valid file type.</div> : null}
        <input
          {...rest}
          type="file"
          id={id}
          name={name}
          className="usa-file-input__input"
          accept={accept}
          aria-label={invalid ? 'Error: This is not a valid file type.' : undefined}
          onChange={(event) => {
            setInvalid(false);
            setFileName(event.target.files?.[0]?.name ?? null);
            onChange(event);
          }}
        />
      </div>
    </div>
  );
}
