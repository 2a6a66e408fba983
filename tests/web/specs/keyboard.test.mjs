// SPDX-License-Identifier: Apache-2.0
// Keyboard-only use of the search page: Tab to the query box, type, Enter, Tab to a result,
// Enter opens the profile. Focus must be visible on every stop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertNoProblems, launch } from '../harness.mjs';

let session;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.close();
});

async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      cls: el.className,
      href: el.getAttribute('href'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

// Presses Tab until `match(focused)` holds; fails after `limit` presses.
async function tabTo(page, match, limit) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.ok(f.outline, `focus is visible on ${f.tag}#${f.id}.${f.cls}`);
    if (match(f)) return i;
  }
  assert.fail(`not reached in ${limit} Tab presses`);
}

test('search and open a profile with the keyboard only', async () => {
  const { page } = session;
  await page.goto('/');
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.equal(f.cls, 'skip-link', 'the first Tab stop is the skip link');
  const presses = await tabTo(page, (x) => x.id === 'q', 10);
  assert.ok(presses <= 8, 'the query box comes right after the navigation');
  await page.keyboard.type('privacy');
  await Promise.all([page.waitForURL(/q=privacy/), page.keyboard.press('Enter')]);
  await tabTo(page, (x) => x.cls === 'result-link', 40);
  f = await focused(page);
  await Promise.all([page.waitForURL(/\/speakers\//), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).pathname, f.href);
  assert.ok(await page.locator('h1#profile-name').isVisible());

  // The skip link moves focus past the header.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main');
  assertNoProblems(session);
});
