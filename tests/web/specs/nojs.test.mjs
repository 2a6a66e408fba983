// SPDX-License-Identifier: Apache-2.0
// With JavaScript disabled, search, filters and profiles still work: plain HTML and GET forms.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launch, screenshots } from '../harness.mjs';

let session;
before(async () => {
  session = await launch({ javaScriptEnabled: false });
});
after(async () => {
  await session?.close();
});

test('the search page lists results and filters without JavaScript', async () => {
  const { page } = session;
  await page.goto('/');
  await page.getByLabel('Search by topic, name or talk').fill('privacy');
  await Promise.all([page.waitForURL(/q=privacy/), page.getByRole('button', { name: 'Search' }).click()]);
  const links = page.locator('.result-link');
  assert.ok(await links.count() > 1, 'results are listed');
  assert.equal(await page.locator('.shortlist-toggle').first().isVisible(), false,
    'the shortlist buttons need JavaScript and stay hidden');
  await screenshots(session, 'search-nojs');

  // Facets: tick a box and use the Apply button.
  const apply = page.getByRole('button', { name: 'Apply filters' });
  assert.ok(await apply.isVisible());
  await page.locator('.facet-form').getByRole('checkbox', { name: /^English/ }).check();
  await Promise.all([page.waitForURL(/lang=en/), apply.click()]);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'privacy');
  assert.ok(await page.locator('.result-link').count() > 0);

  // A profile.
  const first = page.locator('.result-link').first();
  const name = (await first.textContent()).trim();
  await Promise.all([page.waitForURL(/\/speakers\//), first.click()]);
  assert.equal((await page.locator('h1').textContent()).trim(), name);
  assert.ok(await page.locator('.talk').count() > 0);

  // The shortlist page explains itself instead of staying blank.
  await page.goto('/shortlist');
  assert.match(await page.locator('main').textContent(), /needs JavaScript/);
});
