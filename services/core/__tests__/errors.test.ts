/**
 * The error catalogue (services/core/errors.ts): every code is complete, every code the code base raises
 * is in it, every class it throws maps to a code, and what clients see follows from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  CLIENT_CODES,
  codeOf,
  ERROR_CATALOGUE,
  FOREIGN_ERRORS,
  errorAnswer,
  InspraakError,
  InspraakGraphQLError,
  isPublicCode,
  publicError,
  toGraphQLError,
} from '../errors';

const root = join(__dirname, '..', '..', '..');

/** Production TypeScript: services/, infra/ and dev/, without tests and generated code. */
function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['__tests__', 'generated', 'node_modules', 'stubs'].includes(name)) return [];
    if (statSync(path).isDirectory()) return productionFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
const files = ['services', 'infra', 'dev'].flatMap((d) => productionFiles(join(root, d)));
const sources = new Map(files.map((f) => [relative(root, f), readFileSync(f, 'utf8')]));

/**
 * Classes thrown that are not InspraakErrors, each for a reason: they never reach a formatter as
 * themselves, or they stand for another platform's behaviour in a simulator.
 */
const NOT_INSPRAAK_ERRORS: Record<string, string> = {
  GraphQLError: "carries its code in extensions, checked below against the catalogue's codes",
  RetryableError: 'control flow inside HttpClient: the retry policy unwraps it before it leaves',
  RangeError: "a caller's programming error (money.ts: a non-whole amount); formatters mask it as INTERNAL",
  TypeError: "the Decidim simulator's own parameter check, as Decidim answers it",
  RecordNotFound: "the CONSUL simulator's ActiveRecord::RecordNotFound, as CONSUL answers it",
};

describe('the error catalogue', () => {
  it('gives every code a kind, an HTTP status, a public message and a log level', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect({ code, ok: /^[A-Z][A-Z_]+$/.test(code) }).toEqual({ code, ok: true });
      expect(['client', 'unavailable', 'internal']).toContain(entry.kind);
      expect(Number.isInteger(entry.status) && entry.status >= 200 && entry.status <= 599).toBe(true);
      expect(entry.message.length).toBeGreaterThan(10);
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
      // A client's mistake is never answered 5xx, and our failures never 4xx.
      if (entry.kind === 'client') expect({ code, status: entry.status < 500 }).toEqual({ code, status: true });
      else expect({ code, status: entry.status >= 500 }).toEqual({ code, status: true });
    }
  });

  it('holds every code the code base raises', () => {
    const raised = new Map<string, string>();
    for (const [file, text] of sources) {
      if (file.startsWith('dev/simulators/')) continue; // they speak other platforms' codes
      for (const m of text.matchAll(/readonly code = '([A-Z_]+)'|\bcode: '([A-Z_]+)'/g))
        raised.set(m[1] ?? m[2]!, file);
    }
    expect(raised.size).toBeGreaterThan(10);
    const missing = [...raised].filter(([code]) => !Object.hasOwn(ERROR_CATALOGUE, code));
    expect(missing).toEqual([]);
  });

  it('maps every class production code throws to a code, and throws no bare Error', () => {
    const thrown = new Map<string, string>();
    for (const [file, text] of sources) {
      for (const m of text.matchAll(/throw new ([A-Za-z]+)\(/g)) thrown.set(m[1]!, file);
    }
    expect(thrown.get('Error')).toBeUndefined();
    for (const [name, file] of thrown) {
      if (NOT_INSPRAAK_ERRORS[name]) continue;
      const definedIn = [...sources].find(([, text]) => new RegExp(`export class ${name}\\b`).test(text))?.[0];
      expect({ name, file, definedIn: definedIn !== undefined }).toEqual({ name, file, definedIn: true });
      const Class = require(join(root, definedIn!))[name] as new (...args: string[]) => unknown;
      const instance = new Class('a', 'b');
      expect({ name, isInspraakError: instance instanceof InspraakError }).toEqual({ name, isInspraakError: true });
      const { code } = instance as InspraakError;
      expect({ name, code, catalogued: Object.hasOwn(ERROR_CATALOGUE, code) }).toEqual({
        name,
        code,
        catalogued: true,
      });
    }
  });
});

