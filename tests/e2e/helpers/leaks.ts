/**
 * Watches a dashboard page for anything that leaves it: popups and new pages, navigations of the page
 * away from the app, requests outside the origin, and dialogs. Used by the tests that click every
 * control that could link out (chart mode bars, links).
 */
import type { Locator, Page } from 'playwright-core';
import { offOrigin, type OpenedPage } from './browser.ts';

export interface LeakWatch {
  /** Everything seen so far, one line each; empty when nothing left the page. */
  leaks(): string[];
}

export function watchLeaks(opened: OpenedPage, appUrl: string, origin: string): LeakWatch {
  const { context, page, requests, dialogs } = opened;
  const events: string[] = [];
  context.on('page', (p) => events.push(`new page ${p.url()}`));
  page.on('popup', (p) => events.push(`popup ${p.url()}`));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && !f.url().startsWith(appUrl)) events.push(`navigated to ${f.url()}`);
  });
  return {
    leaks: () => [
      ...events,
      ...offOrigin(requests, origin).map((u) => `request ${u}`),
      ...dialogs.map((d) => `dialog ${d}`),
      ...(page.url().startsWith(appUrl) ? [] : [`page is at ${page.url()}`]),
    ],
  };
}

/** Controls a click can act on: buttons, links with an address, and Plotly's mode-bar anchors. */
const CONTROLS = 'button, a[href], [role="button"], .modebar-btn';

/** Marks every control now in the page, so the ones a click reveals (a dialog's buttons) can be told apart. */
async function markSeen(page: Page): Promise<void> {
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => e.setAttribute('data-leak-seen', '')), CONTROLS);
}

function revealed(page: Page): Locator {
  return page
    .locator(
      CONTROLS.split(', ')
        .map((s) => `${s}:not([data-leak-seen])`)
        .join(', '),
    )
    .filter({ visible: true });
}

/**
 * Clicks the control `find` locates, then every control that click revealed (e.g. the confirm and
 * cancel buttons of a dialog it opened), clicking the first control again before each of them, since the
 * previous one may have closed what it opened. A revealed control that is gone by then is skipped.
 */
export async function clickWithRevealed(page: Page, find: () => Locator, hover?: Locator): Promise<void> {
  const open = async () => {
    if (hover) await hover.hover({ timeout: 5_000 });
    await find().click({ timeout: 5_000 });
    await page.waitForTimeout(150);
  };
  await markSeen(page);
  await open();
  const n = await revealed(page).count();
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      await markSeen(page);
      await open().catch(() => undefined);
    }
    const controls = revealed(page);
    if ((await controls.count()) > i)
      await controls
        .nth(i)
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    await page.waitForTimeout(300);
  }
}
