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

test('before a search the page offers what there is to browse; a typo gets a suggestion; nothing found helps', async ({ page }) => {
  await visit(page, '/en/search');
  await expect(page.getByRole('heading', { name: 'Browse everything' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to search' })).toBeVisible();
  const courses = page.getByRole('link', { name: /^Course \(\d+\)$/ });
  await Promise.all([page.waitForURL(/kind=course/), courses.click()]);
  await expect(page.locator('.results .result-kind').first()).toHaveText('Course');

  // One letter swapped: the results are for the close word, and the word is offered.
  await visit(page, '/en/search?q=backpus');
  await expect(page.getByText('Nothing matched those exact words')).toBeVisible();
  await expect(page.locator('.did-you-mean')).toHaveText('Did you mean: backups');
  const suggestion = page.locator('.did-you-mean a');
  await Promise.all([page.waitForURL(/q=backups/), suggestion.click()]);
  await expect(page.getByRole('status')).toHaveText(/^(One result|\d+ results)\.$/);
  await expect(page.getByText('Nothing matched those exact words')).toHaveCount(0);

  // Nothing at all, with a filter chosen: a way out of the filter, and tips.
  await visit(page, '/en/search?q=Duplicati&kind=course');
  await expect(page.getByText('Nothing found for “Duplicati”.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to search' })).toBeVisible();
  const unfiltered = page.getByRole('link', { name: 'Search again without the chosen filters' });
  await Promise.all([page.waitForURL((url) => !url.search.includes('kind=')), unfiltered.click()]);
  await expect(page.getByRole('link', { name: /^Duplicati: šifrirane sigurnosne kopije/ })).toBeVisible();
  await expectAccessible(page);
});

test('newest first is a choice of the form', async ({ page }) => {
  await visit(page, '/en/search?kind=resource');
  await page.getByLabel('Sort by').selectOption('newest');
  if (test.info().project.use.javaScriptEnabled === false) {
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  }
  await page.waitForURL(/sort=newest/);
  await expect(page.getByLabel('Sort by')).toHaveValue('newest');
  await expect(page.locator('.results > li')).toHaveCount(20);
  // The facets keep the order chosen.
  await expect(page.getByRole('complementary').getByRole('link', { name: /^Video/ })).toHaveAttribute('href', /sort=newest/);
});

test('with JavaScript, results follow the typing and facets toggle without reloading the page', async ({ page }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, 'live results need JavaScript');
  await visit(page, '/en/search');
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

  // An unfinished word already finds what it begins.
  await page.getByLabel('Search terms').pressSequentially('Duplic', { delay: 40 });
  const duplicati = page.getByRole('link', { name: /^Duplicati: šifrirane sigurnosne kopije/ });
  await expect(duplicati).toBeVisible();
  await expect(page).toHaveURL(/q=Duplic(&|$)/);
  await expect(page.getByRole('status')).toHaveText(/^(One result|\d+ results)\.$/);

  // A facet narrows in place and keeps the focus; Back undoes it.
  const facets = page.getByRole('complementary');
  await facets.getByRole('link', { name: /^Hrvatski/ }).click();
  await expect(page).toHaveURL(/language=hr/);
  const chosen = facets.getByRole('link', { name: /Hrvatski/ });
  await expect(chosen).toHaveAttribute('aria-current', 'true');
  await expect(chosen).toBeFocused();
  await page.goBack();
  await expect(page).not.toHaveURL(/language=hr/);
  await expect(facets.getByRole('link', { name: /^Hrvatski/ })).not.toHaveAttribute('aria-current', 'true');

  // Changing the words keeps going without a reload.
  await page.getByLabel('Search terms').fill('sauvegardes');
  await expect(duplicati).toBeVisible();
  await expect(page).toHaveURL(/q=sauvegardes/);
  expect(await stayed()).toBe(true);
  await expectAccessible(page);

  // A result opens its page normally.
  await Promise.all([page.waitForURL(/\/library\/resources\//), duplicati.click()]);
  expect(await stayed()).toBe(false);
});
