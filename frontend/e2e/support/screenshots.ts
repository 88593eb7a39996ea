import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/** Git-ignored; one folder per suite, files numbered in journey order. */
export const SCREENSHOTS_DIR = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)), process.env.E2E_SCREENSHOTS_DIR ?? "screenshots/e2e");

export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 } as const;

let counter = 0;

/**
 * Saves a full-page screenshot as `screenshots/e2e/NN-name.png` after fonts and images settled.
 *
 * @example
 * await screenshot(page, "landing-phone")
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  // A run's pictures only: the previous run's would mix with them.
  if (counter === 0) rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  counter += 1;
  const file = path.join(SCREENSHOTS_DIR, `${String(counter).padStart(2, "0")}-${name}.png`);
  // Event-driven: fonts loaded and every <img> decoded, so the picture shows what a user sees.
  await page.evaluate(async () => {
    await document.fonts.ready;
    const pending = [...document.images].filter((image) => !image.complete && image.loading !== "lazy");
    // A bound, not a sleep: a broken image must not hang the screenshot.
    const bound = new Promise((resolve) => setTimeout(resolve, 3_000));
    await Promise.race([Promise.all(pending.map((image) => image.decode().catch(() => undefined))), bound]);
  });
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  return file;
}
