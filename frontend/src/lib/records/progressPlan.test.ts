import { describe, expect, it } from "vitest";
import type { RecordProgress } from "#lib/records/progress.ts";
import { MINT_PLAN, REVOKE_PLAN, planSteps } from "./progressPlan.ts";

const states = (steps: { state: string }[]) => steps.map((s) => s.state);

describe("planSteps", () => {
  describe("while minting", () => {
    it("shows the encryption running with its fraction", () => {
      const events: RecordProgress[] = [
        { stage: "encrypt-upload", bytesDone: 256, bytesTotal: 1024 },
      ];
      const steps = planSteps(MINT_PLAN, events, "pending");
      expect(states(steps)).toEqual(["active", "pending", "pending", "pending", "pending"]);
      expect(steps[0]?.progress).toBe(0.25);
    });

    it("moves to pinning once the last byte is uploaded, then to the wallet", () => {
      const uploaded: RecordProgress[] = [
        { stage: "encrypt-upload", bytesDone: 512, bytesTotal: 1024 },
        { stage: "encrypt-upload", bytesDone: 1024, bytesTotal: 1024 },
      ];
      expect(states(planSteps(MINT_PLAN, uploaded, "pending"))).toEqual([
        "done",
        "active",
        "pending",
        "pending",
        "pending",
      ]);
      const signing: RecordProgress[] = [
        ...uploaded,
        { stage: "transaction", functionName: "mint", phase: "simulate" },
        { stage: "transaction", functionName: "mint", phase: "sign" },
      ];
      expect(states(planSteps(MINT_PLAN, signing, "pending"))).toEqual([
        "done",
        "done",
        "done",
        "active",
        "pending",
      ]);
    });

    it("marks the step that failed", () => {
      const events: RecordProgress[] = [
        { stage: "transaction", functionName: "mint", phase: "simulate" },
      ];
      expect(states(planSteps(MINT_PLAN, events, "error"))).toEqual([
        "done",
        "done",
        "failed",
        "pending",
        "pending",
      ]);
    });

    it("is all done on success and all pending before it starts", () => {
      expect(states(planSteps(MINT_PLAN, [], "success"))).toEqual(Array(5).fill("done"));
      expect(states(planSteps(MINT_PLAN, [], "idle"))).toEqual(Array(5).fill("pending"));
    });
  });

  describe("while revoking", () => {
    it("never goes back to the first transaction's steps when the second transaction starts", () => {
      const events: RecordProgress[] = [
        { stage: "transaction", functionName: "revokeAccess", phase: "confirm" },
        { stage: "download", bytesDone: 10, bytesTotal: undefined },
        { stage: "encrypt-upload", bytesDone: 10, bytesTotal: 100 },
      ];
      const steps = planSteps(REVOKE_PLAN, events, "pending");
      expect(steps.find((s) => s.state === "active")?.id).toBe("encrypt");
      expect(steps.find((s) => s.id === "download")?.state).toBe("done");
    });
  });
});
