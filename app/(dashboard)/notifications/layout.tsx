import { Providers } from '@/app/providers';

// Forms in this segment read and write through React Query; app/providers.tsx says why it is not app-wide.
export default function QueryLayout({ children }: { children: React.ReactNode }) {
  return <Providers>{children}</Providers>;
}
