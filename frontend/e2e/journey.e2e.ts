import { expect } from "chai";
import type { Browser } from "playwright-core";
import { type NodeAccount, freshMemberAccounts } from "./support/accounts.ts";
import { launchChromium } from "./support/chromium.ts";
import { makePngAttachment } from "./support/files.ts";
import {
  STEP_TIMEOUT_MS,
  burnRecord,
  connectWallet,
  downloadAttachment,
  grantRead,
  mintRecordThroughForm,
  navigateTo,
  publishStory,
  registerEncryptionKey,
  revokeAccess,
  waitForRecordOutcome,
} from "./support/flows.ts";
import { e2eStack } from "./support/globalStack.ts";
import { type Visitor, openVisitor } from "./support/member.ts";
import { DESKTOP_VIEWPORT, screenshot } from "./support/screenshots.ts";

/** Runs one named step and prints its time, so a slow or failing step is obvious in the log. */
async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await action();
    console.log(`      ✓ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    console.log(`      ✗ ${name}`);
    if (error instanceof Error) error.message = `${name}: ${error.message}`;
    throw error;
  }
}

describe("when two members share a record", function () {
  let browser: Browser;
  let owner: Visitor;
  let reader: Visitor;
  let visitor: Visitor;

  before(async function () {
    const stack = e2eStack();
    const [ownerAccount, readerAccount] = await freshMemberAccounts({
      rpcUrl: stack.urls.rpc,
      contract: stack.addresses.bioDental,
      count: 2,
    });
    browser = await launchChromium();
    const wallet = (account: NodeAccount) => ({
      rpcUrl: stack.urls.rpc,
      chainId: stack.chainId,
      accountIndex: account.index,
      address: account.address,
    });
    owner = await openVisitor({
      browser,
      label: "owner",
      wallet: wallet(ownerAccount as NodeAccount),
    });
    reader = await openVisitor({
      browser,
      label: "reader",
      wallet: wallet(readerAccount as NodeAccount),
      viewport: DESKTOP_VIEWPORT,
    });
    visitor = await openVisitor({ browser, label: "visitor" });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== "failed") return;
    for (const person of [owner, reader, visitor]) {
      if (!person) continue;
      if (!person.page.isClosed())
        await screenshot(person.page, `FAILED-${person.label}`).catch(() => undefined);
      for (const dip of person.healthDips)
        console.log(
          `      [${person.label}] /__health reported a service down at ${dip.at}: ${dip.body}`,
        );
    }
  });

  after(async function () {
    await owner?.close();
    await reader?.close();
    await visitor?.close();
    await browser?.close();
  });

  it("mints with an attachment, shares it, revokes, publishes a story and burns it", async function () {
    const app = e2eStack().app;
    const ownerPage = owner.page;
    const readerPage = reader.page;
    const ownerAddress = owner.address as string;
    const readerAddress = reader.address as string;
    const xray = makePngAttachment();
    const storyText = "Thanks to the Smilencer booth I finally floss every day.";

    // The reader onboards in their own browser while the owner mints: people do not take turns.
    const readerOnboarded = step(
      "reader connects and registers a key (meanwhile, in their browser)",
      async () => {
        await readerPage.goto(app);
        await connectWallet(readerPage, readerAddress);
        expect(await registerEncryptionKey(readerPage)).to.equal("registered");
      },
    );
    // Awaited before the grant; this only keeps an early failure from being reported as unhandled.
    readerOnboarded.catch(() => undefined);

    await step("owner connects the EIP-6963 test wallet", async () => {
      await ownerPage.goto(app);
      await connectWallet(ownerPage, ownerAddress);
      await screenshot(ownerPage, "owner-connected-phone");
    });

    await step("owner registers the encryption key", async () => {
      expect(await registerEncryptionKey(ownerPage)).to.equal("registered");
      await screenshot(ownerPage, "owner-key-ready-phone");
    });

    const tokenId = await step("owner mints a record with a PNG attachment", async () => {
      await ownerPage.getByTestId("goto-mint").click();
      await ownerPage.getByTestId("record-form").waitFor();
      await screenshot(ownerPage, "mint-form-phone");
      const minted = await mintRecordThroughForm(ownerPage, {
        practitioner: "Dr. Liora Voss",
        clinic: "Smilencer Clinic",
        tooth: true,
        biome: { taxon: "Streptococcus salivarius", percent: "21" },
        mood: 4,
        journal: "Calmer before the visit.",
        story: "Routine check-up at the festival booth.",
        attachments: [xray],
      });
      expect(minted.tokenId).to.match(/^\d+$/);
      await screenshot(ownerPage, "minted-phone");
      return minted.tokenId;
    });

    await step("owner views the record decrypted and downloads the attachment", async () => {
      await ownerPage.getByTestId("view-minted").click();
      expect(await waitForRecordOutcome(ownerPage)).to.equal("decrypted");
      expect(await ownerPage.getByTestId("record-practitioner").innerText()).to.contain(
        "Dr. Liora Voss",
      );
      expect(await ownerPage.getByTestId("record-story").innerText()).to.contain(
        "Routine check-up",
      );
      await ownerPage.getByTestId("attachment-item").filter({ hasText: xray.name }).waitFor();
      const downloaded = await downloadAttachment(ownerPage, xray.name);
      expect(
        downloaded.equals(xray.buffer),
        "the downloaded attachment is the PNG that was attached",
      ).to.equal(true);
      await screenshot(ownerPage, "record-decrypted-phone");
    });

    await readerOnboarded;

    await step("owner grants READ to the reader", async () => {
      await grantRead(ownerPage, readerAddress);
      await ownerPage.getByTestId("grant-done").waitFor({ timeout: STEP_TIMEOUT_MS });
      await screenshot(ownerPage, "access-granted-phone");
    });

    await step("reader reads it under Shared with me", async () => {
      await navigateTo(readerPage, "shared");
      await readerPage.getByRole("heading", { level: 1, name: "Shared with me" }).waitFor();
      const shared = readerPage.locator(`[data-testid=shared-item][data-token-id="${tokenId}"]`);
      await shared.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await shared.getAttribute("data-status")).to.equal("active");
      await screenshot(readerPage, "shared-with-me-desktop");
      await shared.getByRole("link", { name: "Open" }).click();
      expect(await waitForRecordOutcome(readerPage)).to.equal("decrypted");
      expect(await readerPage.getByTestId("record-practitioner").innerText()).to.contain(
        "Dr. Liora Voss",
      );
      expect(await readerPage.getByTestId("record-role").innerText()).to.match(/Shared with you/);
      // Someone else's record belongs under "Shared", not "My records".
      expect(await readerPage.getByTestId("nav-shared").getAttribute("aria-current")).to.equal(
        "page",
      );
      expect(await readerPage.getByTestId("nav-records").getAttribute("aria-current")).to.equal(
        null,
      );
      await screenshot(readerPage, "shared-record-decrypted-desktop");
    });

    await step("owner revokes: the record is re-encrypted as version 2", async () => {
      const confirmation = await revokeAccess(ownerPage, readerAddress);
      expect(confirmation).to.match(/version 2/);
      await ownerPage
        .getByTestId("record-header-version")
        .filter({ hasText: "Version 2" })
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      // The "Shared with 0x…" confirmation of the revoked grant goes with it.
      await ownerPage
        .getByTestId("grant-done")
        .waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
      await screenshot(ownerPage, "access-revoked-phone");
    });

    await step("reader cannot read the new version and is told why", async () => {
      await readerPage.reload();
      await readerPage
        .getByTestId("record-header-version")
        .filter({ hasText: "Version 2" })
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await waitForRecordOutcome(readerPage)).to.equal("error");
      const notice = readerPage.getByTestId("record-read-error");
      expect(await notice.getAttribute("data-error-kind")).to.equal("no-access");
      expect(await notice.innerText()).to.match(/revoked|re-encrypted|no read access/i);
      expect(
        await readerPage.getByTestId("record-content").count(),
        "no decrypted content is shown",
      ).to.equal(0);
      await screenshot(readerPage, "reader-revoked-desktop");
    });

    await step("owner publishes a public story with consent", async () => {
      await publishStory(ownerPage, { title: "Echo of a calmer smile", text: storyText });
      await screenshot(ownerPage, "story-published-phone");
    });

    await step(
      "the story appears in Emotional Echoes, for members and for a visitor with no wallet",
      async () => {
        await navigateTo(ownerPage, "echoes");
        await ownerPage
          .locator(`[data-testid=echo-card][data-token-id="${tokenId}"]`)
          .getByText(storyText)
          .waitFor({ timeout: STEP_TIMEOUT_MS });
        await screenshot(ownerPage, "echoes-member-phone");
        await visitor.page.goto(`${app}/echoes`);
        await visitor.page
          .locator(`[data-testid=echo-card][data-token-id="${tokenId}"]`)
          .getByText(storyText)
          .waitFor({ timeout: STEP_TIMEOUT_MS });
        await screenshot(visitor.page, "echoes-visitor-phone");
      },
    );

    await step("owner burns the record after the warning", async () => {
      await navigateTo(ownerPage, "records");
      await ownerPage.locator(`[data-testid=record-card][data-token-id="${tokenId}"]`).click();
      expect(await waitForRecordOutcome(ownerPage)).to.equal("decrypted");
      await ownerPage.getByTestId("burn-panel").scrollIntoViewIfNeeded();
      await screenshot(ownerPage, "burn-warning-phone");
      const warning = await burnRecord(ownerPage);
      expect(warning).to.match(/cannot be undone/i);
      await screenshot(ownerPage, "burned-phone");
      await navigateTo(ownerPage, "records");
      await ownerPage.getByTestId("records-empty").waitFor({ timeout: STEP_TIMEOUT_MS });
      // Erased everywhere: the visitor's gallery no longer lists its story.
      await visitor.page.reload();
      await visitor.page
        .getByTestId("echoes-empty")
        .or(visitor.page.getByTestId("echoes-gallery"))
        .first()
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(
        await visitor.page.locator(`[data-testid=echo-card][data-token-id="${tokenId}"]`).count(),
      ).to.equal(0);
    });

    for (const person of [owner, reader, visitor]) {
      for (const problem of person.guard.allowedSeen())
        console.log(`      (allowed, known) [${person.label}] ${problem.text} @ ${problem.url}`);
      person.guard.assertClean();
    }
  });
});
