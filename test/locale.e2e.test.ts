/** Text fields in a requested language, through the gateway. */
import { ensureRegistry } from '../services/core/registry';
import { aProposal } from './support/builders';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

describe('proposals in a requested language', () => {
  let gw: TestGateway;
  const proposal = aProposal(1, {
    translations: [
      {
        locale: 'en',
        title: 'More benches',
        summary: 'Benches',
        body: { html: '<p>B</p>', text: 'B' },
        machineTranslated: false,
      },
    ],
  });
  beforeAll(async () => {
    const db = await freshTable('locale');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { proposals: [proposal] });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  it('shows the translation asked for, falls back to the primary language, and refuses a bad tag', async () => {
    const { json } = await gw.post({
      query: `query($id: ID!) { proposal(id: $id) {
        en: title(locale: "en-GB") shown: textLocale(locale: "en-GB") summary(locale: "en")
        de: title(locale: "de") deShown: textLocale(locale: "de") primary: title } }`,
      variables: { id: proposal.id },
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.proposal).toEqual({
      en: 'More benches',
      shown: 'en',
      summary: 'Benches',
      de: 'Voorstel 1',
      deShown: 'nl',
      primary: 'Voorstel 1',
    });
    const bad = await gw.post({ query: `{ proposal(id: "${proposal.id}") { title(locale: "??") } }` });
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
