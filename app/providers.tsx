'use client';

import { QueryClient, QueryClientProvider, isServer } from '@tanstack/react-query';

/** A new client per server render, one for the whole session in the browser. */
function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/**
 * What React Query is for here, and the one way it is used:
 * - every write from the browser is a `useXMutation` hook from its feature's
 *   `components/<feature>/api.ts`, which invalidates the resource's root key (lib/query-keys.ts)
 *   and then runs the caller's onSuccess; that calls `router.refresh()` when the page shows data
 *   rendered on the server. (The board's move reads again only its two columns.)
 * - reads from the browser only where the page changes without a navigation: the board's columns
 *   and the header's unread count. Everything else is read on the server with the page.
 *
 * Mounted once, by the signed-in layout (app/(dashboard)/layout.tsx): the header's bell reads
 * through it on every signed-in page, so every page needs it. Measured with `npm run weight`, it
 * adds about 8.5 KiB of gzip JavaScript to the pages that had no form using it. Pages outside that
 * layout (sign-in) have no client: they must not use a query or a mutation.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
