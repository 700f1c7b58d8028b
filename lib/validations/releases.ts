import { z } from 'zod';
import { text } from './text';

/** PUT /api/deliverables/:id/publishable */
export const publishableSchema = z.strictObject({
  publishable: z.boolean({ error: 'publishable must be true or false.' }),
});
export type PublishableInput = z.infer<typeof publishableSchema>;
export type PublishableBody = z.input<typeof publishableSchema>;

/** POST /api/releases: the note is optional, shown with the release on the public pages. */
export const publishReleaseSchema = z.strictObject({
  note: text({ multiline: true, error: 'The note must be text.' }).max(1000, 'Keep the note to 1,000 characters or fewer.').optional(),
});
export type PublishReleaseInput = z.infer<typeof publishReleaseSchema>;
export type PublishReleaseBody = z.input<typeof publishReleaseSchema>;

/** A release's number in a public address, `/public/releases/3`. */
export const releaseNumber = z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().positive());
