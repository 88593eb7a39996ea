import { describe, expect, it } from "vitest";
import { createCameraRepeatFilter } from "./cameraRepeatFilter.ts";

describe("createCameraRepeatFilter", () => {
  it("lets a code through once while it is held up, and again after the window", () => {
    const accept = createCameraRepeatFilter(8000);
    expect(accept("bdp1.A", 0)).toBe(true);
    expect(accept("bdp1.A", 150)).toBe(false);
    expect(accept("bdp1.A", 7999)).toBe(false);
    expect(accept("bdp1.A", 8000)).toBe(true);
  });

  it("lets a different code through at once, and the first one again after it", () => {
    const accept = createCameraRepeatFilter(8000);
    expect(accept("bdp1.A", 0)).toBe(true);
    expect(accept("bdp1.B", 10)).toBe(true);
    expect(accept("bdp1.A", 20)).toBe(true);
  });
});
