import { expect, test } from '@playwright/test';
import { expectAccessible, login, logout, register, submit, uniqueEmail, visit } from './helpers';

test('a provider describes itself, submits its profile, and a moderator publishes it', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const email = uniqueEmail(testInfo, 'provider');
  const name = `Atelier Libre ${testInfo.project.name} ${Date.now()}`;
  await register(page, email, 'E2E Provider');

  // The account page leads to the profile form.
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Provider profiles' }) });
  await section.getByRole('link', { name: 'Add a provider' }).click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a provider');
  await expectAccessible(page);
  await expect(page.getByLabel('Contact e-mail address')).toHaveValue(email);

  // A description too short comes back with the reason, what was typed kept.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Language of the main description').selectOption('fr');
  await page.getByLabel(/^Description in Français/).fill('Trop court.');
  await page.getByLabel('Training', { exact: true }).check();
  await page.getByText('France', { exact: true }).click();
  await page.getByLabel('Corse', { exact: true }).check();
  await page.getByLabel('Languages spoken').fill('fr, co');
  await page.getByLabel('Free of charge', { exact: true }).check();
  let response = await submit(page, 'Create the draft');
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('The description needs at least 40 characters');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Corse', { exact: true })).toBeChecked();
  await expectAccessible(page);

  await page
    .getByLabel(/^Description in Français/)
    .fill('Nous formons les bénévoles des associations aux logiciels libres, en ateliers.');
  response = await submit(page, 'Create the draft');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('The draft is created. Complete it, then submit it for review.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit the profile');
  await expect(page.getByText('This profile is a draft')).toBeVisible();
  await expectAccessible(page);
  const edit = new URL(page.url()).pathname;
  const slug = edit.split('/')[3];

  response = await submit(page, 'Submit for review');
  expect(response.status()).toBe(303);
  await expect(page.getByText('The profile waits for a moderator before its first publication.')).toBeVisible();
  await logout(page);

  // The moderator finds it in the queue, compares and publishes it.
  await login(page, 'moderator@example.org', 'demo-moderator-password');
  await visit(page, '/en/directory/review');
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review a profile');
  await expect(page.getByRole('cell', { name: '(nothing published)' }).first()).toBeVisible();
  await expectAccessible(page);
  response = await submit(page, 'Approve and publish');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('The profile is approved and published.');
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);

  // The public sees it now.
  await visit(page, `/en/directory/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('a provider reads its help requests and its members; moderators and administrators see theirs', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'ruche@providers.example.org', 'demo-provider-password');
  await visit(page, '/en/directory/mine');
  await expect(page.getByRole('link', { name: 'La Ruche aux Octets' })).toHaveAttribute(
    'href',
    '/en/directory/la-ruche-aux-octets/edit',
  );
  await visit(page, '/en/directory/la-ruche-aux-octets/edit');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('La Ruche aux Octets');
  await expect(page.getByLabel(/^Nextcloud/)).toBeChecked();

  await visit(page, '/en/directory/la-ruche-aux-octets/requests');
  const request = page.locator('article', { hasText: 'Jeanne Dupuis' });
  await expect(request.getByRole('link', { name: 'jeanne@amis-du-quartier.example.org' })).toHaveAttribute(
    'href',
    'mailto:jeanne@amis-du-quartier.example.org',
  );
  // Answered, or archived once another run answered it: a request offers
  // only the moves it can still make.
  const answer = request.getByRole('button', { name: 'Answered', exact: true });
  const [button, state] = (await answer.count()) > 0 ? ['Answered', 'Answered'] : ['Archive', 'Archived'];
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    request.getByRole('button', { name: button, exact: true }).click(),
  ]);
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('The request is updated.');
  await expect(page.locator('article', { hasText: 'Jeanne Dupuis' }).locator('.badge')).toHaveText(state);

  await visit(page, '/en/directory/la-ruche-aux-octets/members');
  await expect(page.getByRole('cell', { name: 'ruche@providers.example.org' })).toBeVisible();
  await visit(page, '/en/directory/review', 403);
  await logout(page);

  await login(page, 'moderator@example.org', 'demo-moderator-password');
  await visit(page, '/en/account');
  await page.getByRole('link', { name: /^Directory moderation/ }).click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory moderation');
  await expectAccessible(page);
  await page.locator('table').first().getByRole('link').first().click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review a profile');
  await expectAccessible(page);
  await logout(page);

  await login(page, 'admin@example.org', 'demo-admin-password');
  await visit(page, '/en/admin/help-requests');
  await expect(page.getByRole('cell', { name: /Jeanne Dupuis/ })).toBeVisible();
});
