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
 * Mounted only by the layouts of segments whose client components use React Query (account, admin,
 * agencies/[slug], deliverables/[id] and /new, meetings/[id] and /new, statistics), so pages
 * without such forms do not load it. A new page that uses a query or mutation outside those
 * segments needs the same layout.tsx, or React throws "No QueryClient set". The browser's client
 * is one for the whole session whichever layout mounts it, so the cache survives navigation.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
