import { LoadingSkeleton } from '@/components/ui/loading-skeleton';

// The briefing book reads every agency's report and deliverables: a moment, worth saying so.
export default function Loading() {
  return <LoadingSkeleton label="the briefing book" blocks={6} />;
}
