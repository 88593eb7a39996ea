import { expect } from "chai";
import type { Browser } from "playwright-core";
import { type NodeAccount, freshMemberAccounts } from "./support/accounts.ts";
import { launchChromium } from "./support/chromium.ts";
import { makePngAttachment } from "./support/files.ts";
import { connectWallet, mintRecordThroughForm, registerEncryptionKey } from "./support/flows.ts";
import { e2eStack } from "./support/globalStack.ts";
import { type Visitor, openVisitor } from "./support/member.ts";
import { screenshot } from "./support/screenshots.ts";


describe("when two members share a record", function () {
  let browser: Browser;
  let owner: Visitor;
  let reader: Visitor;

  before(async function () {
    const stack = e2eStack();
    const [ownerAccount, readerAccount] = await freshMemberAccounts({ rpcUrl: stack.urls.rpc, contract: stack.addresses.bioDental, count: 2 });
    browser = await launchChromium();
    const wallet = (account: NodeAccount) => ({ rpcUrl: stack.urls.rpc, chainId: stack.chainId, accountIndex: account.index, address: account.address });
    owner = await openVisitor({ browser, label: "owner", wallet: wallet(ownerAccount as NodeAccount) });
    reader = await openVisitor({ browser, label: "reader", wallet: wallet(readerAccount as NodeAccount) });
  });

  after(async function () {
    await owner?.close();
    await reader?.close();
    await browser?.close();
  });

  it("mints, shares, revokes, publishes a story and burns", async function () {
    const app = e2eStack().app;
    const page = owner.page;

    // 1. Connect and register the encryption key.
    await page.goto(app);
    await connectWallet(page, owner.address as string);
    await screenshot(page, "owner-connected");
    expect(await registerEncryptionKey(page)).to.equal("registered");
    await screenshot(page, "owner-key-ready");

    // 2. Mint a record with an attachment.
    await page.getByTestId("goto-mint").click();
    const xray = makePngAttachment();
    await screenshot(page, "mint-form");
    const minted = await mintRecordThroughForm(page, {
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
    await screenshot(page, "minted");

    owner.guard.assertClean();
    reader.guard.assertClean();
  });
});
