import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor, listFingerprint } from '../cursor';

describe('cursors', () => {
  const list = listFingerprint(['byKind', 'PROPOSAL', false]);

  it('round-trips the key of the list it was made for', () => {
    const key = { pk: 'PROPOSAL#a', sk: '#', kindKey: 'PROPOSAL', orderKey: '2025#a' };
    expect(decodeCursor(list, encodeCursor(list, key))).toEqual(key);
  });

  it('refuses a cursor of another list with a message that says so', () => {
    const other = listFingerprint(['byKind', 'PROPOSAL', true]);
    const cursor = encodeCursor(other, { pk: 'x', sk: '#' });
    expect(() => decodeCursor(list, cursor)).toThrow(/different list/);
  });

  it.each([['garbage!'], ['bm90IGpzb24'], [Buffer.from('{"v":2}').toString('base64url')], ['a'.repeat(3000)]])(
    'refuses %s as BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(list, cursor)).toThrow(BadUserInputError);
    },
  );
});
