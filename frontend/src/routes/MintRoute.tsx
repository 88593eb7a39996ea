import { useMemo } from "react";
import { RecordForm } from "../components/forms/RecordForm.tsx";
import { KeyGate } from "../components/keys/KeyGate.tsx";
import { TokenArtLive } from "../components/records/TokenArtLive.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { IpfsDownNotice } from "../components/ui/IpfsDownNotice.tsx";
import { Link } from "../components/ui/Link.tsx";
import { StepList } from "../components/ui/StepList.tsx";
import { useIpfsReachable } from "../hooks/useIpfsReachable.ts";
import { useProgressLog } from "../hooks/useProgressLog.ts";
import { useRecordMint } from "../hooks/useRecordMint.ts";
import { tokenLabel } from "../lib/format/tokenId.ts";
import { emptyDraft } from "../lib/record/recordDraft.ts";
import { MINT_PLAN, planSteps } from "../lib/records/progressPlan.ts";
import type { RecordProgress } from "#lib/records/progress.ts";

export default function MintRoute() {
  const mint = useRecordMint();
  const ipfsUp = useIpfsReachable();
  const progress = useProgressLog<RecordProgress>();
  const initial = useMemo(() => emptyDraft(), []);
  const steps = planSteps(MINT_PLAN, progress.events, mint.status);

  return (
    <section className="page">
      <header>
        <h1>New record</h1>
        <p className="muted">
          Everything below is encrypted in this browser before it is stored. Only you, and whoever
          you later allow, can read it.
        </p>
      </header>
      <KeyGate purpose="to encrypt your new record">
        {(keyPair) => (
          <>
            {/* Kept mounted while minting, so a failed mint returns to the filled-in form. */}
            <div hidden={!mint.isIdle}>
              <RecordForm
                initial={initial}
                submitLabel="Encrypt and mint"
                busy={!mint.isIdle}
                blocker={ipfsUp ? undefined : <IpfsDownNotice action="store a new record" />}
                onSubmit={({ input, files }) => {
                  progress.reset();
                  mint.mutate({ input, files, keyPair, onProgress: progress.push });
                }}
              />
            </div>
            {mint.isIdle ? null : (
              <div className="card" data-testid="mint-progress">
                <h2>
                  {mint.isSuccess
                    ? "Your record is minted"
                    : mint.isError
                      ? "The record was not minted"
                      : "Sealing your record…"}
                </h2>
                <StepList steps={steps} label="Mint progress" />
                {mint.error ? (
                  <>
                    <ErrorNotice error={mint.error} />
                    <div className="actions">
                      <button type="button" className="button" onClick={() => mint.reset()}>
                        Back to the form
                      </button>
                    </div>
                  </>
                ) : null}
                {mint.data ? (
                  <div
                    className="record-header"
                    data-testid="mint-done"
                    data-token-id={mint.data.tokenId.toString()}
                    style={{ marginTop: "1rem" }}
                  >
                    <TokenArtLive tokenId={mint.data.tokenId} size="small" />
                    <div>
                      <p>
                        <strong>{tokenLabel(mint.data.tokenId)}</strong> is yours: non-transferable,
                        version 1.
                      </p>
                      <div className="actions">
                        <Link
                          href={`/records/${mint.data.tokenId}`}
                          className="button"
                          data-testid="view-minted"
                        >
                          View the record
                        </Link>
                        <button
                          type="button"
                          className="button secondary"
                          onClick={() => mint.reset()}
                        >
                          Create another
                        </button>
                      </div>
                    </div>
                  </div>
                ) : null}
              </div>
            )}
          </>
        )}
      </KeyGate>
    </section>
  );
}
