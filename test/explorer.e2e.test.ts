/**
 * The API explorer in a real browser: Debian's headless Chromium, driven by playwright-core, loads
 * GET /graphql from the gateway with every other host blocked, runs the README's first example and
 * shows its result. The screenshot is kept in artifacts/explorer.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildExplorer, explorerIsStale } from '../scripts/build-explorer';
import { ensureRegistry } from '../services/core/registry';
import { aProposal, aSource } from './support/builders';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

jest.setTimeout(180_000);

describe('the API explorer, in headless Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does).`);
    // `npm test` builds it first (as `npm start` does); rebuilt here only when out of date.
    const [db] = await Promise.all([freshTable('explorer'), explorerIsStale() ? buildExplorer() : undefined]);
    await ensureRegistry(db.doc, db.table);
    const source = aSource({ id: 'gm0518-openstad', municipalityCode: 'GM0518', name: 'Duinoord Begroot' });
    await seed(db, {
      sources: [source],
      proposals: [
        aProposal(1, {
          municipalityCode: 'GM0518',
          title: 'Meer afvalbakken op de boulevard',
          provenance: { ...aProposal(1).provenance, sourceId: source.id },
        }),
      ],
    });
    gw = await startTestGateway(db);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('loads from the gateway alone, runs an example query and shows its result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const origin = new URL(gw.url).origin;
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });

    try {
      const response = await page.goto(gw.url);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
      // The README's first example is open in the first tab.
      await page.locator('.graphiql-query-editor').getByText('MunicipalityOverview').first().waitFor();
      await page.locator('.graphiql-execute-button').click();
      // Monaco shows spaces as no-break spaces, hence \s+ below.
      const result = page.locator('.result-window');
      await result.getByText("'s-Gravenhage").first().waitFor({ timeout: 30_000 });
      await expect(result.textContent()).resolves.toMatch(/Meer\s+afvalbakken\s+op\s+de\s+boulevard/);
    } finally {
      // The artefact, whether the test passed or not: what a person would have seen.
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
    }
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('leaves GraphQL GET requests and clients that do not ask for HTML to GraphQL', async () => {
    const page = await fetch(gw.url, { headers: { accept: 'application/json' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    const get = await fetch(`${gw.url}?query=${encodeURIComponent('{ municipality(code: "GM0518") { name } }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({
      extensions: { cost: expect.any(Object) },
      data: { municipality: { name: "'s-Gravenhage" } },
    });
  });
});
