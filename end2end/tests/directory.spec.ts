import { expect, test } from '@playwright/test';
import { expectAccessible, login, submit, uniqueEmail, visit } from './helpers';

// A demo provider working in Occitanie, in French, Occitan and English, and
// its member's account (see content/demo/providers.toml).
const PROVIDER = 'Les Passeurs de Clés';
const MEMBER = ['passeurs@providers.example.org', 'demo-provider-password'] as const;
const CONTACT = 'ateliers@passeurs.example.org';

test('an association finds a provider by region and language, and asks it for help', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await visit(page, '/en/directory');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
  await expect(page.getByRole('link', { name: 'Add your organisation' })).toHaveAttribute('href', '/en/directory/new');
  const filters = page.locator('form.filters');

  // Occitanie is one of France's regions, folded until asked for.
  await filters.getByText('Regions: France').click();
  await filters.getByLabel(/^Occitanie/).check();
  await filters.getByLabel(/^Occitan \(/).check();
  await Promise.all([
    page.waitForURL(/area=FRJ/),
    filters.getByRole('button', { name: 'Filter' }).click(),
  ]);
  await expect(page).toHaveURL(/language=oc/);
  await expectAccessible(page);
  await expect(page.getByRole('status')).toHaveText('Providers found: 1');
  const cards = page.locator('article.card');
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('heading', { level: 3 })).toHaveText(PROVIDER);

  // The chosen filters show as chips; one removed, the other stays.
  await Promise.all([
    page.waitForURL((url) => !url.search.includes('language=')),
    page.getByRole('link', { name: 'Remove the filter: Occitan', exact: true }).click(),
  ]);
  await expect(page).toHaveURL(/area=FRJ/);
  // Providers of the whole of France are found in Occitanie too.
  await expect(page.getByRole('link', { name: 'La Ruche aux Octets' })).toBeVisible();
  await expect(page.getByRole('link', { name: PROVIDER })).toBeVisible();

  // The provider's page, without its address, with the request form.
  await page.getByRole('link', { name: PROVIDER }).click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PROVIDER);
  await expectAccessible(page);
  expect(await page.content(), 'the address stays private').not.toContain(CONTACT);
  const providerUrl = new URL(page.url()).pathname;

  // A message too short comes back with the reason, what was typed kept.
  const email = uniqueEmail(testInfo, 'association');
  const message = `Our small theatre company (${testInfo.project.name}) would like a training day on free office software for ten volunteers.`;
  await page.getByLabel('Your name').fill('Camille Martin');
  await page.getByLabel('Your e-mail address').fill(email);
  await page.getByLabel('Your association (optional)').fill('Théâtre du Coin (example)');
  await page.getByLabel('Your message').fill('Help!');
  let response = await submit(page, 'Send the request');
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('The message needs at least 20 characters');
  await expect(page.getByLabel('Your name')).toHaveValue('Camille Martin');

  await page.getByLabel('Your message').fill(message);
  response = await submit(page, 'Send the request');
  expect(response.status()).toBe(303);
  await expect(page).toHaveURL(new RegExp(`${providerUrl}$`));
  await expect(page.locator('div.flash[role=status]')).toHaveText(/^Your request was sent to the provider\./);
  await expectAccessible(page);

  // The provider's member finds it in the provider's inbox.
  await login(page, ...MEMBER);
  await visit(page, `${providerUrl}/requests`);
  await expect(page.getByText(message)).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});

test('the region list counts providers by country and region and links to the directory', async ({ page }) => {
  await visit(page, '/fr/directory/regions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Pays et régions de l'annuaire");
  // Belgium's three regions each have a provider; Wallonia one.
  await expect(page.getByRole('link', { name: 'Belgique', exact: true })).toBeVisible();
  await Promise.all([
    page.waitForURL(/\/fr\/directory\?area=BE3$/),
    page.getByRole('link', { name: 'Région wallonne', exact: true }).click(),
  ]);
  await expect(page.getByRole('link', { name: 'Collectif Pissenlit Numérique' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Digitale Dijk vzw' })).toHaveCount(0);
  await expectAccessible(page);
});
