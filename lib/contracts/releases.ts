/** What the public record's endpoints answer (lib/openapi/responses.ts describes the same JSON). */
import type { ReleaseSummary } from '@/lib/public-record';

export type { ReleaseSummary };

/** PUT /api/deliverables/:id/publishable */
export type PublishableState = { id: number; publishable: boolean };

/** GET /api/releases */
export type ReleaseList = { items: ReleaseSummary[] };
