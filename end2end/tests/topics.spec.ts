import { expect, test } from '@playwright/test';
import { expectAccessible, login, submit, visit } from './helpers';

// A partner's SKOS scheme; its concepts are named after the project so that
// the runs of both projects (with and without JavaScript) do not meet.
function scheme(project: string): string {
  const ex = `http://vocab.example.org/${project}-${Date.now()}/`;
  return `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<${ex}scheme> a skos:ConceptScheme ; skos:hasTopConcept <${ex}commons> .
<${ex}commons> a skos:Concept ; skos:prefLabel "Communs ${project}"@fr, "Commons ${project}"@en ;
  skos:narrower <${ex}wikis> .
<${ex}wikis> a skos:Concept ; skos:prefLabel "Wikis ${project}"@fr, "Wikis ${project}"@en ;
  skos:definition "Des sites que leurs lecteurs écrivent."@fr .
`;
}

test('an administrator imports a partner\'s SKOS scheme and is told what was wrong with a broken one', async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  await login(page, 'admin@example.org', 'demo-admin-password');
  await visit(page, '/en/library/topics');
  const section = page.getByRole('region', { name: "Import a partner's topics (SKOS)" });
  await expect(section).toBeVisible();

  await section.getByLabel('SKOS file').setInputFiles({
    name: 'commons.ttl',
    mimeType: 'text/turtle',
    buffer: Buffer.from(scheme(project)),
  });
  const response = await submit(page, 'Import the topics');
  expect(response.status()).toBe(200);
  await expect(page.getByRole('status')).toContainText('2 added, 0 updated, 0 unchanged');
  // The new topics sit in the tree, one under the other.
  const commons = page.getByRole('listitem').filter({ hasText: `Commons ${project}` });
  await expect(commons.getByRole('link', { name: `Wikis ${project}`, exact: true })).toBeVisible();
  await expectAccessible(page);

  // A label in a language the site does not serve: named, nothing kept.
  const broken = `${scheme(project)}<http://x.example/a> a skos:Concept ; skos:prefLabel "A"@es .\n`;
  await page.getByLabel('SKOS file').setInputFiles({ name: 'broken.ttl', mimeType: 'text/turtle', buffer: Buffer.from(broken) });
  const refused = await submit(page, 'Import the topics');
  expect(refused.status()).toBe(422);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The file was not imported; nothing was changed.');
  await expect(alert).toContainText('http://x.example/a');
  await expect(alert).toContainText("not one of this site's languages");
  await expect(page.getByRole('link', { name: /^A$/ })).toHaveCount(0);
  await expectAccessible(page);
});
