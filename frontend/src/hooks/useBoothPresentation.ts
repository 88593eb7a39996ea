import { useCallback, useEffect, useRef, useState } from "react";
import type { Address, Hex } from "viem";
import { getBlock } from "viem/actions";
import { useClient, useConnection, useSignTypedData } from "wagmi";
import { DEFAULT_PRESENTATION_TTL_SECONDS } from "#lib/booth/constants.ts";
import { createPresentation } from "#lib/booth/createPresentation.ts";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import { presentationTypedData } from "#lib/booth/presentationTypedData.ts";
import { targetChain } from "../lib/chains.ts";
import { deployment } from "../lib/deployment.ts";

/** A fresh code is signed this many seconds before the shown one expires, so a scan never meets a dead code. */
export const RENEW_BEFORE_SECONDS = 8;

export type BoothPresentationState =
  | { status: "idle" }
  | { status: "signing"; previous?: SignedCode | undefined }
  | { status: "ready"; code: SignedCode }
  | { status: "error"; error: unknown; previous?: SignedCode | undefined };

export type SignedCode = {
  /** What the QR holds: a link to this app's verify page with the presentation in the fragment. */
  text: string;
  notAfter: bigint;
  /** Device-clock milliseconds at which the code expires (chain time mapped onto this device). */
  expiresAtMs: number;
  challenge: Hex;
};

export type UseBoothPresentationParameters = {
  tokenId: bigint | undefined;
  booth: Address | undefined;
  /** Sign again by itself before each code expires (a dev or hot wallet signs silently; others ask each time). */
  autoRenew: boolean;
};

/**
 * The member side of the booth protocol: signs a `Presentation` for (token, booth) with the
 * connected wallet (owner, PRESENT delegate, or an ERC-1271 contract wallet: the wallet decides
 * how it signs) and keeps it fresh. `notAfter` is set from the chain's clock (the pending block),
 * not the phone's, so a phone whose clock is off still makes codes the chain accepts.
 */
export function useBoothPresentation({
  tokenId,
  booth,
  autoRenew,
}: UseBoothPresentationParameters) {
  const connection = useConnection();
  const client = useClient({ chainId: targetChain.id });
  const sign = useSignTypedData();
  const [state, setState] = useState<BoothPresentationState>({ status: "idle" });
  const generation = useRef(0);
  const holder = connection.address;
  const lastCode =
    state.status === "ready" ? state.code : state.status !== "idle" ? state.previous : undefined;
  const lastCodeRef = useRef(lastCode);
  lastCodeRef.current = lastCode;

  const renew = useCallback(async () => {
    if (tokenId === undefined || !booth || !holder || !client || !deployment) return;
    const mine = ++generation.current;
    setState({ status: "signing", previous: lastCodeRef.current });
    try {
      const deviceNow = Date.now();
      // The pending block carries the chain's "now" (a local chain's latest block can be hours old).
      const block = await getBlock(client, { blockTag: "pending" }).catch(() =>
        getBlock(client, { blockTag: "latest" }),
      );
      const chainNow = block.timestamp;
      const presentation = createPresentation({
        tokenId,
        holder,
        booth,
        now: chainNow,
        ttlSeconds: DEFAULT_PRESENTATION_TTL_SECONDS,
      });
      const typed = presentationTypedData({
        chainId: deployment.chainId,
        verifyingContract: deployment.address,
        presentation,
      });
      const signature = await sign.mutateAsync({ account: holder, ...typed });
      if (mine !== generation.current) return;
      const text = encodePresentationQr({
        chainId: BigInt(deployment.chainId),
        verifyingContract: deployment.address,
        presentation,
        signature,
        verifyUrl: `${window.location.origin}/verify`,
      });
      const expiresAtMs = deviceNow + Number(presentation.notAfter - chainNow) * 1000;
      setState({
        status: "ready",
        code: {
          text,
          notAfter: presentation.notAfter,
          expiresAtMs,
          challenge: presentation.challenge,
        },
      });
    } catch (error) {
      if (mine === generation.current)
        setState({ status: "error", error, previous: lastCodeRef.current });
    }
    // `sign.mutateAsync` is stable; listing `sign` would re-create this on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tokenId, booth, holder, client]);

  // A new token, booth or wallet: a new code.
  useEffect(() => {
    generation.current++;
    setState({ status: "idle" });
    if (tokenId !== undefined && booth && holder) void renew();
  }, [tokenId, booth, holder, renew]);

  // Renew shortly before expiry, only while the page is visible (a phone in a pocket signs nothing).
  const code = state.status === "ready" ? state.code : undefined;
  useEffect(() => {
    if (!autoRenew || !code) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible") return;
      const wait = code.expiresAtMs - RENEW_BEFORE_SECONDS * 1000 - Date.now();
      timer = setTimeout(() => void renew(), Math.max(0, wait));
    };
    schedule();
    document.addEventListener("visibilitychange", schedule);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", schedule);
    };
  }, [autoRenew, code, renew]);

  return { state, renew, holder };
}
