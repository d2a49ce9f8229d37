import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, logout, submit, visit } from './helpers';

const CONTRIBUTOR = ['contributor@example.org', 'demo-contributor-password'] as const;
// A member of another partner (Udruga Otvoreni Kod), and a moderator.
const MODERATOR = ['moderator@example.org', 'demo-moderator-password'] as const;
const IMAGE = path.join(__dirname, '..', '..', 'content', 'courses', 'mooc-chatons', 'cover.png');

test('a resource goes from a contributor through review to readers in their language', async ({ page }, testInfo) => {
  // A whole review cycle with four sign-ins and an accessibility scan per page.
  test.setTimeout(180_000);
  const tag = `${testInfo.project.name}-${Date.now()}`;
  const titleFr = `Kit d'atelier sur les communs ${tag}`;
  const titleEn = `Workshop kit on the commons ${tag}`;

  // A contributor of Les Tisserands du Libre proposes a workshop kit in
  // French, with an image, and an English translation.
  await login(page, ...CONTRIBUTOR);
  await visit(page, '/en/library/new');
  await page.getByLabel('Published on behalf of').selectOption({ label: 'Les Tisserands du Libre' });
  await page.getByLabel('Kind of resource').selectOption({ label: 'Workshop kit' });
  await page.getByLabel('Original language').fill('fr');
  await page.getByLabel('Title').fill(titleFr);
  await page.getByLabel('Description').fill('Un déroulé de **deux heures** pour parler des communs numériques.');
  await page.getByLabel('Popular education').check();
  await page.getByLabel('Add a file').setInputFiles(IMAGE);
  let response = await submit(page, 'Save');
  expect(response.status()).toBe(303);
  await expect(page.locator('div.flash[role=status]')).toHaveText('The resource is saved.');
  const resourceUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleFr);
  await expect(page.getByRole('link', { name: 'cover.png' })).toBeVisible();
  await expectImageLoads(page, 'img.resource-thumbnail');

  await page.getByLabel('Language of the translation').fill('en');
  await page.locator('#translations').getByLabel('Title').fill(titleEn);
  await page.locator('#translation-description').fill('A **two-hour** session to talk about digital commons.');
  response = await submit(page, 'Save the translation');
  expect(response.status()).toBe(303);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.locator('#translations li[lang="en"]').getByRole('button', { name: 'Send for review' }).click(),
  ]);
  await page.waitForLoadState();
  response = await submit(page, 'Send for review');
  expect(response.status()).toBe(303);
  await expect(page.locator('div.flash[role=status]')).toHaveText('The resource is sent for review.');
  await logout(page);

  // A moderator from another partner finds it in the queue and asks for a change.
  await login(page, ...MODERATOR);
  await visit(page, '/en/library/review');
  await page.getByRole('link', { name: titleFr }).click();
  await page.waitForLoadState();
  await page.getByLabel('Comment for the contributor').fill('Please say who the session is for.');
  response = await submit(page, 'Request changes');
  expect(response.status()).toBe(303);
  await expect(page.locator('div.flash[role=status]')).toHaveText(/Changes are requested/);
  await logout(page);

  // The contributor reads the comment, fixes the description and sends it again.
  await login(page, ...CONTRIBUTOR);
  await visit(page, resourceUrl);
  await expect(page.getByText('Please say who the session is for.')).toBeVisible();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.waitForLoadState();
  await page.getByLabel('Description').fill('Un déroulé de **deux heures** pour des bénévoles débutants.');
  response = await submit(page, 'Save');
  expect(response.status()).toBe(303);
  response = await submit(page, 'Send for review');
  expect(response.status()).toBe(303);
  await logout(page);

  // The moderator publishes it (with its translation).
  await login(page, ...MODERATOR);
  await visit(page, resourceUrl);
  response = await submit(page, 'Publish');
  expect(response.status()).toBe(303);
  await expect(page.locator('div.flash[role=status]')).toHaveText('The resource is published.');
  await logout(page);

  // An anonymous English reader finds it by topic and reads it in English.
  await visit(page, '/en/library/topics');
  await page.getByRole('link', { name: 'Popular education', exact: true }).click();
  await page.waitForLoadState();
  await expect(page).toHaveURL(/topic=popular-education/);
  await page.getByRole('link', { name: titleEn }).click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleEn);
  await expect(page.locator('article.resource .prose')).toContainText('digital commons');
  await expect(page.getByRole('link', { name: 'cover.png' })).toBeVisible();
  await expectImageLoads(page, 'img.resource-thumbnail');
  await expectAccessible(page);

  // A German reader gets the original, with a note saying so.
  await visit(page, resourceUrl.replace('/en/', '/de/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleFr);
  await expect(page.getByRole('note').first()).toContainText('Français');

  // The Atom feed lists it.
  const feed = await page.request.get('/en/library/feed.atom');
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(titleEn);
});

/** The image is served and decoded (not a broken picture). */
async function expectImageLoads(page: Page, selector: string): Promise<void> {
  const src = await page.locator(selector).getAttribute('src');
  expect(src, `${selector} has a source`).toBeTruthy();
  const reply = await page.request.get(src!);
  expect(reply.status()).toBe(200);
  expect(reply.headers()['content-type']).toMatch(/^image\//);
}
