import { LoadingSkeleton } from '@/components/ui/loading-skeleton';

// An agency's board reads every column of its deliverables before it is shown.
export default function Loading() {
  return <LoadingSkeleton label="the agency’s board" />;
}
