import { useCallback, useEffect, useState } from "react";
import { type Address, getAddress, isAddress } from "viem";
import { useConnection, useReadContract } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

const REMEMBERED_KEY = "biodental.booth";

export type BoothIdentitySource = "link" | "wallet" | "remembered";

function boothFromUrl(): Address | undefined {
  const value = new URLSearchParams(window.location.search).get("booth");
  return value && isAddress(value, { strict: false }) ? getAddress(value) : undefined;
}

function remembered(): Address | undefined {
  try {
    const value = window.localStorage.getItem(REMEMBERED_KEY);
    return value && isAddress(value, { strict: false }) ? getAddress(value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which booth this kiosk is: a `?booth=` address, else the connected wallet, else the booth this
 * device was last set to. With its on-chain name and status (`boothOf`). `choose` sets it (and
 * puts it in the URL, so a bookmark or a reload keeps it).
 */
export function useBoothIdentity() {
  const connection = useConnection();
  const status = useDeploymentStatus();
  const [fromUrl, setFromUrl] = useState(boothFromUrl);
  const [stored, setStored] = useState(remembered);

  // A device opened once with ?booth= stays that booth: a member's code scanned later with the
  // phone's own camera opens /verify#bdp1.… without the parameter.
  useEffect(() => {
    if (!fromUrl) return;
    try {
      window.localStorage.setItem(REMEMBERED_KEY, fromUrl);
    } catch {
      // Private mode: nothing to remember with.
    }
  }, [fromUrl]);

  useEffect(() => {
    const onChange = () => setFromUrl(boothFromUrl());
    window.addEventListener("popstate", onChange);
    return () => window.removeEventListener("popstate", onChange);
  }, []);

  const [booth, source]: [Address | undefined, BoothIdentitySource | undefined] = fromUrl
    ? [fromUrl, "link"]
    : connection.address
      ? [connection.address, "wallet"]
      : stored
        ? [stored, "remembered"]
        : [undefined, undefined];

  const read = useReadContract({
    ...bioDentalContract,
    functionName: "boothOf",
    args: booth ? [booth] : undefined,
    query: { enabled: Boolean(booth) && status.state === "ready" },
  });
  const [name, active] = read.data ?? ["", false];

  const choose = useCallback((address: Address) => {
    const checksummed = getAddress(address);
    try {
      window.localStorage.setItem(REMEMBERED_KEY, checksummed);
    } catch {
      // Private mode: the URL still carries it.
    }
    const url = new URL(window.location.href);
    url.searchParams.set("booth", checksummed);
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
    setStored(checksummed);
    setFromUrl(checksummed);
  }, []);

  return {
    booth,
    source,
    name,
    active,
    registered: name !== "",
    isPending: Boolean(booth) && status.state === "ready" && read.isPending,
    error: read.error,
    choose,
  };
}
