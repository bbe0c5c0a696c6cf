// A real SMTP server for the end-to-end e-mail tests, as its own process (src/email/testing.ts's sink):
// appends each message to a JSONL file the moment its DATA is complete, before it answers.
//
//   node test/smtp-sink.ts FILE '{"reject": ["x@example.com"], "defer": [], "delayMs": 0, "hangAt": 3}'
//
// Prints `{"port": N}` once listening; stops on SIGTERM.

import { appendFileSync } from 'node:fs';
import { type SinkOptions, startSmtpSink } from '../src/email/testing.ts';

const [file, json] = process.argv.slice(2);
if (!file) throw new Error('usage: node test/smtp-sink.ts FILE [OPTIONS-JSON]');
const options = JSON.parse(json ?? '{}') as SinkOptions;
const sink = await startSmtpSink(options, (message) => appendFileSync(file, `${JSON.stringify(message)}\n`));
process.stdout.write(`${JSON.stringify({ port: sink.port })}\n`);
process.on('SIGTERM', () => {
  sink.close().then(() => process.exit(0));
});
