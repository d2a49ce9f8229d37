import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './helpers';

for (const path of ['/en/courses', '/en/library', '/en/library/topics', '/en/directory', '/en/search', '/en/partners', '/en/data', '/en/about']) {
  test(`${path} answers with one heading and no accessibility violation`, async ({ page }) => {
    await visit(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('main#main')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(1);
  });
}

test('unknown addresses answer 404 with a page', async ({ page }) => {
  await visit(page, '/en/no-such-page', 404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  const unknownLanguage = await page.goto('/xx/');
  expect(unknownLanguage?.status()).toBe(404);
});

test('partners are listed and searchable', async ({ page }) => {
  await visit(page, '/en/partners');
  await expect(page.getByRole('link', { name: 'Rete Civica Aperta' })).toBeVisible();
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Search terms').fill('civica');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=civica/);
  await expect(page.locator('.results').getByRole('link', { name: 'Rete Civica Aperta' })).toBeVisible();
  await expectAccessible(page);
});

test('the password hint follows typing once the page is interactive', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'js', 'the live hint needs JavaScript');
  await visit(page, '/en/register');
  const password = page.getByLabel('Password', { exact: true });
  const hint = page.locator('.password-hint');
  // Hydration happens when the browser is idle: keep typing until the island answers.
  await expect(async () => {
    await password.fill('');
    await password.pressSequentially('abc');
    await expect(hint).toHaveText('3 of 10 characters', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await password.pressSequentially('defghijk');
  await expect(hint).toHaveText('Long enough');
  await expectAccessible(page);
});
