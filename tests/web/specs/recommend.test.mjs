// SPDX-License-Identifier: Apache-2.0
// The recommend page: paste an event description, choose a size, get that many speakers with
// their evidence as reasons, labelled as a topic match.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertNoProblems, launch, screenshots } from '../harness.mjs';

let session;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.close();
});

test('a pasted description gives the chosen number of speakers with reasons', async () => {
  const { page } = session;
  await page.goto('/recommend');
  await page.getByLabel('Event description').fill(
    'A one-day meetup for small teams running machine learning in production: MLOps, model ' +
    'monitoring, feature stores and Kubernetes. AND we want "practical" talks!');
  await page.getByLabel('Number of speakers').selectOption('3');
  await Promise.all([page.waitForLoadState('load'),
    page.getByRole('button', { name: 'Recommend speakers' }).click()]);
  await page.getByRole('heading', { name: 'Suggested speakers' }).waitFor();
  const cards = page.locator('.recommendations .speaker-card');
  assert.equal(await cards.count(), 3);
  assert.match(await page.locator('.recommendations .notice').textContent(), /Topic match/);
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i);
    assert.equal(await card.locator('.evidence-heading').textContent(),
      'Why: matching talks and bio passages');
    assert.ok(await card.locator('.evidence-item').count() >= 1, 'each speaker has a reason');
  }
  assert.ok(await page.locator('.recommendations mark').count() > 0);
  // The form keeps what was submitted.
  assert.match(await page.getByLabel('Event description').inputValue(), /feature stores/);
  assert.equal(await page.getByLabel('Number of speakers').inputValue(), '3');
  await screenshots(session, 'recommend');

  // A description without words says so instead of showing nothing.
  await page.goto('/recommend?text=' + encodeURIComponent('!!! ??? ...'));
  assert.match(await page.locator('.recommendations').textContent(), /no words to match on/);
  assertNoProblems(session);
});
