import { expect } from "chai";
import type { Browser } from "playwright-core";
import { launchChromium } from "./support/chromium.ts";
import { makePngAttachment } from "./support/files.ts";
import { connectWallet, mintRecordThroughForm, registerEncryptionKey } from "./support/flows.ts";
import { e2eStack } from "./support/globalStack.ts";
import { type Visitor, openVisitor } from "./support/member.ts";
import { screenshot } from "./support/screenshots.ts";

/** Free accounts of the local node (LOCAL_DEMO_ACCOUNTS leaves 5–8 for experiments). */
const OWNER_INDEX = 5;
const READER_INDEX = 6;

async function nodeAccounts(rpcUrl: string): Promise<string[]> {
  const response = await fetch(rpcUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_accounts", params: [] }) });
  return ((await response.json()) as { result: string[] }).result;
}

describe("when two members share a record", function () {
  let browser: Browser;
  let owner: Visitor;
  let reader: Visitor;

  before(async function () {
    const stack = e2eStack();
    const accounts = await nodeAccounts(stack.urls.rpc);
    browser = await launchChromium();
    const wallet = (accountIndex: number) => ({ rpcUrl: stack.urls.rpc, chainId: stack.chainId, accountIndex, address: accounts[accountIndex] as string });
    owner = await openVisitor({ browser, label: "owner", wallet: wallet(OWNER_INDEX) });
    reader = await openVisitor({ browser, label: "reader", wallet: wallet(READER_INDEX) });
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
    await registerEncryptionKey(page);
    await screenshot(page, "owner-key-ready");

    // 2. Mint a record with an attachment.
    await page.getByTestId("goto-mint").click();
    const xray = makePngAttachment();
    await screenshot(page, "mint-form");
    const minted = await mintRecordThroughForm(page, { practitioner: "Dr. Liora Voss", clinic: "Smilencer Clinic", notes: "E2E check-up", attachments: [xray] });
    expect(minted.tokenId).to.match(/^\d+$/);
    await screenshot(page, "minted");

    owner.guard.assertClean();
    reader.guard.assertClean();
  });
});
