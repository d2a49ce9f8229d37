import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './helpers';

test('the home page follows the browser language, French otherwise', async ({ browser }) => {
  const italian = await browser.newContext({ locale: 'it-IT' });
  const page = await italian.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/it\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await italian.close();

  const japanese = await browser.newContext({ locale: 'ja-JP' });
  const other = await japanese.newPage();
  await other.goto('/');
  await expect(other).toHaveURL(/\/fr\/$/);
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await japanese.close();
});

test('the language switcher keeps the page and remembers the choice', async ({ page }) => {
  await visit(page, '/en/courses');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(/\/de\/courses$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Courses');
  await expectAccessible(page);

  await page.goto('/');
  await expect(page).toHaveURL(/\/de\/$/);
});

for (const lang of ['fr', 'en', 'de', 'it', 'hr']) {
  test(`the ${lang} home page is complete and accessible`, async ({ page }) => {
    await visit(page, `/${lang}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator(`link[rel=alternate][hreflang=${lang}]`)).toHaveCount(1);
  });
}
