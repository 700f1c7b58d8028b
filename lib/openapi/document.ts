/**
 * The OpenAPI 3.1 document of the API, generated from the route registry (registry.ts): request
 * parts from the zod schemas the handlers parse with (as callers send them: `io: 'input'`), answers
 * from the wire schemas in responses.ts (`io: 'output'`). Served at GET /api/openapi.json and read
 * by the API reference page and by the validation proxy the end-to-end API tests run through.
 */
import { z } from 'zod';
import { errorBody } from './responses';
import { API_TAGS, ROUTES, type Body, type ErrorStatus, type Operation } from './registry';

type Json = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid input: `fields` names every invalid field with all its messages (`invalid_input`).',
  401: 'No session, or it ended (`unauthenticated`).',
  403: 'Not allowed for this user or role, a write from another origin, or a sign-in step still to finish (`forbidden`, `passkey_required`, `password_change_required`). Recorded in the audit log.',
  404: 'No such resource (`not_found`).',
  409: 'A change made meanwhile (stale `version`) or a state that forbids it (`conflict`).',
  413: 'The request body is larger than 1 MB (`too_large`).',
  429: 'Too many requests or refusals from this caller (`rate_limited`); try again after `Retry-After` seconds.',
};

const FILE_CONTENT: Record<Exclude<Body, 'json' | 'redirect'>, { type: string; description: string; schema: Json }> = {
  csv: { type: 'text/csv', description: 'A CSV file (UTF-8); cells a spreadsheet would run as formulae start with `\'`.', schema: { type: 'string' } },
  calendar: { type: 'text/calendar', description: 'An iCalendar file.', schema: { type: 'string' } },
  html: { type: 'text/html', description: 'An HTML document, served sandboxed.', schema: { type: 'string' } },
  openapi: { type: 'application/json', description: 'An OpenAPI 3.1 document.', schema: { type: 'object' } },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: 'A Word document.',
    schema: { type: 'string', contentEncoding: 'binary' },
  },
  markdown: { type: 'text/markdown', description: 'A Markdown file (UTF-8).', schema: { type: 'string' } },
};

/** Named schemas (`.meta({ id })`) found while converting, moved to components.schemas. */
class Components {
  readonly schemas: Record<string, Json> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$schema;
    delete json.$defs;
    const rewrite = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;
    for (const [name, def] of Object.entries(defs)) this.schemas[name] ??= rewrite(def);
    return rewrite(json);
  }
}

function parameters(components: Components, where: 'path' | 'query', schema: z.ZodType | undefined): Json[] {
  if (!schema) return [];
  const json = components.convert(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operation(components: Components, op: Operation, operationId: string): Json {
  const responses: Json = {};
  for (const [status, answer] of Object.entries(op.ok)) {
    if (answer === 'redirect') {
      responses[status] = { description: 'A redirect to the page named by `Location`.', headers: { Location: { schema: { type: 'string' } } } };
    } else if (typeof answer === 'string') {
      const file = FILE_CONTENT[answer as keyof typeof FILE_CONTENT];
      responses[status] = { description: file.description, content: { [file.type]: { schema: file.schema } } };
    } else if (answer) {
      responses[status] = { description: status === '201' ? 'Created.' : 'OK.', content: { 'application/json': { schema: components.convert(answer, 'output') } } };
    }
  }
  if (op.files && responses['200']) {
    const ok = responses['200'] as { description: string; content: Json };
    for (const kind of op.files) ok.content[FILE_CONTENT[kind].type] = { schema: FILE_CONTENT[kind].schema };
    ok.description = `${ok.description} Or a file, as the query asks: ${op.files.map((kind) => FILE_CONTENT[kind].description.replace(/\.$/, '').toLowerCase()).join(', ')}.`;
  }
  for (const status of op.errors) {
    const schema = op.errorSchemas?.[status] ? components.convert(op.errorSchemas[status]!, 'output') : { $ref: '#/components/schemas/Error' };
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status],
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } } : {}),
      content: { 'application/json': { schema } },
    };
  }
  const result: Json = {
    operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.access === 'public' ? { security: [] } : {}),
    parameters: [...parameters(components, 'path', op.params), ...parameters(components, 'query', op.query)],
    responses,
  };
  if (op.body) {
    result.requestBody = {
      required: !op.bodyOptional,
      content: { [op.form ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: components.convert(op.body, 'input') } },
    };
  }
  return result;
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.\-{}]+/)
    .filter(Boolean);
  return [method, ...words].map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

let built: Json | null = null;

/** The document; built once per process (the registry does not change while the server runs). */
export function openApiDocument(): Json {
  if (built) return built;
  const components = new Components();
  // Defines components.schemas.Error, which every error response refers to.
  components.convert(errorBody, 'output');
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    for (const [path, methods] of Object.entries(route.paths)) {
      const item: Json = (paths[path] ??= {});
      for (const [method, op] of Object.entries(methods)) item[method] = operation(components, op, operationId(method, path));
    }
  }
  built = {
    openapi: '3.1.0',
    info: {
      title: 'PITF Dashboard API',
      version: '1.0.0',
      description: [
        'The API of the PITF Dashboard: deliverables, meetings, agencies’ reports, notifications and administration.',
        '',
        'Every endpoint but the few marked public needs a session: sign in (the app’s sign-in page, or next-auth’s `/api/auth/callback/credentials`) and send the session cookie. A browser write from another origin is refused (403).',
        '',
        'Errors have one shape, `{ "error": { "code", "message", "fields"? } }`; a 400 names every invalid field. Instants are milliseconds since 1970 (UTC); calendar dates are `YYYY-MM-DD`. An address that matches no endpoint answers 404 in the same shape.',
      ].join('\n'),
    },
    servers: [{ url: '/' }],
    tags: API_TAGS.map((name) => ({ name })),
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The session cookie set by signing in (`__Secure-next-auth.session-token` over HTTPS).',
        },
      },
      schemas: components.schemas,
    },
  };
  return built;
}
