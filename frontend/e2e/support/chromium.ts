import { type Browser, type LaunchOptions, chromium } from "playwright-core";

/** Debian's Chromium: the project never downloads a browser (see DEVELOPERS.md). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Without the background-networking flags Chromium floods the closed network with refused
 * connections (updates, sync, QUIC probes). `--headless` is added by Playwright itself, and so
 * is a fresh temporary `--user-data-dir` for every launch (Playwright refuses one in `args`).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export type LaunchChromiumParameters = Pick<LaunchOptions, "slowMo"> & {
  headless?: boolean | undefined;
};

/**
 * Launches Debian's Chromium through playwright-core with the project's flags and a fresh profile.
 *
 * @example
 * const browser = await launchChromium()
 * try { const page = await browser.newPage() } finally { await browser.close() }
 */
export async function launchChromium({
  headless = process.env.E2E_HEADED !== "1",
  slowMo,
}: LaunchChromiumParameters = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    slowMo,
    args: [...CHROMIUM_ARGS],
  });
}
