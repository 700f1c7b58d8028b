/**
 * USWDS's stylesheet, fonts and images for the public pages, read from the installed package
 * (@uswds/uswds/dist) once and kept in memory. The dashboard's pages get the same stylesheet
 * bundled by Next; the public pages are plain HTML without Next's runtime, so they link it here.
 */
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Only these folders, only these kinds of file, no "..": nothing else of the server's disk.
const ALLOWED = /^(css\/uswds\.min\.css|(fonts|img)\/[a-z0-9_\-/]+\.(woff2|woff|ttf|svg|png))$/i;
const files = new Map<string, { type: string; body: Buffer } | null>();

export function uswdsAsset(relative: string): { type: string; body: Buffer } | null {
  if (!ALLOWED.test(relative) || relative.includes('..')) return null;
  if (files.has(relative)) return files.get(relative)!;
  // Read at run time from the installed package, not traced into the build (its 10,000 files).
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@uswds', 'uswds', 'dist', relative);
  let asset: { type: string; body: Buffer } | null = null;
  try {
    asset = { type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body: fs.readFileSync(file) };
  } catch {
    asset = null;
  }
  files.set(relative, asset);
  return asset;
}
