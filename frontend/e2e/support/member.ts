import type { Browser, BrowserContext, Page } from "playwright-core";
import { createConsoleGuard } from "./consoleGuard.ts";
import { PHONE_VIEWPORT } from "./screenshots.ts";
import { installTestWallet } from "./testWallet.ts";

export type Visitor = {
  label: string;
  context: BrowserContext;
  page: Page;
  guard: ReturnType<typeof createConsoleGuard>;
  /** Every `/__health` answer that reported a service down: on a loaded machine, a flapping probe explains odd failures. */
  healthDips: { at: string; body: string }[];
  /** The node account the injected wallet acts as; undefined for a visitor without a wallet. */
  address: string | undefined;
  close(): Promise<void>;
};

export type OpenVisitorParameters = {
  browser: Browser;
  label: string;
  /** The wallet's node account; omit for a visitor with no wallet at all. */
  wallet?: { rpcUrl: string; chainId: number; accountIndex: number; address: string } | undefined;
  viewport?: { width: number; height: number } | undefined;
  /** Phone-like: touch events and a device scale factor, as members use the app at the festival. */
  mobile?: boolean | undefined;
};

/**
 * One person in their own browser context (own storage, own wallet), with a console guard on
 * every page they open.
 *
 * @example
 * const alice = await openVisitor({ browser, label: "alice", wallet: { ...stack, accountIndex: 5, address } })
 */
export async function openVisitor({
  browser,
  label,
  wallet,
  viewport = PHONE_VIEWPORT,
  mobile = viewport.width < 600,
}: OpenVisitorParameters): Promise<Visitor> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: mobile ? 2 : 1,
    isMobile: mobile,
    hasTouch: mobile,
    locale: "en-GB",
    timezoneId: "Europe/Paris",
    colorScheme: "light",
  });
  const guard = createConsoleGuard();
  const healthDips: { at: string; body: string }[] = [];
  context.on("page", (page) => {
    guard.watch(page, label);
    page.on("response", (response) => {
      if (!response.url().endsWith("/__health")) return;
      void response.text().then(
        (body) => {
          if (body.includes('"ok":false')) healthDips.push({ at: new Date().toISOString(), body });
        },
        () => undefined,
      );
    });
  });
  if (wallet)
    await installTestWallet(context, {
      rpcUrl: wallet.rpcUrl,
      chainId: wallet.chainId,
      accountIndex: wallet.accountIndex,
    });
  const page = await context.newPage();
  return {
    label,
    context,
    page,
    guard,
    healthDips,
    address: wallet?.address,
    close: () => context.close(),
  };
}
