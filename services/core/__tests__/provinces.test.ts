import { BadUserInputError } from '../errors';
import { resolveProvince } from '../provinces';

describe('resolveProvince', () => {
  it.each([['PV21'], ['pv21'], ['Fryslân'], ['fryslan'], ['Friesland']])('finds Fryslân from %p', (input) => {
    expect(resolveProvince(input)).toEqual({ code: 'PV21', name: 'Fryslân' });
  });

  it('names the valid provinces when it cannot find one', () => {
    expect(() => resolveProvince('Holland')).toThrow(BadUserInputError);
    expect(() => resolveProvince('Holland')).toThrow(/Noord-Holland.*Limburg/);
  });
});
