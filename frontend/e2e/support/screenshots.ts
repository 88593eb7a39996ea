import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Git-ignored; files numbered in journey order. */
export const SCREENSHOTS_DIR = path.resolve(
  ROOT,
  process.env.E2E_SCREENSHOTS_DIR ?? "screenshots/e2e",
);

export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 } as const;

const counters = new Map<string, number>();

/**
 * Saves a whole-page screenshot as `<dir>/NN-name.png` once fonts and images have settled. The
 * first picture of a run empties the folder, so it only ever holds one run's pictures.
 *
 * @example
 * await screenshot(page, "landing-phone")
 */
export async function screenshot(
  page: Page,
  name: string,
  { dir = SCREENSHOTS_DIR }: { dir?: string } = {},
): Promise<string> {
  const counter = (counters.get(dir) ?? 0) + 1;
  if (counter === 1) rmSync(dir, { recursive: true, force: true });
  counters.set(dir, counter);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(counter).padStart(2, "0")}-${name}.png`);
  await page.evaluate(async () => {
    // From the top: a full-page capture draws sticky and fixed bars where the viewport was.
    window.scrollTo(0, 0);
    await document.fonts.ready;
    const pending = [...document.images].filter(
      (image) => !image.complete && image.loading !== "lazy",
    );
    // A bound, not a sleep: a broken image must not hang the screenshot.
    const bound = new Promise((resolve) => setTimeout(resolve, 3_000));
    await Promise.race([
      Promise.all(pending.map((image) => image.decode().catch(() => undefined))),
      bound,
    ]);
  });
  // A viewport as tall as the page rather than `fullPage`: Chromium's full-page capture draws the
  // fixed bottom tab bar where the phone's screen ended, over the middle of the content.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(document.documentElement.scrollHeight, document.body.scrollHeight),
  );
  if (viewport && height > viewport.height)
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  try {
    // CSS pixels: a phone page is several screens tall, and device pixels make it a slow capture.
    await page.screenshot({ path: file, animations: "disabled", scale: "css", timeout: 90_000 });
  } finally {
    if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  }
  return file;
}
