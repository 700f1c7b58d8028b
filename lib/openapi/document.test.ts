import fs from 'node:fs';
import path from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';
import { ROUTES } from './registry';

const API_DIR = path.resolve(import.meta.dirname, '../../app/api');

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [path.relative(API_DIR, full)] : [];
  });
}

/** The methods a route file exports (GET, POST, …), read from its source. */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(path.join(API_DIR, file), 'utf8');
  const methods = new Set<string>();
  for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
  for (const m of source.matchAll(/export \{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name && /^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
    }
  }
  return [...methods].sort();
}

describe('the OpenAPI document', () => {
  it('lists every route file under app/api/, each once', () => {
    const registered = ROUTES.map((route) => route.file).sort();
    expect(registered).toEqual(routeFiles(API_DIR).sort());
  });

  it('describes every method each route file exports', () => {
    for (const route of ROUTES) {
      // The catch-all 404 answers every method at addresses that are no endpoint; next-auth's catch-all serves its own paths.
      if (route.file.startsWith('[...missing]') || route.file.startsWith('auth/[...nextauth]')) continue;
      const documented = [...new Set(Object.values(route.paths).flatMap((methods) => Object.keys(methods).map((m) => m.toUpperCase())))].sort();
      expect(documented, route.file).toEqual(exportedMethods(route.file));
    }
  });

  it('gives every path parameter of a route its own segment of the file path', () => {
    for (const route of ROUTES) {
      if (route.file.includes('[...')) continue;
      for (const openApiPath of Object.keys(route.paths)) {
        const fromFile = '/api/' + route.file.replace(/\/?route\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}');
        expect(openApiPath, route.file).toBe(fromFile.replace(/\/$/, ''));
      }
    }
  });

  it('is valid OpenAPI 3.1', async () => {
    const document = structuredClone(openApiDocument());
    const result = await validate(document as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes instants as whole numbers of milliseconds, never as date-time strings', () => {
    const text = JSON.stringify(openApiDocument());
    expect(text).not.toContain('"format":"date-time"');
    const deliverable = (openApiDocument().components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.Deliverable!;
    expect(deliverable.properties.createdAt).toMatchObject({ type: 'integer' });
  });

  it('documents each write’s invalid input and each signed-in endpoint’s missing session', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: unknown; security?: unknown[]; responses: Record<string, unknown> }>>;
    for (const [p, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.requestBody && !p.startsWith('/api/auth/') && p !== '/api/unsubscribe') expect(Object.keys(op.responses), `${method} ${p}`).toContain('400');
        if (!op.security) expect(Object.keys(op.responses), `${method} ${p}`).toContain('401');
      }
    }
  });
});
