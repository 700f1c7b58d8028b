// Types of kept-pages.mjs for the TypeScript tests, which do not read JavaScript (allowJs is off).
// Keep in step with the functions it exports.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The address to keep a page under (the path and query string as sent), or null to leave the request to Next. */
export function keptAddress(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }): string | null;
/** The CSP hash sources (`'sha256-…'`) of the inline scripts in a page. */
export function inlineScriptHashes(html: string): string[];
/** The policy with the hashes added to its `script-src`, or null if it is not a policy for a kept page. */
export function withScriptHashes(policy: unknown, hashes: string[]): string | null;
/** Starts the renderer; `answer` says whether it took the request. */
export function keptPages(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<(req: IncomingMessage, res: ServerResponse) => boolean>;
