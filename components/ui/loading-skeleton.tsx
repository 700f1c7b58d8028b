/**
 * What a slow page shows while the server prepares it (a Suspense fallback, or a segment's
 * loading.tsx where nothing after it can still answer 404 or 403): its title, if
 * known, and grey blocks where its content will be. Screen readers hear "Loading …" once (a
 * status region); the blocks themselves are hidden from them.
 */
export function LoadingSkeleton({ label, blocks = 4 }: { label: string; blocks?: number }) {
  return (
    <div className="padding-top-2" role="status" aria-live="polite" data-testid="loading">
      <p className="usa-intro font-sans-md">Loading {label} …</p>
      <div aria-hidden="true">
        <div className="bg-base-lighter radius-md margin-bottom-3" style={{ height: '2.5rem', width: '40%' }} />
        {Array.from({ length: blocks }, (_, i) => (
          <div key={i} className="bg-base-lightest radius-md margin-bottom-2" style={{ height: i === 0 ? '8rem' : '4rem' }} />
        ))}
      </div>
    </div>
  );
}
