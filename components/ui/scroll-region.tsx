/**
 * A wide table's container: scrolls sideways on narrow screens and can be reached and scrolled
 * with the keyboard (it is a focusable, labelled region). `sticky`: a long table scrolls down
 * within it too, its column headers staying in view (app/globals.css, `.pitf-table-wrap--sticky`).
 */
export function ScrollRegion({ label, sticky = false, children }: { label: string; sticky?: boolean; children: React.ReactNode }) {
  return (
    <div className={sticky ? 'pitf-table-wrap pitf-table-wrap--sticky' : 'pitf-table-wrap'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
