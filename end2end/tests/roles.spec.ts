import { expect, test } from '@playwright/test';
import { login, visit } from './helpers';

test('administrators see the accounts, learners may not', async ({ page }) => {
  const anonymous = await page.goto('/en/admin/users');
  expect(anonymous?.url()).toMatch(/\/en\/login\?next=/);

  await login(page, 'learner@example.org', 'demo-learner-password');
  await visit(page, '/en/admin/users', 403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await page.getByRole('button', { name: 'Log out' }).click();

  await login(page, 'admin@example.org', 'demo-admin-password');
  await visit(page, '/en/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
  await expect(page.getByRole('cell', { name: 'learner@example.org', exact: true })).toBeVisible();
});

test('an organisation administrator sees and manages the members', async ({ page }) => {
  await login(page, 'contributor@example.org', 'demo-contributor-password');
  await visit(page, '/en/partners/les-tisserands-du-libre');
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a member' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Edit the organisation' })).toHaveCount(0);
});
