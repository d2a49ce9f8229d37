import { expect, test } from '@playwright/test';
import {
  PASSWORD,
  expectAccessible,
  linkInMail,
  login,
  logout,
  mailTo,
  register,
  submit,
  uniqueEmail,
  visit,
} from './helpers';

test('register, verify the address, log out, log in again', async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, 'register');
  await register(page, email, 'E2E Learner', false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await expect(page.getByRole('status')).toContainText('Welcome! Your account is ready.');
  await expect(page.getByText('Your address is not verified yet.')).toBeVisible();
  await expectAccessible(page);

  // The e-mail's link verifies the address.
  const mails = await mailTo(email);
  expect(mails[0].subject).toBe('Verify your e-mail address');
  await page.goto(await linkInMail(email, '/account/verify/'));
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByRole('status')).toHaveText(/Your e-mail address is verified\./);
  await expect(page.getByText('Your address is verified.')).toBeVisible();

  await logout(page);
  await expect(page.getByRole('status')).toHaveText('You are logged out.');
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expectAccessible(page);

  const account = await page.goto('/en/account');
  expect(account?.url()).toMatch(/\/en\/login\?next=/);

  await login(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/en\/account$/);
  await expectAccessible(page);
});

test('registration mistakes are explained beside their fields', async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, 'dup');
  await register(page, email);
  await logout(page);

  await visit(page, '/en/register');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Display name').fill('Someone else');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  let response = await submit(page, 'Create my account');
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('An account already uses this e-mail address.');
  await expect(page.locator('#email-error')).toHaveText('An account already uses this e-mail address.');
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);
  await expectAccessible(page);

  await page.getByLabel('E-mail address').fill(uniqueEmail(testInfo, 'short'));
  await page.getByLabel('Password', { exact: true }).fill('short');
  response = await submit(page, 'Create my account');
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('The password needs at least 10 characters.');
  await expectAccessible(page);
});

test('a wrong password is refused', async ({ page }) => {
  await visit(page, '/en/login');
  await page.getByLabel('E-mail address').fill('learner@example.org');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  const response = await submit(page, 'Log in');
  expect(response.status()).toBe(401);
  await expect(page).toHaveURL(/\/en\/login$/);
  await expect(page.getByRole('alert')).toContainText('The e-mail address or the password is wrong.');
  await expect(page.getByLabel('E-mail address')).toHaveValue('learner@example.org');
  await expectAccessible(page);
});

test('profile, password change and account deletion', async ({ page }, testInfo) => {
  // Four password checks (sign-up, change, old and new password) and a scan per page.
  test.setTimeout(90_000);
  const email = uniqueEmail(testInfo, 'manage');
  await register(page, email);

  await page.getByLabel('Display name').fill('Renamed Learner');
  await page.getByLabel('Preferred languages').fill('it, en');
  let response = await submit(page, 'Save my profile');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Your profile is saved.');
  await expect(page.getByLabel('Preferred languages')).toHaveValue('it, en');
  await expectAccessible(page);

  const newPassword = 'another sentence, longer';
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill(newPassword);
  response = await submit(page, 'Change my password');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Your password is changed. Your other sessions were closed.');

  await logout(page);
  await login(page, email, newPassword);

  await page.locator('section.danger-zone').getByLabel('Password').fill(newPassword);
  response = await submit(page, 'Delete my account for good');
  expect(response.status()).toBe(303);
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('status')).toHaveText('Your account and your data are deleted.');
  await expectAccessible(page);

  await visit(page, '/en/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  response = await submit(page, 'Log in');
  expect(response.status()).toBe(401);
});

test('a forgotten password is reset through the e-mailed link, and the old sessions end', async ({ browser, page }, testInfo) => {
  test.setTimeout(90_000);
  const email = uniqueEmail(testInfo, 'forgot');
  await register(page, email);
  // Another device stays signed in with the old password.
  const other = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const elsewhere = await other.newPage();
  await login(elsewhere, email, PASSWORD);
  await logout(page);

  await visit(page, '/en/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgotten password');
  await expectAccessible(page);
  await page.getByLabel('E-mail address').fill(email);
  let response = await submit(page, 'Send me a link');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toContainText('If an account uses this address');

  const link = await linkInMail(email, '/password/reset/');
  await visit(page, link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  const fresh = 'a fresh sentence for a password';
  await page.getByLabel('New password').fill(fresh);
  response = await submit(page, 'Save my new password');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Your new password is saved. Log in with it.');
  await login(page, email, fresh);

  // The other device was signed out.
  const account = await elsewhere.goto('/en/account');
  expect(account?.url()).toMatch(/\/en\/login\?next=/);
  await other.close();

  // The link worked once.
  await visit(page, link, 410);
  await expect(page.getByText('This link does not work any more')).toBeVisible();
});
