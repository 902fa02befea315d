import { aProposal } from '../../../test/support/builders';
import { BadUserInputError } from '../../core/errors';
import { inLocale } from '../inLocale';

const text = (t: string) => ({ html: `<p>${t}</p>`, text: t });
const proposal = aProposal(1, {
  locale: 'nl',
  title: 'Meer bankjes',
  translations: [
    { locale: 'en', title: 'More benches', summary: null, body: text('Benches'), machineTranslated: true },
    { locale: 'fy', title: 'Mear bankjes', summary: null, body: text('Bankjes'), machineTranslated: false },
  ],
});

describe('a proposal in a requested language', () => {
  it.each([
    ['no locale: the primary language', undefined, 'nl', 'Meer bankjes'],
    ['the exact language', 'en', 'en', 'More benches'],
    ['case-insensitively', 'FY', 'fy', 'Mear bankjes'],
    ['the same language without region', 'en-GB', 'en', 'More benches'],
    ['the primary language with a region', 'nl-BE', 'nl', 'Meer bankjes'],
    ['a language it lacks: the primary one', 'de', 'nl', 'Meer bankjes'],
  ])('%s', (_name, locale, shown, title) => {
    expect(inLocale(proposal, locale)).toMatchObject({ locale: shown, title });
  });

  it('refuses something that is not a language tag', () => {
    expect(() => inLocale(proposal, 'english please')).toThrow(BadUserInputError);
  });
});
