import { LoadingSkeleton } from '@/components/ui/loading-skeleton';

// The pillars' charts and their tables are computed from the whole history of updates.
export default function Loading() {
  return <LoadingSkeleton label="the pillars" />;
}
