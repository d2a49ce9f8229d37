import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './helpers';

test('a French search finds a Croatian resource through its topic; facets narrow and pages turn', async ({ page }) => {
  await visit(page, '/fr/search');
  await page.getByLabel('Termes recherchés').fill('sauvegardes');
  await Promise.all([page.waitForURL(/\/fr\/search\?q=sauvegardes/), page.getByRole('button', { name: 'Rechercher' }).click()]);
  await expectAccessible(page);
  // Duplicati is described only in Croatian, and tagged "backups" (Sauvegardes).
  const duplicati = page.getByRole('link', { name: /^Duplicati: šifrirane sigurnosne kopije/ });
  await expect(duplicati).toBeVisible();

  // The language facet keeps only what can be read in Croatian.
  const facets = page.getByRole('complementary');
  await Promise.all([page.waitForURL(/language=hr/), facets.getByRole('link', { name: /^Hrvatski/ }).click()]);
  await expect(duplicati).toBeVisible();
  await expect(facets.getByRole('link', { name: /Hrvatski/ })).toHaveAttribute('aria-current', 'true');
  for (const hit of await page.locator('.results .result-lang').allTextContents()) {
    expect(hit).toBe('(hr)');
  }
  await duplicati.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Duplicati/);

  // Browsing every resource: 20 a page, the next page follows.
  await visit(page, '/en/search?kind=resource');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results\.$/);
  await expect(page.locator('.results > li')).toHaveCount(20);
  const first = await page.locator('.results h2 a').first().textContent();
  await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: 'Next page' }).click()]);
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  expect(await page.locator('.results h2 a').first().textContent()).not.toBe(first);
  await expectAccessible(page);
});
