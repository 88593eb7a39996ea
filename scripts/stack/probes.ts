/** Health probes: each one asks a service the question its clients will ask. */

export type ProbeResult = { ok: true; detail: string } | { ok: false; error: string };

const PROBE_TIMEOUT_MS = 2_000;

/** `eth_chainId` over JSON-RPC. */
export async function probeChain(
  rpcUrl: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult & { chainId?: number }> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { result?: string };
    if (typeof body.result !== "string") return { ok: false, error: "answered without a chain id" };
    const chainId = Number(BigInt(body.result));
    return { ok: true, detail: `chain id ${chainId}`, chainId };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/** Kubo RPC `POST /api/v0/version`. */
export async function probeIpfsApi(
  apiUrl: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  try {
    const response = await fetch(`${apiUrl}/api/v0/version`, {
      method: "POST",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const body = (await response.json()) as { Version?: string };
    if (typeof body.Version !== "string")
      return { ok: false, error: "not a Kubo RPC API (no Version)" };
    return { ok: true, detail: `version ${body.Version}` };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/**
 * A plain `GET`, accepting `expectStatus` (the gateway answers 400 for `/ipfs/` without a CID,
 * which still proves it is the gateway listening).
 */
export async function probeHttp(
  url: string,
  {
    expectStatus = [200],
    timeoutMs = PROBE_TIMEOUT_MS,
  }: { expectStatus?: number[]; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    if (!expectStatus.includes(response.status))
      return { ok: false, error: `HTTP ${response.status}` };
    return { ok: true, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
