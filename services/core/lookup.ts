/** Shared checks of lookup arguments. */
import { BadUserInputError, NotFoundError } from './errors';
import { parseId, SOURCE_ID_PATTERN, type ItemKind } from './ids';

/** Returns `value`, or throws NotFoundError naming what was looked for. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new NotFoundError(`No ${what} exists.`);
  return value;
}

/** Checks that `code` is a CBS municipality code; throws BadUserInputError otherwise. */
export function checkMunicipalityCode(code: string): string {
  if (!/^GM\d{4}$/.test(code)) {
    throw new BadUserInputError(
      `"${code.slice(0, 40)}" is not a CBS municipality code: expected GM followed by four digits, e.g. GM0363.`,
    );
  }
  return code;
}

/** Checks that `id` is an Inspraak id of `kind`; throws BadUserInputError otherwise. */
export function checkItemId(id: string, kind: ItemKind): string {
  const parsed = parseId(id);
  if (!parsed || parsed.kind !== kind) {
    throw new BadUserInputError(
      `"${id.slice(0, 80)}" is not a ${kind} id: expected <source id>:${kind}:<upstream id>, e.g. gm0363-openstad:${kind}:42.`,
    );
  }
  return id;
}

/** Checks that `id` can be a source id (before any DynamoDB call); throws BadUserInputError otherwise. */
export function checkSourceId(id: string): string {
  if (!SOURCE_ID_PATTERN.test(id)) {
    throw new BadUserInputError(
      `"${id.slice(0, 80)}" is not a source id: expected lower-case letters, digits and dashes (at most 63), e.g. gm0363-openstad.`,
    );
  }
  return id;
}
