import { expect } from "chai";
import type { Browser } from "playwright-core";
import { launchChromium } from "./support/chromium.ts";
import { e2eStack } from "./support/globalStack.ts";
import { type Visitor, openVisitor } from "./support/member.ts";
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, screenshot } from "./support/screenshots.ts";

describe("when a visitor with no wallet opens the app", function () {
  let browser: Browser;
  const visitors: Visitor[] = [];

  before(async function () {
    browser = await launchChromium();
  });

  after(async function () {
    for (const visitor of visitors) await visitor.close();
    await browser?.close();
  });

  for (const [size, viewport] of [
    ["phone", PHONE_VIEWPORT],
    ["desktop", DESKTOP_VIEWPORT],
  ] as const) {
    it(`shows the landing page on a ${size} with no console error`, async function () {
      const visitor = await openVisitor({ browser, label: `visitor-${size}`, viewport });
      visitors.push(visitor);
      const { page } = visitor;
      await page.goto(e2eStack().app);

      await page.getByRole("heading", { level: 1 }).waitFor();
      // What this is, the public gallery, how to connect.
      await page.getByRole("heading", { name: "What this is" }).waitFor();
      await page.getByRole("heading", { name: "Emotional Echoes" }).waitFor();
      await page.getByRole("heading", { name: "How to connect" }).waitFor();
      // The gallery settles to its empty state (a fresh chain has no story) rather than an error.
      await page
        .getByTestId("echoes-empty")
        .or(page.getByTestId("echoes-gallery"))
        .first()
        .waitFor();

      // With no wallet in the browser, the connect dialog says how to get one instead of failing.
      await page.getByRole("button", { name: "Connect a wallet" }).click();
      const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
      await dialog.waitFor();
      await dialog.getByText("No browser wallet found").waitFor();
      await screenshot(page, `landing-connect-dialog-${size}`);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      await screenshot(page, `landing-${size}`);

      await page.goto(`${e2eStack().app}/echoes`);
      await page.getByRole("heading", { level: 1, name: "Emotional Echoes" }).waitFor();
      await page
        .getByTestId("echoes-empty")
        .or(page.getByTestId("echoes-gallery"))
        .first()
        .waitFor();
      await screenshot(page, `echoes-visitor-${size}`);

      expect(await page.getByTestId("status-chain-down").count(), "the chain-down notice").to.equal(
        0,
      );
      visitor.guard.assertClean();
    });
  }
});
