import { expect, test } from '@playwright/test';
import { expectAccessible, login, submit, visit } from './helpers';

test('an administrator registers a harvest source and sees it listed', async ({ page }, testInfo) => {
  const anonymous = await page.goto('/en/admin/harvest');
  expect(anonymous?.url()).toMatch(/\/en\/login\?next=/);

  await login(page, 'admin@example.org', 'demo-admin-password');
  await page.getByRole('link', { name: 'Harvesting' }).click();
  await expect(page).toHaveURL(/\/en\/admin\/harvest$/);
  await visit(page, '/en/admin/harvest');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harvest sources');

  const label = `Partner feed ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel('Kind of source').selectOption('rdf-dump');
  await page.getByLabel('Address', { exact: true }).fill('https://partner.example.org/data/catalogue.ttl');
  await page.getByLabel('Name', { exact: true }).fill(label);
  await page.getByLabel('Interval in hours').fill('6');
  const response = await submit(page, 'Register the source');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('The source is registered.');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('https://partner.example.org/data/catalogue.ttl');
  await expect(row).toContainText('RDF file');
  await expect(row).toContainText('Every 6 h');
  await expect(row).toContainText('Never harvested yet.');
  await expectAccessible(page);

  await row.getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label);
  await expect(page.getByRole('heading', { name: 'Harvest history' })).toBeVisible();
});

test('a source with an unusable address is refused with the reason', async ({ page }) => {
  await login(page, 'admin@example.org', 'demo-admin-password');
  await visit(page, '/en/admin/harvest');
  await page.getByLabel('Address', { exact: true }).fill('ftp://x');
  await page.getByLabel('Name', { exact: true }).fill('Not over FTP');
  const response = await submit(page, 'Register the source');
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('Use a full web address starting with https://');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('ftp://x');
  await expect(page.getByLabel('Address', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('rowheader', { name: 'Not over FTP' })).toHaveCount(0);
});

test('members of the instance may not open the harvest page', async ({ page }) => {
  await login(page, 'learner@example.org', 'demo-learner-password');
  await visit(page, '/en/admin/harvest', 403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(page.getByRole('link', { name: 'Harvesting' })).toHaveCount(0);
});
