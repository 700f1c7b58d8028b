// Types of smtp-capture.mjs for the TypeScript tests, which do not read JavaScript (allowJs is off).
export type CapturedAttachment = { filename: string; contentType: string; content: string };
export type CapturedMessage = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  attachments: CapturedAttachment[];
  receivedAt: number;
};
export type RunningSmtp = {
  port: number;
  messages: CapturedMessage[];
  refusals: () => number;
  refuse: (count: number) => void;
  clear: () => void;
  close: () => Promise<void>;
};
/** Starts the server on 127.0.0.1 (port 0: any free port). */
export function startSmtpCapture(options?: { port?: number }): Promise<RunningSmtp>;
