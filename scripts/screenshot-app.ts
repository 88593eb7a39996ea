/**
 * Screenshots of the running app at phone and desktop sizes, and every console message or page
 * error it logs (a visitor must see none):
 *
 *   node scripts/screenshot-app.ts [--base http://127.0.0.1:5173] [--out screenshots] [/path ...]
 *
 * Uses Debian's Chromium through playwright-core (see DEVELOPERS.md for the flags).
 */
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values, positionals } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:5173" },
    out: { type: "string", default: "screenshots" },
    wait: { type: "string", default: "1500" },
  },
  allowPositionals: true,
});
const paths = positionals.length > 0 ? positionals : ["/", "/echoes"];
const sizes = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];

const userDataDir = mkdtempSync(join(tmpdir(), "biodental-shots-"));
mkdirSync(values.out, { recursive: true });
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
let problems = 0;
try {
  for (const size of sizes) {
    const page = await context.newPage();
    await page.setViewportSize({ width: size.width, height: size.height });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") {
        problems++;
        console.log(`  [${size.name}] console.${message.type()}: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => {
      problems++;
      console.log(`  [${size.name}] page error: ${error.message}`);
    });
    for (const path of paths) {
      await page.goto(new URL(path, values.base).toString(), { waitUntil: "networkidle" });
      await page.waitForTimeout(Number(values.wait));
      const file = join(
        values.out,
        `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${size.name}.png`,
      );
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${file}`);
    }
    await page.close();
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(
  problems === 0 ? "no console errors or warnings" : `${problems} console errors/warnings`,
);
process.exitCode = problems === 0 ? 0 : 1;
