import { expect, test } from '@playwright/test';
import { PASSWORD, expectAccessible, logout, submit, uniqueEmail, visit } from './helpers';


// The short test course of end2end/content, whose answers these tests know.
const COURSE = '/en/courses/e2e-first-steps';
const FIRST = `${COURSE}/start/read`;
const SECOND = `${COURSE}/start/finish`;

test('an anonymous learner reads, answers, finishes, signs up and gets a public certificate', async ({ page, browser }, testInfo) => {
  // A whole journey with a dozen accessibility scans: more than one page's time.
  test.setTimeout(120_000);
  await visit(page, '/en/courses');
  await page.getByRole('link', { name: 'First steps (test course)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First steps (test course)');
  await expect(page.getByText('0 of 2 lessons done')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Start the course' }).click();
  await expect(page).toHaveURL(new RegExp(`${FIRST}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reading a lesson');
  await expect(page.getByRole('navigation', { name: 'Contents' })).toContainText('Why a quiz');
  await expect(page.getByText('Lesson 1 of 2')).toBeVisible();
  await expectAccessible(page);

  // A wrong answer: each question says why.
  await page.getByLabel('One', { exact: true }).check();
  await page.getByLabel('True', { exact: true }).check();
  let response = await submit(page, 'Check my answers');
  expect(response.status()).toBe(303);
  await expect(page.locator('#quiz-result')).toContainText('Your score: 0 of 2.');
  await expect(page.locator('#quiz-result')).toContainText('You need at least 100%');
  await expect(page.getByText('There is another one after this.')).toBeVisible();
  await expect(page.getByText('An anonymous visitor may answer; their progress is kept.')).toBeVisible();
  await expectAccessible(page);

  // Another try, right this time.
  await page.getByRole('link', { name: 'Try the quiz again' }).click();
  await page.getByLabel('Two', { exact: true }).check();
  await page.getByLabel('False', { exact: true }).check();
  response = await submit(page, 'Check my answers');
  expect(response.status()).toBe(303);
  await expect(page.locator('#quiz-result')).toContainText('Your score: 2 of 2. Quiz passed.');
  await expect(page.getByText('Attempts: 2 · best score: 2 of 2')).toBeVisible();
  await expectAccessible(page);

  await submit(page, 'Mark as done');
  await expect(page.getByText('You have finished this lesson.')).toBeVisible();
  await expect(page.getByText('1 of 2 lessons done')).toBeVisible();

  await page.getByRole('link', { name: /Next lesson/ }).click();
  await expect(page).toHaveURL(new RegExp(`${SECOND}$`));
  await expectAccessible(page);
  await submit(page, 'Mark as done');
  await expect(page).toHaveURL(new RegExp(`${COURSE}#progress$`));
  await expect(page.getByText('Well done, you have completed this course!')).toBeVisible();
  await expect(page.getByText('2 of 2 lessons done')).toBeVisible();
  await expectAccessible(page);

  // Signing up keeps the progress.
  const email = uniqueEmail(testInfo, 'learner');
  await visit(page, '/en/register');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Display name').fill('Camille Apprenante');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  response = await submit(page, 'Create my account');
  expect(response.status()).toBe(303);
  await visit(page, COURSE);
  await expect(page.getByText('2 of 2 lessons done')).toBeVisible();

  response = await submit(page, 'Get my certificate');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Your certificate is ready.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificate of completion');
  await expectAccessible(page);
  const certificate = page.url();

  await visit(page, '/en/learning');
  await expect(page.getByRole('link', { name: 'View my certificate' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Reading a lesson/ })).toHaveCount(2);

  await logout(page);
  // Anyone can verify it, without an account.
  const stranger = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const other = await stranger.newPage();
  const opened = await other.goto(certificate);
  expect(opened?.status()).toBe(200);
  await expect(other.getByText('Camille Apprenante', { exact: true })).toBeVisible();
  await expect(other.getByText('has followed and completed the course “First steps (test course)”.')).toBeVisible();
  await stranger.close();
});

test('the catalogue filters courses', async ({ page }) => {
  // A shared address with a filter nothing matches.
  await visit(page, '/en/courses?level=advanced');
  await expect(page.getByText('No course matches these filters.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Show all' }).click();
  await page.getByLabel('Topic').selectOption({ label: 'Alternative hosting' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/topic=alternative-hosting/);
  await expect(page.getByRole('link', { name: /MOOC CHATONS/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'First steps (test course)' })).toHaveCount(0);
});

test('a lesson without a translation says so and links the original', async ({ page }) => {
  await visit(page, '/it/courses/e2e-first-steps');
  await expect(page.getByText('Questo corso non è tradotto nella tua lingua')).toBeVisible();
  await page.getByRole('link', { name: 'Inizia il corso' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lire une leçon');
  await expect(page.getByRole('note')).toContainText('Questa lezione non è ancora tradotta');
  await expect(page.getByRole('note').getByRole('link', { name: 'Français' })).toHaveAttribute('href', '/fr/courses/e2e-first-steps/start/read');
  await expectAccessible(page);
});

test('the shipped MOOC reads in German where translated, with its diagram, and falls back elsewhere', async ({ page }) => {
  await visit(page, '/de/courses/mooc-chatons/internet/how-it-works');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie das Internet funktioniert');
  await expect(page.getByRole('note')).toHaveCount(0);
  const diagram = page.getByRole('img', { name: /Schema: vier Netze/ });
  await expect(diagram).toHaveAttribute('srcset', /\/course-media\/.+ 480w/);
  expect(await diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await visit(page, '/de/courses/mooc-chatons/running/charter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La charte et le manifeste');
  await expect(page.getByRole('note')).toContainText('Diese Lektion ist noch nicht in Ihre Sprache übersetzt');
  await expect(page.getByRole('note').getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/courses/mooc-chatons/running/charter');
});
