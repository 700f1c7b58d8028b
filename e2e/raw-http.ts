import http from 'node:http';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever shape the server answered with
export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => any };

/**
 * An HTTP client that connects from a chosen loopback address (127.x.y.z), so that a test can be
 * its own client address for the server's per-address limits, and can send what a browser or
 * Playwright's request context would not: any Host header, a chunked body of any size.
 * It keeps the cookies the server sets, as a browser would.
 */
export class RawClient {
  private readonly cookies = new Map<string, string>();
  private readonly url: URL;

  constructor(
    baseURL: string,
    readonly localAddress: string,
  ) {
    this.url = new URL(baseURL);
  }

  /** Another client from the same address holding a copy of this one's cookies. */
  copy(): RawClient {
    const other = new RawClient(this.url.origin, this.localAddress);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  get origin(): string {
    return this.url.origin;
  }

  request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: Iterable<Buffer> } = {},
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { host: this.url.host, ...lowerKeys(options.headers ?? {}) };
    if (this.cookies.size && !headers.cookie) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(
        // The server listens on 127.0.0.1; the Host header still names the public origin.
        { host: '127.0.0.1', port: Number(this.url.port), method, path, headers, localAddress: this.localAddress },
        (res) => {
          answered = true;
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => {
            for (const cookie of [res.headers['set-cookie'] ?? []].flat()) {
              const [pair] = cookie.split(';');
              const eq = pair!.indexOf('=');
              const name = pair!.slice(0, eq);
              const value = pair!.slice(eq + 1);
              if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '') this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            const text = Buffer.concat(parts).toString('utf8');
            resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
          });
        },
      );
      // The server may answer and close before a large body is sent; the answer is what counts.
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      if (options.chunks) {
        for (const chunk of options.chunks) req.write(chunk);
      } else if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  /** next-auth's CSRF token (its cookie is kept): one serves any number of sign-in attempts. */
  async csrfToken(): Promise<string> {
    return (await this.request('GET', '/api/auth/csrf')).json().csrfToken;
  }

  /** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
  async signIn(email: string, password: string, csrfToken?: string): Promise<RawResponse> {
    csrfToken ??= await this.csrfToken();
    return this.post('/api/auth/callback/credentials', new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  }

  post(path: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.request('POST', path, { body, headers: { origin: this.origin, ...headers } });
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
