'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

// Error boundaries are client components. This one sits inside the signed-in layout: the header stays.
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
