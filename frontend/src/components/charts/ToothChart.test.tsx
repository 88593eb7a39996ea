// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { EMPTY_TOOTH, type ToothChartState } from "../../lib/record/toothChart.ts";
import { ToothChart } from "./ToothChart.tsx";

function Harness({ chart = {} }: { chart?: ToothChartState }) {
  const [selected, setSelected] = useState<number | undefined>();
  return <ToothChart chart={chart} selected={selected} onSelect={setSelected} label="Chart" />;
}

describe("ToothChart", () => {
  it("draws all 32 permanent teeth, FDI 11–48", () => {
    render(<Harness />);
    const teeth = screen.getAllByRole("button").map((button) => Number(button.textContent));
    expect(teeth).toHaveLength(32);
    expect(new Set(teeth)).toEqual(
      new Set([
        11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33, 34, 35, 36, 37,
        38, 41, 42, 43, 44, 45, 46, 47, 48,
      ]),
    );
  });

  it("selects a tooth on click and says so to assistive technology", () => {
    render(<Harness />);
    const molar = screen.getByRole("button", { name: /upper right first molar \(16\)/ });
    fireEvent.click(molar);
    expect(molar.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: /\(11\)/ }).getAttribute("aria-pressed")).toBe(
      "false",
    );
  });

  it("names each tooth's status", () => {
    render(<Harness chart={{ 26: { ...EMPTY_TOOTH, status: "caries" } }} />);
    expect(
      screen.getByRole("button", { name: "upper left first molar (26): Caries" }),
    ).toBeTruthy();
    expect(screen.getByTestId("tooth-26").getAttribute("data-status")).toBe("caries");
  });

  describe("when using the keyboard", () => {
    it("keeps one tab stop and moves with the arrow keys, across the midline and between jaws", () => {
      render(<Harness />);
      const tabbable = screen.getAllByRole("button").filter((button) => button.tabIndex === 0);
      expect(tabbable.map((b) => b.textContent)).toEqual(["11"]);
      fireEvent.click(screen.getByTestId("tooth-11"));
      fireEvent.keyDown(screen.getByTestId("tooth-11"), { key: "ArrowRight" });
      expect(screen.getByTestId("tooth-21").getAttribute("aria-pressed")).toBe("true");
      expect(document.activeElement).toBe(screen.getByTestId("tooth-21"));
      fireEvent.keyDown(screen.getByTestId("tooth-21"), { key: "ArrowDown" });
      expect(screen.getByTestId("tooth-31").getAttribute("aria-pressed")).toBe("true");
      fireEvent.keyDown(screen.getByTestId("tooth-31"), { key: "ArrowLeft" });
      expect(screen.getByTestId("tooth-41").getAttribute("aria-pressed")).toBe("true");
    });
  });
});
