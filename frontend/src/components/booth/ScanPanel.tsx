import { type FormEvent, useRef, useState } from "react";
import { useBoothCamera } from "../../hooks/useBoothCamera.ts";
import { createCameraRepeatFilter } from "./cameraRepeatFilter.ts";
import { readQrFromImageFile } from "./readQrFromImageFile.ts";
import "./booth.css";

export type ScanPanelProps = {
  /** Called with every scanned, pasted or uploaded text. */
  onScan: (text: string, source: "camera" | "paste" | "image") => void;
  /** While false (a verdict is on screen), camera reads are ignored. */
  accepting: boolean;
};

/** Ignore the same text from the camera for this long: the code is still in front of the lens. */
const CAMERA_REPEAT_MS = 8000;

/**
 * Three ways in: the camera (continuous), pasting the text or link, and uploading a photo or
 * screenshot of the code. A code held in front of the camera is reported once, not every frame
 * (else the second frame would read as a replay); pasting or uploading it again is deliberate.
 */
export function ScanPanel({ onScan, accepting }: ScanPanelProps) {
  const repeatFilter = useRef(createCameraRepeatFilter(CAMERA_REPEAT_MS));
  const acceptingRef = useRef(accepting);
  acceptingRef.current = accepting;
  const camera = useBoothCamera((text) => {
    if (!acceptingRef.current || !repeatFilter.current(text, Date.now())) return;
    onScan(text, "camera");
  });
  const [pasted, setPasted] = useState("");
  const [imageError, setImageError] = useState<string>();

  const submitPaste = (event: FormEvent) => {
    event.preventDefault();
    const text = pasted.trim();
    if (!text) return;
    setPasted("");
    onScan(text, "paste");
  };

  const upload = async (file: File | undefined) => {
    setImageError(undefined);
    if (!file) return;
    try {
      const text = await readQrFromImageFile(file);
      if (text === null)
        setImageError("No QR code found in that image. Try a sharper, closer photo.");
      else onScan(text, "image");
    } catch {
      setImageError("That file could not be read as an image.");
    }
  };

  return (
    <div className="booth-scan">
      <section className="card" aria-labelledby="scan-camera">
        <h2 id="scan-camera">Scan with the camera</h2>
        <video
          ref={camera.videoRef}
          hidden={camera.state !== "scanning" && camera.state !== "starting"}
          aria-label="Camera preview"
        />
        {camera.state === "error" ? (
          <p className="field-error" role="alert">
            The camera could not start (
            {camera.error instanceof Error ? camera.error.name : "unknown error"}). Allow camera
            access, or paste or upload the code below.
          </p>
        ) : null}
        <div className="actions">
          {camera.state === "scanning" || camera.state === "starting" ? (
            <button
              type="button"
              className="button secondary booth-big-button"
              onClick={camera.stop}
            >
              Stop camera
            </button>
          ) : (
            <button
              type="button"
              className="button booth-big-button"
              onClick={() => void camera.start()}
              data-testid="start-camera"
            >
              Start camera
            </button>
          )}
          {camera.engine ? (
            <span className="hint">
              Scanner: {camera.engine === "barcode-detector" ? "built-in" : "ZXing"}
            </span>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="scan-other">
        <h2 id="scan-other">Or paste or upload it</h2>
        <form onSubmit={submitPaste}>
          <label className="field">
            <span>Code or link</span>
            <textarea
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              placeholder="bdp1.… or https://…/verify#bdp1.…"
              rows={3}
              spellCheck={false}
              autoCapitalize="off"
              data-testid="paste-input"
            />
          </label>
          <button
            type="submit"
            className="button"
            disabled={!pasted.trim()}
            data-testid="paste-verify"
          >
            Verify
          </button>
        </form>
        <label className="field" style={{ marginTop: "1rem" }}>
          <span>Photo or screenshot of the QR code</span>
          <input
            type="file"
            accept="image/*"
            data-testid="image-upload"
            onChange={(event) => {
              const input = event.currentTarget;
              void upload(input.files?.[0]).finally(() => (input.value = ""));
            }}
          />
        </label>
        {imageError ? (
          <p className="field-error" role="alert">
            {imageError}
          </p>
        ) : null}
      </section>
    </div>
  );
}
