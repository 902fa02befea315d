/** Text fields in a requested language, through the gateway. */
import { ensureRegistry } from '../services/core/registry';
import { aBudget, aProject, aProposal } from './support/builders';
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
  const en = (title: string) => ({
    locale: 'en',
    title,
    description: { html: `<p>${title}</p>`, text: title },
    machineTranslated: false,
  });
  const nl = (title: string) => ({ ...en(title), locale: 'nl' });
  const budget = aBudget(1, { translations: [nl(aBudget(1).title), en('Neighbourhood budget')] });
  const translatedProject = { ...aProject(budget, 0), title: 'Bankjes', translations: [nl('Bankjes'), en('Benches')] };
  const plainProject = aProject(budget, 1);
  beforeAll(async () => {
    const db = await freshTable('locale');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { proposals: [proposal], budgets: [budget], projects: [translatedProject, plainProject] });
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

  it('shows budgets and projects in the language asked for, with the same fallback', async () => {
    const { json } = await gw.post({
      query: `query($id: ID!) { budget(id: $id) {
        title en: title(locale: "en-GB") shown: textLocale(locale: "en-GB") description(locale: "en") { text }
        de: title(locale: "de") deShown: textLocale(locale: "de") languages
        projects(first: 5) { edges { node { title en: title(locale: "en") shown: textLocale(locale: "en") } } } } }`,
      variables: { id: budget.id },
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.budget).toEqual({
      title: budget.title,
      en: 'Neighbourhood budget',
      shown: 'en',
      description: { text: 'Neighbourhood budget' },
      de: budget.title,
      deShown: 'nl',
      languages: ['nl', 'en'],
      projects: {
        edges: [
          { node: { title: 'Bankjes', en: 'Benches', shown: 'en' } },
          // No stored translations: the primary text, in the budget's language.
          { node: { title: plainProject.title, en: plainProject.title, shown: budget.locale } },
        ],
      },
    });
    const bad = await gw.post({ query: `{ budget(id: "${budget.id}") { title(locale: "n l") } }` });
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("takes the language of a whole request from one variable, which a field's own locale overrides", async () => {
    const query = `query($locale: String = "en", $id: ID!, $budget: ID!) {
      proposal(id: $id) { title(locale: $locale) textLocale(locale: $locale) }
      budget(id: $budget) { title(locale: $locale) nl: title(locale: "nl")
        projects(first: 1) { edges { node { title(locale: $locale) } } } } }`;
    const english = await gw.post({ query, variables: { id: proposal.id, budget: budget.id } });
    expect(english.json.errors).toBeUndefined();
    expect(english.json.data).toEqual({
      proposal: { title: 'More benches', textLocale: 'en' },
      budget: {
        title: 'Neighbourhood budget',
        nl: budget.title,
        projects: { edges: [{ node: { title: 'Benches' } }] },
      },
    });
    const primary = await gw.post({ query, variables: { id: proposal.id, budget: budget.id, locale: null } });
    expect(primary.json.data.proposal).toEqual({ title: proposal.title, textLocale: proposal.locale });
    expect(primary.json.data.budget.projects.edges[0].node.title).toBe('Bankjes');
  });
});
