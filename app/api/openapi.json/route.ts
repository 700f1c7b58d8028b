import { openApiDocument } from '@/lib/openapi/document';

/**
 * The API's OpenAPI 3.1 document, generated from the schemas the handlers use. Public: it
 * describes the API, and every endpoint it lists still checks its caller.
 */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
