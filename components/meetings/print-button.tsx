'use client';

/** Opens the browser's print dialog, where "Save as PDF" is one of the printers. Not printed itself. */
export function PrintButton() {
  return (
    <button type="button" className="usa-button pitf-no-print" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
