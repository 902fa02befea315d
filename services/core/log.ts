/**
 * Structured JSON logs, one line per event, on stderr. LOG_LEVEL (debug, info, warn, error, silent)
 * sets the threshold; the default is info.
 */
import { z } from 'zod';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

/**
 * Logging's configuration. Unlike the others it is read on every line, not once at start, so that a
 * process (a benchmark, a test) may change it; and a value it does not know means `info` rather than a
 * failure, since a log line must never be what stops a request.
 */
export const logConfigSchema = z.object({
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'expected debug, info, warn, error or silent' })
    .default('info')
    .catch('info'),
});

let current: { raw: string | undefined; threshold: number } | undefined;

function threshold(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LOG_LEVEL;
  if (current?.raw !== raw || current === undefined) {
    current = { raw, threshold: LEVELS[logConfigSchema.parse({ LOG_LEVEL: raw }).LOG_LEVEL] };
  }
  return current.threshold;
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (LEVELS[level] < threshold()) return;
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })}\n`);
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
