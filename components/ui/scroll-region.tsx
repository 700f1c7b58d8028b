/**
 * A wide table's container: scrolls sideways on narrow screens and can be reached and scrolled
 * with the keyboard (it is a focusable, labelled region).
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="pitf-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
