import { useState } from "react";
import type { CheckIn } from "#lib/booth/checkins/checkIn.ts";
import { VERDICT_MESSAGES } from "#lib/booth/verdicts.ts";
import { shortAddress, tokenLabel } from "../../lib/format/tokenId.ts";
import "./booth.css";

export type CheckInLogPanelProps = {
  recent: CheckIn[];
  exportCsv: () => Promise<string>;
  clear: () => Promise<void>;
  /** Part of the exported file's name. */
  boothLabel: string;
};

/** The booth's own record of scans: kept on this device only, exportable as CSV. */
export function CheckInLogPanel({ recent, exportCsv, clear, boothLabel }: CheckInLogPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const download = async () => {
    const csv = await exportCsv();
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `check-ins-${boothLabel}-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section
      className="card checkin-log"
      aria-labelledby="checkin-log-title"
      data-testid="checkin-log"
    >
      <h2 id="checkin-log-title">Check-ins on this device</h2>
      <p className="hint">
        Kept only in this browser: nothing is written on-chain or sent anywhere.
      </p>
      {recent.length === 0 ? (
        <p className="muted">No scans yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Verdict</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((entry) => (
              <tr key={`${entry.at}-${entry.tokenId}-${entry.reason}`}>
                <td>{new Date(entry.at).toLocaleTimeString()}</td>
                <td className={`outcome-${entry.outcome}`} title={VERDICT_MESSAGES[entry.reason]}>
                  {entry.reason}
                </td>
                <td>
                  {entry.tokenId ? tokenLabel(BigInt(entry.tokenId)) : "—"}
                  {entry.holder ? ` · ${shortAddress(entry.holder)}` : ""}
                  {entry.title ? ` · “${entry.title}”` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => void download()}
          data-testid="export-csv"
        >
          Export CSV
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                setConfirming(false);
                void clear();
              }}
            >
              Delete every entry
            </button>
            <button type="button" className="button-link" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" className="button-link" onClick={() => setConfirming(true)}>
            Clear the log…
          </button>
        )}
      </div>
    </section>
  );
}
