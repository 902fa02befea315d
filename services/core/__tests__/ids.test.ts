import { makeId, parseId } from '../ids';

describe('ids', () => {
  it('tells the source, kind and upstream id', () => {
    const id = makeId('gm0363-openstad', 'proposal', 42);
    expect(id).toBe('gm0363-openstad:proposal:42');
    expect(parseId(id)).toEqual({ sourceId: 'gm0363-openstad', kind: 'proposal', upstreamId: '42' });
  });

  it.each([['42'], ['gm0363-openstad:idea:42'], ['GM0363:proposal:1'], ['a:proposal:'], ['a:proposal:has space']])(
    'rejects %p',
    (id) => {
      expect(parseId(id)).toBeNull();
    },
  );
});