describe('what a client sees', () => {
  it('keeps the code and message of client and unavailable errors, with their status', () => {
    expect(publicError('NOT_FOUND', 'No budget x.')).toEqual({
      code: 'NOT_FOUND',
      status: 404,
      message: 'No budget x.',
    });
    expect(publicError('SUBGRAPH_TIMEOUT', 'The budgets subgraph did not answer within 5000 ms.').status).toBe(504);
    expect(publicError('BAD_USER_INPUT')).toEqual({
      code: 'BAD_USER_INPUT',
      status: 400,
      message: ERROR_CATALOGUE.BAD_USER_INPUT.message,
    });
  });

  it('masks internal codes, and codes outside the catalogue, as INTERNAL_SERVER_ERROR', () => {
    const masked = { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'Internal server error' };
    expect(publicError('DEPENDENCY_FAILED', 'DynamoDB left 3 keys at 10.0.0.7')).toEqual(masked);
    expect(publicError('SOMETHING_ELSE', 'secret')).toEqual(masked);
    expect(publicError(undefined)).toEqual(masked);
    expect(isPublicCode('CONFIG_INVALID')).toBe(false);
  });

  it('answers a resolver error with its public code', () => {
    class Hidden extends InspraakError {
      readonly code = 'UPSTREAM_SCHEMA_ERROR';
    }
    expect(toGraphQLError(new Hidden('upstream said <html> at https://internal')).toJSON()).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('answers an error before GraphQL with the status of its code', () => {
    expect(errorAnswer('REQUEST_TOO_LARGE', 'Too large.')).toEqual({
      status: 413,
      body: JSON.stringify({ errors: [{ message: 'Too large.', extensions: { code: 'REQUEST_TOO_LARGE' } }] }),
    });
  });

  it('counts as client codes exactly those of kind client', () => {
    expect([...CLIENT_CODES].sort()).toEqual(
      Object.entries(ERROR_CATALOGUE)
        .filter(([, e]) => e.kind === 'client')
        .map(([c]) => c)
        .sort(),
    );
    expect(CLIENT_CODES.has('BAD_USER_INPUT')).toBe(true);
    expect(CLIENT_CODES.has('SUBGRAPH_TIMEOUT')).toBe(false);
  });

  it("reads the code Inspraak gave an error over the one a library re-labelled it with, and only Inspraak's", () => {
    const relabelled = {
      message: 'first must be between 1 and 100',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(codeOf(relabelled, new InspraakGraphQLError('BAD_USER_INPUT', relabelled.message))).toBe('BAD_USER_INPUT');
    expect(codeOf({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new BadUserInputError('x'))).toBe(
      'BAD_USER_INPUT',
    );
    // graphql-armor's own BAD_USER_INPUT on a too-deep query stays the validation failure Apollo made it.
    expect(codeOf(relabelled, new GraphQLError('too deep', { extensions: { code: 'BAD_USER_INPUT' } }))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it("maps other libraries' client errors to the catalogue's codes, and nothing else", () => {
    expect(codeOf({ message: 'cannot plan', extensions: { code: 'INVALID_GRAPHQL' } }, undefined)).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(codeOf({ message: 'provided sha does not match query' }, undefined)).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(codeOf({ message: 'boom', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }, undefined)).toBe(
      'DOWNSTREAM_SERVICE_ERROR',
    );
    for (const f of FOREIGN_ERRORS) {
      expect(ERROR_CATALOGUE[f.means].kind).toBe('client');
      if ('theirCode' in f) expect(Object.hasOwn(ERROR_CATALOGUE, f.theirCode)).toBe(false);
    }
  });
});
