/**
 * The member app's flows as a person drives them: by accessible names and the test ids the app
 * gives its live regions. Shared by the end-to-end journeys and `npm run bench:app`.
 */
import type { Locator, Page } from "playwright-core";
import { TEST_WALLET_INFO } from "./testWallet.ts";

/** Long enough for a loaded CI machine; every wait ends as soon as its event happens. */
export const STEP_TIMEOUT_MS = 60_000;

const sameAddress = (a: string | null | undefined, b: string): boolean => !!a && a.toLowerCase() === b.toLowerCase();

/** Goes to an app page through the main navigation, without a reload (the unlocked key lives in the tab). */
export async function navigateTo(page: Page, item: "home" | "records" | "mint" | "shared" | "echoes"): Promise<void> {
  await page.getByTestId(`nav-${item}`).click();
}

/**
 * Connects the injected EIP-6963 test wallet from the landing page's call to action, and waits
 * until the app shows `address` as the connected account.
 *
 * @example
 * await connectWallet(page, "0x9965…")
 */
export async function connectWallet(page: Page, address: string): Promise<void> {
  const chip = page.getByTestId("account-button");
  if (sameAddress(await chip.getAttribute("data-address", { timeout: 1 }).catch(() => null), address)) return;
  await page.getByTestId("cta-connect").click();
  const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
  await dialog.getByRole("button", { name: TEST_WALLET_INFO.name }).click();
  await dialog.waitFor({ state: "hidden", timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(
    (expected) => document.querySelector("[data-testid=account-button]")?.getAttribute("data-address")?.toLowerCase() === expected,
    address.toLowerCase(),
    { timeout: STEP_TIMEOUT_MS },
  );
}

/**
 * First-time onboarding: one signature derives the key, one transaction registers it. Ends on
 * "Your key is ready".
 */
export async function registerEncryptionKey(page: Page): Promise<void> {
  await navigateTo(page, "home");
  await page.getByTestId("cta-onboarding").click();
  await page.getByRole("heading", { level: 1, name: "Your encryption key" }).waitFor();
  const setup = page.getByTestId("key-setup");
  await setup.getByRole("button", { name: "Sign to create my key" }).click();
  await page.getByTestId("key-ready").waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** When a page asks to unlock the key (after a reload), signs once; otherwise does nothing. */
export async function unlockKeyIfAsked(page: Page, within: Locator | Page = page): Promise<void> {
  const locked = within.getByTestId("key-locked");
  if (await locked.isVisible()) {
    await locked.getByRole("button", { name: "Sign to unlock" }).click();
    await locked.waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  }
}

export type FormAttachment = { name: string; mimeType: string; buffer: Buffer };

export type MintRecordThroughFormParameters = {
  practitioner: string;
  clinic?: string | undefined;
  visitDate?: string | undefined;
  notes?: string | undefined;
  attachments?: FormAttachment[] | undefined;
};

/**
 * Fills the new-record form (tooth chart, biome reading, mood, notes, attachments) and mints.
 * `elapsedMs` runs from the click on the mint button to the minted token on screen: the
 * encrypt → pin → mint time a member waits, without their typing.
 */
export async function mintRecordThroughForm(page: Page, parameters: MintRecordThroughFormParameters): Promise<{ tokenId: string; elapsedMs: number }> {
  const form = page.getByTestId("mint-form");
  await form.waitFor({ timeout: STEP_TIMEOUT_MS });
  if (parameters.visitDate) await form.getByLabel("Visit date").fill(parameters.visitDate);
  await form.getByLabel("Practitioner", { exact: false }).first().fill(parameters.practitioner);
  if (parameters.clinic) await form.getByLabel("Clinic").fill(parameters.clinic);
  // The FDI tooth chart: tooth 16 gets a finding.
  await form.getByRole("button", { name: /tooth 16/i }).click();
  if (parameters.notes) await form.getByLabel("Notes").fill(parameters.notes);
  if (parameters.attachments?.length) await form.locator("input[type=file]").setInputFiles(parameters.attachments);
  const submit = form.getByTestId("mint-submit");
  const started = performance.now();
  await submit.click();
  const done = page.getByTestId("mint-done");
  await done.waitFor({ timeout: STEP_TIMEOUT_MS });
  const elapsedMs = performance.now() - started;
  const tokenId = (await done.getAttribute("data-token-id")) ?? "";
  return { tokenId, elapsedMs };
}
