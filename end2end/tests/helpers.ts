import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Response, type TestInfo } from '@playwright/test';

/**
 * Fails on any WCAG 2.1 A/AA violation axe-core finds on the current page.
 * axe runs inside the page, so for a page shown without JavaScript the same
 * HTML is scanned in a scratch page of the same origin (with the same styles;
 * the page's own scripts stay blocked by its Content-Security-Policy).
 */
export async function expectAccessible(page: Page): Promise<void> {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (test.info().project.use.javaScriptEnabled === false) {
    const html = await page.content();
    const url = new URL(page.url());
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    target = await scratch.newPage();
    await target.goto(`${url.origin}/healthz`);
    await target.setContent(html, { waitUntil: 'load' });
  }
  const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  await scratch?.close();
  const report = results.violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(results.violations, `accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** Opens a page, checks its status and scans it. */
export async function visit(page: Page, path: string, status = 200): Promise<Response> {
  const response = await page.goto(path);
  expect(response, `no response for ${path}`).not.toBeNull();
  expect(response!.status(), `status of ${path}`).toBe(status);
  await expectAccessible(page);
  return response!;
}

/** Clicks a submit button and returns the response to the form's POST. */
export async function submit(page: Page, button: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** An address no other test or project uses. */
export function uniqueEmail(testInfo: TestInfo, label: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${label}-${testInfo.project.name}-${Date.now()}-${random}@example.org`;
}

export const PASSWORD = 'a sentence long enough';

export async function register(page: Page, email: string, name = 'E2E Learner'): Promise<void> {
  await visit(page, '/en/register');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const response = await submit(page, 'Create my account');
  expect(response.status()).toBe(303);
  await expect(page).toHaveURL(/\/en\/account$/);
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/en/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const response = await submit(page, 'Log in');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('You are logged in.');
}

export async function logout(page: Page): Promise<void> {
  await submit(page, 'Log out');
  await expect(page).toHaveURL(/\/en\/$/);
}
