// What a reader does on a Redoc 3 page, in terms of its DOM: expand the sidebar's tag groups, read
// the operations listed, open one and find its request sample panel. Redoc marks its components
// with data-component-name, which is steadier than its generated class names.
import type { Locator, Page } from 'playwright-core';
import type { Operation } from '../../scripts/bundled-spec.js';

const menuItem = '[data-component-name="Menu/MenuItem"]';
const operationLabels = `${menuItem}.menu-item-type-operation [data-text]`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);
const group = (page: Page, tag: string) =>
  page
    .locator(`${menuItem}.menu-item-type-group`)
    .filter({ has: page.locator(':scope > a [data-text]').filter({ hasText: exactly(tag) }) });

export async function waitForRedoc(page: Page): Promise<void> {
  await page.locator(menuItem).first().waitFor();
}

/**
 * Waits until no sidebar group has been opening or closing for a while. Redoc animates a group's
 * height through an inline `transition` style (about 300 ms), starting a frame or two after the
 * click, and a group mid-close still shows items that are about to vanish.
 */
async function sidebarSettled(page: Page): Promise<void> {
  const calmFor = 400;
  await page.waitForFunction(
    ({ selector, calmFor, token }) => {
      const state = window as unknown as Record<string, number | undefined>;
      if (document.querySelector(`${selector} > div[style*="transition"]`)) state[token] = undefined;
      else state[token] ??= performance.now();
      return state[token] !== undefined && performance.now() - state[token]! >= calmFor;
    },
    { selector: menuItem, calmFor, token: `sidebarCalmSince${Math.random()}` },
    { polling: 50 },
  );
}

/**
 * Opens a tag group unless it is open already; Redoc renders a group's items only when open, and
 * opening one group closes the one opened before.
 */
async function expandGroup(page: Page, tag: string): Promise<Locator> {
  const item = group(page, tag);
  const firstOperation = item.locator(operationLabels).first();
  await sidebarSettled(page);
  if (!(await firstOperation.isVisible())) {
    await item.locator(':scope > a').click();
    await sidebarSettled(page);
  }
  await firstOperation.waitFor();
  return item;
}

/** The labels of every operation in the sidebar, group by group, as a reader sees them. */
export async function sidebarOperations(page: Page): Promise<string[]> {
  const labels = await page
    .locator(operationLabels)
    .evaluateAll((els) => els.filter((el) => !el.closest('.menu-item-type-group')).map((el) => el.textContent ?? ''));
  const tags = await page.locator(`${menuItem}.menu-item-type-group > a [data-text]`).allTextContents();
  for (const tag of tags) labels.push(...(await (await expandGroup(page, tag)).locator(operationLabels).allTextContents()));
  return labels;
}

/** Clicks the operation in the sidebar and returns the panel with its request sample. */
export async function openOperation(page: Page, operation: Operation): Promise<Locator> {
  const scope = operation.tag ? await expandGroup(page, operation.tag) : page;
  await scope.locator(operationLabels).filter({ hasText: exactly(operation.summary) }).click();
  const header = page
    .locator('[data-component-name="Panel/PanelHeader"]')
    .filter({ has: page.getByText(operation.path, { exact: true }) })
    .filter({ has: page.locator('[data-component-name="Tag/Tag"]', { hasText: operation.method }) });
  // Redoc may keep a neighbouring operation's panel in the DOM, hidden: only a visible one counts.
  const panel = page.locator('[data-component-name="Panel/Panel"]').filter({ has: header }).filter({ visible: true }).first();
  await panel.waitFor();
  return panel;
}

/**
 * The request sample's text as rendered. Redoc fills the panel in steps (header, then body, then
 * its layout), so callers poll this until it shows what they expect.
 */
export function sampleText(panel: Locator): Promise<string> {
  return panel.locator('[data-component-name="Panel/PanelBody"]').innerText();
}
