/**
 * The browser's side of the API: fetch JSON, and turn an error answer into an ApiClientError that
 * keeps the status, the message, every field's errors and (for 409) the current record.
 */
export type FieldErrors = Record<string, string[]>;

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** Fired on window after every API answer: the server counted it as activity (the idle clock restarts). */
export const ACTIVITY_EVENT = 'pitf:activity';

export async function apiFetch<T>(path: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  const response = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init?.signal,
    credentials: 'same-origin',
  });
  if (response.status !== 401) window.dispatchEvent(new Event(ACTIVITY_EVENT));
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: FieldErrors } } | null)?.error;
    throw new ApiClientError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields ?? {},
      (data as { current?: unknown } | null)?.current,
    );
  }
  return data as T;
}

export function toQueryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
