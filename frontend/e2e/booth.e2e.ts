import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import {
  type Address,
  type Hex,
  bytesToHex,
  createPublicClient,
  createWalletClient,
  http,
} from "viem";
import { CID } from "multiformats/cid";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { DEMO_BOOTH_NAME } from "#lib/chain/localStack.ts";
import { freshMemberAccounts } from "./support/accounts.ts";
import { launchChromium } from "./support/chromium.ts";
import { STEP_TIMEOUT_MS, connectWallet } from "./support/flows.ts";
import { e2eStack } from "./support/globalStack.ts";
import { type Visitor, openVisitor } from "./support/member.ts";
import { screenshot } from "./support/screenshots.ts";

const TABLET_VIEWPORT = { width: 1024, height: 768 } as const;
const PRESENT = 2;

/** In-app navigation without a reload (the wallet connection lives in the tab). */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, "", to);
    window.dispatchEvent(new Event("biodental:navigate"));
  }, path);
}

/** Waits for the member's QR and returns its text and a PNG of it as the screen shows it. */
async function readShownCode(page: Page, notText?: string): Promise<{ text: string; png: Buffer }> {
  const qr = page.getByTestId("presentation-qr");
  await page.waitForFunction(
    (previous) => {
      const text = document
        .querySelector("[data-testid=presentation-qr]")
        ?.getAttribute("data-qr-text");
      return Boolean(text) && text !== previous;
    },
    notText ?? null,
    { timeout: STEP_TIMEOUT_MS },
  );
  const text = (await qr.getAttribute("data-qr-text"))!;
  return { text, png: await qr.screenshot() };
}

/** Scans by uploading a picture of the code, as a kiosk without a camera would; returns the verdict code. */
async function scanImage(kiosk: Page, png: Buffer): Promise<string> {
  await kiosk
    .getByTestId("image-upload")
    .setInputFiles({ name: "code.png", mimeType: "image/png", buffer: png });
  return readVerdict(kiosk);
}

async function scanPasted(kiosk: Page, text: string): Promise<string> {
  await kiosk.getByTestId("paste-input").fill(text);
  await kiosk.getByTestId("paste-verify").click();
  return readVerdict(kiosk);
}

async function readVerdict(kiosk: Page): Promise<string> {
  const verdict = kiosk.getByTestId("verdict");
  await verdict.waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await verdict.getAttribute("data-reason"))!;
}

/** "Next"; a green verdict may already have cleared itself (it does after a few seconds). */
async function dismissVerdict(kiosk: Page): Promise<void> {
  const verdict = kiosk.getByTestId("verdict");
  await verdict
    .getByRole("button", { name: "Next" })
    .click({ timeout: 2_000 })
    .catch(() => undefined);
  await verdict.waitFor({ state: "hidden" });
}

