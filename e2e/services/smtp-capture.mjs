// A real SMTP server for the notification tests (smtp-server), which reads every message it
// accepts with mailparser and keeps it in memory. It can be told to refuse the next messages with
// a temporary error (451), to test that the app tries again.
//
// In a test: `const smtp = await startSmtpCapture()`, then send to 127.0.0.1:smtp.port.
// From the command line (the end-to-end run starts one for the app's server, and the local demo
// can use one), with an HTTP control port for the tests in other processes:
//   node e2e/services/smtp-capture.mjs --smtp-port 2525 --control-port 2526
//   GET /messages (JSON) · DELETE /messages · POST /refuse?count=N · GET /health
import { once } from 'node:events';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * @typedef {{ filename: string, contentType: string, content: string }} CapturedAttachment
 * @typedef {{
 *   from: string, to: string[], subject: string, text: string, html: string, messageId: string,
 *   headers: Record<string, string>, attachments: CapturedAttachment[], receivedAt: number
 * }} CapturedMessage
 * @typedef {{
 *   port: number,
 *   messages: CapturedMessage[],
 *   refusals: () => number,
 *   refuse: (count: number) => void,
 *   clear: () => void,
 *   close: () => Promise<void>
 * }} RunningSmtp
 */

/** @param {import('mailparser').AddressObject | import('mailparser').AddressObject[] | undefined} value */
function addresses(value) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

/**
 * Starts the server on 127.0.0.1 (port 0: any free port).
 * @param {{ port?: number }} [options]
 * @returns {Promise<RunningSmtp>}
 */
export async function startSmtpCapture({ port = 0 } = {}) {
  /** @type {CapturedMessage[]} */
  const messages = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    banner: 'PITF test mail server',
    // Stopping does not wait for the app's pooled connections to hang up.
    closeTimeout: 100,
    onMailFrom(_address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--;
        const error = /** @type {Error & { responseCode?: number }} */ (new Error('Mailbox busy, try again later'));
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          /** @type {Record<string, string>} */
          const headers = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          messages.push({
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            headers,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return {
    port: address.port,
    messages,
    refusals: () => refuseNext,
    refuse: (count) => {
      refuseNext = count;
    },
    clear: () => {
      messages.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { 'smtp-port': { type: 'string', default: '2525' }, 'control-port': { type: 'string', default: '2526' } } });
  const smtp = await startSmtpCapture({ port: Number(values['smtp-port']) });
  const control = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const reply = (status, body) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/health') return reply(200, { ok: true, smtpPort: smtp.port });
    if (url.pathname === '/messages' && request.method === 'GET') return reply(200, smtp.messages);
    if (url.pathname === '/messages' && request.method === 'DELETE') {
      smtp.clear();
      return reply(200, { cleared: true });
    }
    if (url.pathname === '/refuse' && request.method === 'POST') {
      smtp.refuse(Number(url.searchParams.get('count') ?? '1'));
      return reply(200, { refusing: smtp.refusals() });
    }
    reply(404, { error: 'not found' });
  });
  control.listen(Number(values['control-port']), '127.0.0.1');
  await once(control, 'listening');
  console.log(`SMTP capture on 127.0.0.1:${smtp.port}, control on http://127.0.0.1:${values['control-port']}`);
  const stop = () => {
    control.close();
    void smtp.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
