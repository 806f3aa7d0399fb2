import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config, LogLevel } from './config.ts';

const ORDER: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
/** What the log file gets: every request and job, for looking back, without flooding the terminal. */
const FILE_LEVEL: LogLevel = 'info';

/**
 * JSON logs with personal data and secrets redacted: cookies, authorisation headers and any field
 * that could carry a person's details, wherever it appears. The terminal gets `logLevel` and above;
 * a log file, when configured, gets `info` and above, so development keeps the terminal for what
 * needs attention (and the demo sign-ins) while the request log is still there to read.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFile'>>,
  destination?: DestinationStream,
  file?: DestinationStream,
): Logger {
  const terminal = destination ?? pino.destination(1);
  const fileStream = file ?? (config.logFile ? pino.destination({ dest: config.logFile, mkdir: true, sync: true }) : undefined);
  const streams: pino.StreamEntry<LogLevel>[] = [];
  if (config.logLevel !== 'silent') streams.push({ level: config.logLevel, stream: terminal } as pino.StreamEntry<LogLevel>);
  if (fileStream) streams.push({ level: FILE_LEVEL, stream: fileStream } as pino.StreamEntry<LogLevel>);
  const lowest = streams.reduce<LogLevel>((low, s) => (ORDER.indexOf(s.level as LogLevel) < ORDER.indexOf(low) ? (s.level as LogLevel) : low), 'silent');
  const options: pino.LoggerOptions = {
    level: lowest,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.email',
        '*.recipient',
        '*.name',
        '*.nhsNumber',
        '*.dateOfBirth',
        '*.phone',
        '*.address',
        '*.client_secret',
        '*.access_token',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return pino(options, pino.multistream(streams));
}