describe("when a member presents a record at a festival booth", function () {
  let browser: Browser;
  const visitors: Visitor[] = [];
  let owner: { index: number; address: Address };
  let delegate: { index: number; address: Address };
  let tokenId: bigint;
  let send: (
    from: Address,
    functionName: "mint" | "grantAccess" | "revokeAccess",
    args: readonly unknown[],
  ) => Promise<void>;

  before(async function () {
    browser = await launchChromium();
    const stack = e2eStack();
    const contract = stack.addresses.bioDental;
    [owner, delegate] = (await freshMemberAccounts({
      rpcUrl: stack.urls.rpc,
      contract,
      count: 2,
    })) as [typeof owner, typeof delegate];
    const publicClient = createPublicClient({ transport: http(stack.urls.rpc) });
    const walletClient = createWalletClient({ transport: http(stack.urls.rpc) });
    send = async (from, functionName, args) => {
      const hash = await walletClient.writeContract({
        account: from,
        chain: null,
        address: contract,
        abi: bioDentalNftAbi,
        functionName,
        args: args as never,
      });
      await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100 });
    };
    // The booth protocol needs only a token: minted directly (the mint journey is another test's).
    tokenId = (BigInt(owner.address) << 96n) | 0n;
    const cid: Hex = bytesToHex(
      CID.createV1(0x55, createDigest(0x12, sha256(utf8ToBytes(`booth e2e ${owner.address}`))))
        .bytes,
    );
    await send(owner.address, "mint", [cid]);
  });

  after(async function () {
    for (const visitor of visitors) await visitor.close();
    await browser?.close();
  });

  async function open(
    label: string,
    account: { index: number; address: Address } | undefined,
    viewport?: { width: number; height: number },
  ): Promise<Visitor> {
    const stack = e2eStack();
    const visitor = await openVisitor({
      browser,
      label,
      viewport,
      wallet: account
        ? {
            rpcUrl: stack.urls.rpc,
            chainId: stack.chainId,
            accountIndex: account.index,
            address: account.address,
          }
        : undefined,
    });
    visitors.push(visitor);
    return visitor;
  }

  async function openKiosk(label: string): Promise<Page> {
    const kiosk = await open(label, undefined, TABLET_VIEWPORT);
    await kiosk.page.goto(`${e2eStack().app}/verify?booth=${e2eStack().addresses.booth}`);
    await kiosk.page
      .getByTestId("booth-name")
      .filter({ hasText: DEMO_BOOTH_NAME })
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    return kiosk.page;
  }

  async function openPresenter(
    label: string,
    account: { index: number; address: Address },
  ): Promise<Page> {
    const member = await open(label, account);
    await member.page.goto(e2eStack().app);
    await connectWallet(member.page, account.address);
    await goInApp(member.page, "/present");
    await member.page.getByRole("heading", { level: 1, name: "Present at a booth" }).waitFor();
    return member.page;
  }

  it("shows a live QR the kiosk accepts once (green) and then refuses as a replay (red)", async function () {
    const member = await openPresenter("booth-member", owner);
    const code = await readShownCode(member);
    expect(code.text).to.match(/\/verify#bdp1\.[A-Za-z0-9_-]+$/);
    await member
      .getByTestId("presentation-countdown")
      .filter({ hasText: /Valid for \d+ s/ })
      .waitFor();
    await screenshot(member, "booth-present-phone");

    const kiosk = await openKiosk("booth-kiosk");
    await screenshot(kiosk, "booth-kiosk-tablet");
    expect(await scanImage(kiosk, code.png)).to.equal("valid");
    expect(await kiosk.getByTestId("verdict").getAttribute("data-outcome")).to.equal("valid");
    await screenshot(kiosk, "booth-kiosk-valid");
    await dismissVerdict(kiosk);

    expect(await scanImage(kiosk, code.png)).to.equal("replay");
    await screenshot(kiosk, "booth-kiosk-replay");
    await dismissVerdict(kiosk);
    expect(await scanPasted(kiosk, code.text)).to.equal("replay");
    await dismissVerdict(kiosk);

    // The local check-in log holds both scans, newest first.
    const log = kiosk.getByTestId("checkin-log");
    await log.getByText("replay").first().waitFor();
    await log.getByText("valid", { exact: true }).waitFor();

    // The member's screen renews the code before it expires: a different, fresh one.
    const renewed = await readShownCode(member, code.text);
    expect(await scanPasted(kiosk, renewed.text)).to.equal("valid");
    await dismissVerdict(kiosk);

    for (const visitor of visitors) visitor.guard.assertClean();
  });

  it("opens the verifier from the code's link on a device that is the booth", async function () {
    const member = await openPresenter("booth-member-link", owner);
    const code = await readShownCode(member);
    const kiosk = await openKiosk("booth-kiosk-link");
    // What a phone camera does with the QR: open the link (the booth is remembered from ?booth=).
    await kiosk.goto(code.text);
    expect(await readVerdict(kiosk)).to.equal("valid");
    expect(kiosk.url()).to.not.contain("#bdp1.");
    for (const visitor of visitors) visitor.guard.assertClean();
  });

  it("accepts a delegated hot wallet, then refuses it once the owner revokes", async function () {
    await send(owner.address, "grantAccess", [
      tokenId,
      delegate.address,
      PRESENT,
      BigInt(Math.floor(Date.now() / 1000)) + 86_400n,
      "0x",
    ]);
    const hotWallet = await openPresenter("booth-delegate", delegate);
    await hotWallet.getByText(/you may present it until/).waitFor({ timeout: STEP_TIMEOUT_MS });
    const code = await readShownCode(hotWallet);
    const kiosk = await openKiosk("booth-kiosk-delegate");
    expect(await scanPasted(kiosk, code.text)).to.equal("valid");
    await dismissVerdict(kiosk);

    // A fresh code signed while the grant holds, scanned only after the owner revoked it.
    await hotWallet.getByRole("button", { name: "New code" }).click();
    const signedBefore = await readShownCode(hotWallet, code.text);
    await send(owner.address, "revokeAccess", [tokenId, delegate.address]);
    expect(await scanPasted(kiosk, signedBefore.text)).to.equal("delegate-expired-or-revoked");
    await screenshot(kiosk, "booth-kiosk-revoked");
    await dismissVerdict(kiosk);

    for (const visitor of visitors) visitor.guard.assertClean();
  });
});
