// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { emptyDraft } from "../../lib/record/recordDraft.ts";
import { RecordForm } from "./RecordForm.tsx";

const setup = () => {
  const onSubmit = vi.fn();
  render(
    <RecordForm
      initial={emptyDraft(new Date("2026-05-01T10:00:00Z"))}
      submitLabel="Save"
      busy={false}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
};

describe("RecordForm", () => {
  describe("when a required field is missing", () => {
    it("does not submit and names the field next to it and in the summary", () => {
      const onSubmit = setup();
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
      expect(onSubmit).not.toHaveBeenCalled();
      expect(screen.getByTestId("form-errors").textContent).toMatch(/Practitioner/);
      expect(screen.getByLabelText("Practitioner").getAttribute("aria-invalid")).toBe("true");
    });
  });

  describe("when a tooth's measurement is wrong", () => {
    it("opens that tooth and shows the error there", () => {
      const onSubmit = setup();
      fireEvent.change(screen.getByLabelText("Practitioner"), {
        target: { value: "Dr. Liora Voss" },
      });
      fireEvent.click(screen.getByTestId("tooth-36"));
      fireEvent.change(screen.getByTestId("tooth-status"), { target: { value: "filled" } });
      fireEvent.change(screen.getByTestId("tooth-depths"), { target: { value: "3, 30" } });
      fireEvent.click(screen.getByTestId("tooth-11"));
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
      expect(onSubmit).not.toHaveBeenCalled();
      expect(screen.getByTestId("tooth-36").getAttribute("aria-pressed")).toBe("true");
      expect(screen.getByTestId("tooth-editor").textContent).toMatch(/20 mm/);
    });
  });

  describe("when the form is valid", () => {
    it("submits the shared schema's record input with the files", () => {
      const onSubmit = setup();
      fireEvent.change(screen.getByLabelText("Practitioner"), {
        target: { value: "Dr. Liora Voss" },
      });
      fireEvent.click(screen.getByTestId("tooth-16"));
      fireEvent.change(screen.getByTestId("tooth-status"), { target: { value: "filled" } });
      fireEvent.click(screen.getByTestId("add-biome"));
      fireEvent.change(screen.getByTestId("biome-taxon-0"), {
        target: { value: "Veillonella parvula" },
      });
      fireEvent.change(screen.getByTestId("biome-percent-0"), { target: { value: "12" } });
      fireEvent.click(screen.getByTestId("mood-4"));
      const file = new File([new Uint8Array([1, 2, 3])], "xray.png", { type: "image/png" });
      fireEvent.change(screen.getByTestId("attachment-input"), { target: { files: [file] } });
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
      expect(onSubmit).toHaveBeenCalledTimes(1);
      const { input, files } = onSubmit.mock.calls[0]![0];
      expect(input.practitioner).toEqual({ name: "Dr. Liora Voss" });
      expect(input.teeth).toEqual([{ tooth: 16, status: "filled" }]);
      expect(input.oralBiome).toEqual([{ taxon: "Veillonella parvula", relativeAbundance: 0.12 }]);
      expect(input.wellness).toEqual({ mood: 4 });
      expect(files.map((f: File) => f.name)).toEqual(["xray.png"]);
    });
  });
});
