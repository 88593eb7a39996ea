// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RecordProgress } from "#lib/records/progress.ts";
import { useProgressLog } from "./useProgressLog.ts";

describe("useProgressLog", () => {
  it("keeps only the latest byte count of a running stage, and every other event", () => {
    const { result } = renderHook(() => useProgressLog<RecordProgress>());
    act(() => {
      result.current.push({ stage: "encrypt-upload", bytesDone: 1, bytesTotal: 10 });
      result.current.push({ stage: "encrypt-upload", bytesDone: 5, bytesTotal: 10 });
      result.current.push({ stage: "transaction", functionName: "mint", phase: "simulate" });
      result.current.push({ stage: "transaction", functionName: "mint", phase: "sign" });
    });
    expect(result.current.events).toEqual([
      { stage: "encrypt-upload", bytesDone: 5, bytesTotal: 10 },
      { stage: "transaction", functionName: "mint", phase: "simulate" },
      { stage: "transaction", functionName: "mint", phase: "sign" },
    ]);
    act(() => result.current.reset());
    expect(result.current.events).toEqual([]);
  });
});
