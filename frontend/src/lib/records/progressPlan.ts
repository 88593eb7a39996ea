import type { RecordProgress } from "#lib/records/progress.ts";
import type { Step } from "../steps.ts";

export type PlannedStep<E = RecordProgress> = {
  id: string;
  label: string;
  /** Whether this progress event belongs to this step. */
  match: (progress: E) => boolean;
  /** 0..1 while the step runs, when the event says how far it is. */
  fraction?: ((progress: E) => number | undefined) | undefined;
};

export type Outcome = "idle" | "pending" | "success" | "error";

/**
 * Lays a flow's progress events over its planned steps. Events arrive in order, so the cursor
 * only moves forward: everything before the current step is done, the current one runs (or
 * failed), the rest wait. A step without events of its own (the pin, after the last upload
 * byte) is still passed through in order.
 *
 * @example
 * const steps = planSteps(MINT_PLAN, events, mint.status)
 */
export function planSteps<E>(
  plan: readonly PlannedStep<E>[],
  events: readonly E[],
  outcome: Outcome,
): Step[] {
  if (outcome === "idle")
    return plan.map((step) => ({ id: step.id, label: step.label, state: "pending" }));
  let cursor = 0;
  let last: E | undefined;
  for (const event of events) {
    const found = plan.findIndex((step, index) => index >= cursor && step.match(event));
    if (found >= 0) {
      cursor = found;
      last = event;
    }
  }
  return plan.map((step, index) => {
    if (outcome === "success" || index < cursor)
      return { id: step.id, label: step.label, state: "done" };
    if (index > cursor) return { id: step.id, label: step.label, state: "pending" };
    const fraction = last && step.match(last) ? step.fraction?.(last) : undefined;
    return {
      id: step.id,
      label: step.label,
      state: outcome === "error" ? "failed" : "active",
      progress: fraction,
    };
  });
}

const uploading = (p: RecordProgress): boolean =>
  p.stage === "encrypt-upload" && (p.bytesTotal === undefined || p.bytesDone < p.bytesTotal);
const uploaded = (p: RecordProgress): boolean =>
  p.stage === "encrypt-upload" && p.bytesTotal !== undefined && p.bytesDone >= p.bytesTotal;
const uploadFraction = (p: RecordProgress): number | undefined =>
  p.stage === "encrypt-upload" && p.bytesTotal ? p.bytesDone / p.bytesTotal : undefined;
const tx =
  (functionName: string, phase: "simulate" | "sign" | "confirm") =>
  (p: { stage: string; functionName?: string; phase?: string }): boolean =>
    p.stage === "transaction" && p.functionName === functionName && p.phase === phase;

/** The three steps of a write: the contract's dry run (a revert stops here, before the wallet), the wallet, the block. */
export function transactionPlan(
  functionName: string,
  label: string,
): PlannedStep<{ stage: string }>[] {
  return [
    {
      id: `${functionName}-simulate`,
      label: `${label}: check with the contract`,
      match: tx(functionName, "simulate"),
    },
    {
      id: `${functionName}-sign`,
      label: `${label}: confirm in your wallet`,
      match: tx(functionName, "sign"),
    },
    {
      id: `${functionName}-confirm`,
      label: `${label}: wait for the block`,
      match: tx(functionName, "confirm"),
    },
  ];
}

export const encryptPinPlan = (what: string): PlannedStep[] => [
  {
    id: "encrypt",
    label: `Encrypt ${what} in your browser`,
    match: uploading,
    fraction: uploadFraction,
  },
  { id: "pin", label: "Pin the ciphertext to IPFS", match: uploaded },
];

export const MINT_PLAN: readonly PlannedStep[] = [
  ...encryptPinPlan("the record"),
  ...transactionPlan("mint", "Mint"),
];

export const UPDATE_PLAN: readonly PlannedStep[] = [
  ...encryptPinPlan("the new version"),
  ...transactionPlan("updateRecord", "Publish the version"),
  { id: "unpin", label: "Unpin the previous version", match: (p) => p.stage === "unpin" },
];

export const REVOKE_PLAN: readonly PlannedStep[] = [
  ...transactionPlan("revokeAccess", "Revoke"),
  {
    id: "download",
    label: "Fetch and decrypt the current version",
    match: (p) => p.stage === "download",
  },
  ...encryptPinPlan("a new version under a new key"),
  ...transactionPlan("updateRecord", "Publish the re-encrypted version"),
  { id: "unpin", label: "Unpin the old version", match: (p) => p.stage === "unpin" },
];

export const GRANT_PLAN: readonly PlannedStep[] = [
  // No event of its own: the key wrap runs before the first transaction event.
  { id: "wrap", label: "Wrap the record key for their key", match: () => false },
  ...transactionPlan("grantAccess", "Grant"),
];

export const PUBLISH_STORY_PLAN: readonly PlannedStep[] = [
  { id: "pin", label: "Pin the story to IPFS (in clear)", match: () => false },
  ...transactionPlan("setPublicProfile", "Publish"),
];

export const BURN_PLAN: readonly PlannedStep[] = [
  ...transactionPlan("burn", "Erase"),
  { id: "unpin", label: "Unpin every version from IPFS", match: (p) => p.stage === "unpin" },
];
