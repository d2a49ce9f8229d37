import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './helpers';

test('a visitor runs an example SPARQL query, edits it, reads the results and is told what is wrong', async ({ page }) => {
  await visit(page, '/en/data');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
  await expectAccessible(page);

  // An example fills the editor and runs: partners with their contributions.
  await Promise.all([
    page.waitForURL(/example=partner-contributions/),
    page.getByRole('link', { name: "Each partner's contributions" }).click(),
  ]);
  const editor = page.getByLabel('SPARQL query');
  await expect(editor).toHaveValue(/schema:Organization/);
  const table = page.getByRole('region', { name: 'Results' }).getByRole('table');
  await expect(table.getByRole('columnheader', { name: '?name' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 5);
  await expect(table.getByRole('cell', { name: 'Udruga Otvoreni Kod' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /\/sparql\?query=.*format=csv/);

  // The reader edits the query: the address is shareable, the results follow.
  // (The topics' Croatian labels: levels and audiences are concepts too.)
  await editor.fill('PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?label WHERE { ?c skos:inScheme ?scheme ; skos:prefLabel ?label FILTER(lang(?label) = "hr" && STRENDS(STR(?scheme), "/library/topics")) } ORDER BY ?label');
  await Promise.all([page.waitForURL(/\/en\/data\?query=/), page.getByRole('button', { name: 'Run the query' }).click()]);
  await expect(page.getByText('20 rows.')).toBeVisible();
  await expect(page.getByRole('cell', { name: /Sigurnosne kopije/ })).toBeVisible();

  // A mistake is explained where the results would be, and the query stays.
  await editor.fill('SELECT ?s WHERE { ?s ');
  await page.getByRole('button', { name: 'Run the query' }).click();
  await expect(page.getByRole('alert')).toContainText('Malformed query');
  await expect(page.getByLabel('SPARQL query')).toHaveValue(/^SELECT \?s WHERE \{ \?s\s*$/);
  await expectAccessible(page);
});
