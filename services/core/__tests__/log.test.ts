import { log, logConfigSchema } from '../log';

describe('the log', () => {
  const level = process.env.LOG_LEVEL;
  afterEach(() => {
    process.env.LOG_LEVEL = level;
    jest.restoreAllMocks();
  });

  function linesAt(value: string | undefined): string[] {
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    if (value === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = value;
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    return written.map((w) => JSON.parse(w).message);
  }

  it('follows LOG_LEVEL, read when a line is written, with info by default and for values it does not know', () => {
    expect(linesAt('warn')).toEqual(['w', 'e']);
    expect(linesAt('debug')).toEqual(['d', 'i', 'w', 'e']);
    expect(linesAt(undefined)).toEqual(['i', 'w', 'e']);
    expect(linesAt('loud')).toEqual(['i', 'w', 'e']);
    expect(linesAt('silent')).toEqual([]);
  });

  it('takes its setting through a configuration schema, as every other process setting', () => {
    expect(logConfigSchema.parse({ LOG_LEVEL: 'error' })).toEqual({ LOG_LEVEL: 'error' });
  });
});
