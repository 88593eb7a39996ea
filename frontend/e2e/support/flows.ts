/**
 * The member app's flows as a person drives them: by accessible names and the test ids the app
 * gives its live regions. Shared by the end-to-end journeys and `npm run bench:app`.
 */
import type { Locator, Page } from "playwright-core";
import { TEST_WALLET_INFO } from "./testWallet.ts";

/** Long enough for a loaded CI machine; every wait ends as soon as its event happens. */
export const STEP_TIMEOUT_MS = 60_000;

const sameAddress = (a: string | null | undefined, b: string): boolean =>
  !!a && a.toLowerCase() === b.toLowerCase();

/** Goes to an app page through the main navigation, without a reload (the unlocked key lives in the tab). */
export async function navigateTo(
  page: Page,
  item: "home" | "records" | "mint" | "shared" | "echoes",
): Promise<void> {
  await page.getByTestId(`nav-${item}`).click();
}

/**
 * Connects the injected EIP-6963 test wallet from the landing page's call to action (or the
 * header's button elsewhere), and waits until the app shows `address` as the connected account.
 *
 * @example
 * await connectWallet(page, "0x9965…")
 */
export async function connectWallet(page: Page, address: string): Promise<void> {
  const chip = page.getByTestId("account-button");
  if (
    sameAddress(await chip.getAttribute("data-address", { timeout: 1 }).catch(() => null), address)
  )
    return;
  // The landing page's call to action, or on any other page the header's button.
  const cta = page.getByTestId("cta-connect");
  await cta.or(page.getByTestId("connect-button")).first().click();
  const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
  try {
    await dialog.getByRole("button", { name: TEST_WALLET_INFO.name }).click();
  } catch (error) {
    // Say what the member saw instead: no wallet discovered, a disabled button, an error.
    const seen = await dialog.innerText({ timeout: 1_000 }).catch(() => "(no dialog)");
    throw new Error(
      `the connect dialog offered no usable "${TEST_WALLET_INFO.name}"; it showed:\n${seen}`,
      { cause: error },
    );
  }
  await dialog.waitFor({ state: "hidden", timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector("[data-testid=account-button]")
        ?.getAttribute("data-address")
        ?.toLowerCase() === expected,
    address.toLowerCase(),
    { timeout: STEP_TIMEOUT_MS },
  );
}

/**
 * Onboarding from the member summary on the home page: first time, one signature derives the key
 * and one transaction registers it; a member whose key is already registered signs once to
 * unlock it instead. Ends on "Your key is ready".
 */
export async function registerEncryptionKey(page: Page): Promise<"registered" | "unlocked"> {
  await navigateTo(page, "home");
  const summaryKey = page.getByTestId("summary-key");
  await summaryKey.filter({ hasNotText: "…" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const firstTime = (await summaryKey.innerText()).includes("Not set up");
  if (firstTime) await page.getByTestId("cta-onboarding").click();
  else await page.goto(new URL("/onboarding", page.url()).href);
  await page.getByRole("heading", { level: 1, name: "Your encryption key" }).waitFor();
  if (firstTime) {
    await page
      .getByTestId("key-setup")
      .getByRole("button", { name: "Sign to create my key" })
      .click();
  } else {
    await page
      .getByTestId("key-registered")
      .getByRole("button", { name: "Sign to unlock" })
      .click();
  }
  await page.getByTestId("key-ready").waitFor({ timeout: STEP_TIMEOUT_MS });
  return firstTime ? "registered" : "unlocked";
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
  /** YYYY-MM-DD; the form's default (today) otherwise. */
  visitDate?: string | undefined;
  /** A finding on the FDI chart: tooth 16, filled. */
  tooth?: boolean | undefined;
  /** One oral-biome reading. */
  biome?: { taxon: string; percent: string } | undefined;
  /** 1 (very low) … 5 (very good). */
  mood?: number | undefined;
  journal?: string | undefined;
  story?: string | undefined;
  attachments?: FormAttachment[] | undefined;
};

/**
 * Fills the new-record form (tooth chart, biome reading, mood, journal, story, attachments) on
 * the open mint page and mints. `elapsedMs` runs from the click on the mint button to the minted
 * token on screen: the encrypt → pin → mint time a member waits, without their typing.
 */
export async function mintRecordThroughForm(
  page: Page,
  parameters: MintRecordThroughFormParameters,
): Promise<{ tokenId: string; elapsedMs: number }> {
  const form = page.getByTestId("record-form");
  const locked = page.getByTestId("key-locked");
  await form.or(locked).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await unlockKeyIfAsked(page);
  await form.waitFor({ timeout: STEP_TIMEOUT_MS });
  if (parameters.visitDate) await form.getByLabel("Visit date").fill(parameters.visitDate);
  await form.getByLabel("Practitioner").fill(parameters.practitioner);
  if (parameters.clinic) await form.getByLabel("Clinic (optional)").fill(parameters.clinic);
  if (parameters.tooth) {
    await form.getByTestId("tooth-16").click();
    await form.getByTestId("tooth-editor").getByLabel("Finding").selectOption("filled");
  }
  if (parameters.biome) {
    await form.getByTestId("add-biome").click();
    await form.getByTestId("biome-taxon-0").fill(parameters.biome.taxon);
    await form.getByTestId("biome-percent-0").fill(parameters.biome.percent);
  }
  if (parameters.mood) await form.getByTestId(`mood-${parameters.mood}`).check();
  if (parameters.journal)
    await form.getByLabel("Emotional-wellness journal").fill(parameters.journal);
  if (parameters.story) await form.getByLabel("Notes and story").fill(parameters.story);
  if (parameters.attachments?.length) {
    await form.getByTestId("attachment-input").setInputFiles(parameters.attachments);
    for (const file of parameters.attachments)
      await form.getByRole("list", { name: "Attached files" }).getByText(file.name).waitFor();
  }
  const submit = form.getByTestId("record-submit");
  const started = performance.now();
  await submit.click();
  const done = page.getByTestId("mint-done");
  const failed = page.getByTestId("mint-progress").getByRole("alert");
  // Done means the token on screen with its on-chain art, not only the transaction confirmed.
  const art = done.getByRole("img", { name: /^Art of / });
  await art.or(failed).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const elapsedMs = performance.now() - started;
  if (!(await done.isVisible())) throw new Error(`the mint failed: ${await failed.innerText()}`);
  const tokenId = (await done.getAttribute("data-token-id")) ?? "";
  return { tokenId, elapsedMs };
}

/**
 * On a record page, waits until the record is decrypted in the browser (signing to unlock the
 * key first if the page asks), or until the page says why it cannot be read.
 */
export async function waitForRecordOutcome(page: Page): Promise<"decrypted" | "error"> {
  const decrypted = page.getByTestId("record-decrypted");
  const failed = page.getByTestId("record-read-error");
  const locked = page.getByTestId("key-locked");
  await decrypted.or(failed).or(locked).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  if (await locked.isVisible()) {
    await unlockKeyIfAsked(page);
    await decrypted.or(failed).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  return (await decrypted.isVisible()) ? "decrypted" : "error";
}

/** Downloads an attachment from the open record page; resolves with its decrypted bytes. */
export async function downloadAttachment(page: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: STEP_TIMEOUT_MS }),
    page.getByTestId(`download-${name}`).click(),
  ]);
  expectNoDownloadFailure(await download.failure());
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function expectNoDownloadFailure(failure: string | null): void {
  if (failure) throw new Error(`the download failed: ${failure}`);
}

/** From the record's Access tab: grants READ to `grantee` for a day and waits for it to be listed. */
export async function grantRead(page: Page, grantee: string): Promise<void> {
  await page.getByTestId("tab-access").click();
  const form = page.getByTestId("grant-form");
  await form.or(page.getByTestId("key-locked")).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await unlockKeyIfAsked(page);
  await form.getByLabel("Their wallet address").fill(grantee);
  await form.getByLabel("Read the record (decrypt it)").check();
  await form.getByLabel("1 day").check();
  await form.getByRole("button", { name: "Share" }).click();
  await form
    .getByTestId("grant-done")
    .or(form.getByRole("alert"))
    .first()
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  const failure = form.getByRole("alert");
  if (await failure.isVisible()) throw new Error(`the grant failed: ${await failure.innerText()}`);
  await page
    .locator(`[data-testid=grant-active][data-grantee="${grantee}" i]`)
    .waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** From the Access tab: revokes `grantee`; resolves with the confirmation the app shows. */
export async function revokeAccess(page: Page, grantee: string): Promise<string> {
  const row = page.locator(`[data-testid=grant-active][data-grantee="${grantee}" i]`);
  await row.getByRole("button", { name: /^Revoke/ }).click();
  const progress = page.getByTestId("revoke-progress");
  const done = progress.getByTestId("revoke-done");
  await done.or(progress.getByRole("alert")).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  if (!(await done.isVisible()))
    throw new Error(`the revoke failed: ${await progress.getByRole("alert").innerText()}`);
  return done.innerText();
}

/**
 * From the record page: reads the warning, types the record's label to confirm and erases it.
 * Resolves with the warning text the member was shown.
 */
export async function burnRecord(page: Page): Promise<string> {
  const panel = page.getByTestId("burn-panel");
  await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
  const warning = await panel.locator(".notice").innerText();
  const label = (await page.getByTestId("record-title").innerText()).trim();
  const erase = panel.getByRole("button", { name: "Erase forever" });
  if (await erase.isEnabled())
    throw new Error("the erase button is enabled before the member confirmed");
  await panel.getByLabel(/to confirm/).fill(label);
  await erase.click();
  // The page then says the record is erased: the burn's own confirmation, or (once the chain
  // reads refresh and the token is gone) the record page's "erased" notice.
  const erased = page.getByTestId("burn-done").or(page.getByTestId("record-missing"));
  await erased.or(panel.getByRole("alert")).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  if (!(await erased.first().isVisible()))
    throw new Error(`the burn failed: ${await panel.getByRole("alert").innerText()}`);
  return warning;
}

/**
 * From the record's "Public story" tab: writes a title and a story and publishes them to
 * Emotional Echoes (the owner's consent); waits until the consent panel says "Public".
 */
export async function publishStory(
  page: Page,
  { title, text }: { title: string; text: string },
): Promise<void> {
  await page.getByTestId("tab-public-story").click();
  const form = page.getByTestId("story-form");
  await form.waitFor({ timeout: STEP_TIMEOUT_MS });
  await form.getByLabel(/^Title/).fill(title);
  await form.getByLabel("Your story").fill(text);
  await form.getByRole("button", { name: "Publish to Emotional Echoes" }).click();
  const published = form.getByTestId("story-published");
  await published.or(form.getByRole("alert")).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  if (!(await published.isVisible()))
    throw new Error(`publishing failed: ${await form.getByRole("alert").innerText()}`);
  await page
    .getByTestId("consent-state")
    .filter({ hasText: "Public" })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  if (!(await page.getByRole("switch", { name: "Show my story publicly" }).isChecked()))
    throw new Error("the consent switch is off after publishing");
}
