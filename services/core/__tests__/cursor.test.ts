import { BadUserInputError } from '../errors';
import { configureCursors, decodeCursor, encodeCursor, listFingerprint } from '../cursor';

afterEach(() => configureCursors(undefined));

describe('cursors', () => {
  const list = listFingerprint(['byKind', 'PROPOSAL', false]);
  const key = { pk: 'PROPOSAL#a', sk: '#', kindKey: 'PROPOSAL', orderKey: '2025#a' };

  it('round-trips the key of the list it was made for', () => {
    expect(decodeCursor(list, encodeCursor(list, key))).toEqual(key);
  });

  it('gives the same cursor for the same position, so a cached page keeps its ETag', () => {
    expect(encodeCursor(list, key)).toBe(encodeCursor(list, key));
  });

  it('reveals neither the key attribute names nor their values', () => {
    const cursor = encodeCursor(list, key);
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const word of ['pk', 'sk', 'kindKey', 'orderKey', 'PROPOSAL', '2025']) expect(decoded).not.toContain(word);
    expect(cursor[0]).toBe('A'); // the format version, 0x02, in the first byte
  });

  it('refuses a cursor of another list with a message that says so', () => {
    const other = listFingerprint(['byKind', 'PROPOSAL', true]);
    const cursor = encodeCursor(other, { pk: 'x', sk: '#' });
    expect(() => decodeCursor(list, cursor)).toThrow(/different list/);
  });

  it('refuses every single-bit change of a cursor as BAD_USER_INPUT', () => {
    const bytes = Buffer.from(encodeCursor(list, key), 'base64url');
    for (let i = 1; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i] = tampered[i]! ^ 0x01;
      expect(() => decodeCursor(list, tampered.toString('base64url'))).toThrow(/not a cursor this API issued/);
    }
  });

  it('refuses a cursor sealed with another deployment secret', () => {
    configureCursors('another-deployment-secret-0123456789');
    const foreign = encodeCursor(list, key);
    configureCursors('this-deployment-secret-0123456789');
    expect(() => decodeCursor(list, foreign)).toThrow(BadUserInputError);
    expect(decodeCursor(list, encodeCursor(list, key))).toEqual(key);
  });

  it('refuses a cursor of the earlier, readable format with a message that says to start again', () => {
    const old = Buffer.from(JSON.stringify({ v: 1, l: list, k: key })).toString('base64url');
    expect(() => decodeCursor(list, old)).toThrow(BadUserInputError);
    expect(() => decodeCursor(list, old)).toThrow(/earlier version of this API.*first page/);
  });

  it.each([
    ['characters outside base64url', 'garbage!'],
    ['base64 of plain text', 'bm90IGpzb24'],
    ['JSON of another version', Buffer.from('{"v":2}').toString('base64url')],
    ['the version byte alone', 'Ag'],
    ['3000 characters', 'a'.repeat(3000)],
  ])('refuses %s as BAD_USER_INPUT', (_name, cursor) => {
    expect(() => decodeCursor(list, cursor)).toThrow(BadUserInputError);
  });
});
