import { useEffect, useState } from "react";
import type { Address } from "viem";
import { getAddress, isAddress } from "viem";
import { useConnection } from "wagmi";
import { BoothSelect } from "../../components/booth/BoothSelect.tsx";
import { PresentationQr } from "../../components/booth/PresentationQr.tsx";
import { ErrorNotice } from "../../components/ui/ErrorNotice.tsx";
import { PageSpinner } from "../../components/ui/PageSpinner.tsx";
import { ConnectPrompt } from "../../components/wallet/ConnectPrompt.tsx";
import { useBoothDirectory } from "../../hooks/useBoothDirectory.ts";
import { useBoothPresentableTokens } from "../../hooks/useBoothPresentableTokens.ts";
import { useBoothPresentation } from "../../hooks/useBoothPresentation.ts";
import { useDeploymentStatus } from "../../hooks/useDeploymentStatus.ts";
import { formatTimestamp } from "../../lib/format/time.ts";
import { parseTokenIdParam, shortAddress, tokenLabel } from "../../lib/format/tokenId.ts";
import "../../components/booth/booth.css";

function initialParams(): { tokenId: bigint | undefined; booth: Address | undefined } {
  const params = new URLSearchParams(window.location.search);
  const booth = params.get("booth");
  return {
    tokenId: parseTokenIdParam(params.get("token") ?? undefined),
    booth: booth && isAddress(booth, { strict: false }) ? getAddress(booth) : undefined,
  };
}

/**
 * "Present at a booth": the member (or a wallet the owner granted PRESENT, e.g. a phone hot
 * wallet for a token kept cold) picks a record and a registered booth and shows a QR code that
 * proves, to that booth only and for about 30 seconds, that they may present it. The code is
 * signed again before it expires, so the screen always shows a live one.
 */
export default function PresentAtBoothRoute() {
  const connection = useConnection();
  const status = useDeploymentStatus();
  const presentable = useBoothPresentableTokens(connection.address);
  const directory = useBoothDirectory();
  const [initial] = useState(initialParams);
  const [tokenId, setTokenId] = useState<bigint | undefined>(initial.tokenId);
  const [booth, setBooth] = useState<Address | undefined>(initial.booth);
  const [autoRenew, setAutoRenew] = useState(true);
  const [copied, setCopied] = useState(false);

  // One record or one open booth: nothing to choose.
  const activeBooths = directory.booths.filter((entry) => entry.active);
  useEffect(() => {
    if (tokenId === undefined && presentable.tokens.length === 1)
      setTokenId(presentable.tokens[0]!.tokenId);
  }, [tokenId, presentable.tokens]);
  useEffect(() => {
    if (!booth && activeBooths.length === 1) setBooth(activeBooths[0]!.address);
  }, [booth, activeBooths]);

  const eligible =
    tokenId !== undefined && presentable.tokens.some((token) => token.tokenId === tokenId);
  const presentation = useBoothPresentation({
    tokenId: eligible ? tokenId : undefined,
    booth,
    autoRenew,
  });
  const state = presentation.state;
  const code =
    state.status === "ready" ? state.code : state.status !== "idle" ? state.previous : undefined;
  const boothEntry = directory.booths.find((entry) => entry.address === booth);

  const copy = async () => {
    if (!code) return;
    await navigator.clipboard.writeText(code.text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <section className="page narrow" data-testid="present-page">
      <header>
        <h1>Present at a booth</h1>
        <p className="muted">
          Show this code at the booth. It proves you may present the record, to that booth only,
          once, for about 30 seconds. The booth learns nothing you did not make public, and nothing
          is written on-chain.
        </p>
      </header>

      {connection.status !== "connected" ? (
        <ConnectPrompt reason="Your wallet signs the code that proves you hold the record." />
      ) : status.state !== "ready" && status.state !== "checking" ? (
        <p className="muted">
          The blockchain node cannot be reached, so no booth can check a code right now.
        </p>
      ) : presentable.error ? (
        <ErrorNotice error={presentable.error} />
      ) : presentable.isPending ? (
        <PageSpinner label="Finding the records you can present…" />
      ) : presentable.tokens.length === 0 ? (
        <div className="card empty">
          <p>This wallet holds no record and no grant to present one.</p>
          <p className="hint">
            Mint a record, or ask its owner to grant this address the PRESENT scope.
          </p>
        </div>
      ) : (
        <>
          {/* The code first: at the booth the member holds the phone up, the pickers are below. */}
          <div className="card">
            <PresentationQr
              code={booth && eligible ? code : undefined}
              renewing={state.status === "signing"}
            />
            {boothEntry ? (
              <p className="hint" style={{ textAlign: "center" }}>
                For <strong>{boothEntry.name}</strong> only.
              </p>
            ) : null}
            <div className="actions" style={{ justifyContent: "center" }}>
              <button
                type="button"
                className="button"
                onClick={() => void presentation.renew()}
                disabled={!booth || !eligible || state.status === "signing"}
              >
                New code
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => void copy()}
                disabled={!code}
              >
                {copied ? "Copied" : "Copy as text"}
              </button>
            </div>
            <label className="choice" style={{ marginTop: "0.75rem" }}>
              <input
                type="checkbox"
                checked={autoRenew}
                onChange={(event) => setAutoRenew(event.target.checked)}
              />
              Renew the code automatically (wallets that ask each time will ask every ~25 s)
            </label>
          </div>
          {state.status === "error" ? <ErrorNotice error={state.error} /> : null}
          <fieldset>
            <legend>Record</legend>
            <div className="booth-token-list" role="radiogroup">
              {presentable.tokens.map((token) => (
                <label key={token.tokenId.toString()} className="choice">
                  <input
                    type="radio"
                    name="token"
                    checked={token.tokenId === tokenId}
                    onChange={() => setTokenId(token.tokenId)}
                    data-testid="present-token"
                  />
                  {tokenLabel(token.tokenId)}
                  {token.role === "owner"
                    ? " · yours"
                    : ` · of ${shortAddress(token.owner)}, you may present it until ${formatTimestamp(token.expiresAt)}`}
                </label>
              ))}
            </div>
          </fieldset>

          {directory.error ? <ErrorNotice error={directory.error} /> : null}
          <BoothSelect booths={directory.booths} value={booth} onChange={setBooth} label="Booth" />
        </>
      )}
    </section>
  );
}
