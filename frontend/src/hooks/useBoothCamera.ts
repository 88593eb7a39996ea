import { useCallback, useEffect, useRef, useState } from "react";

export type BoothCameraState = "off" | "starting" | "scanning" | "error";
export type BoothCameraEngine = "barcode-detector" | "zxing";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorConstructor = {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
};

/** The browser's own QR detector (Chrome on Android, Safari 17+), or undefined. */
async function nativeDetector(): Promise<Detector | undefined> {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  if (!Ctor) return undefined;
  try {
    return (await Ctor.getSupportedFormats()).includes("qr_code")
      ? new Ctor({ formats: ["qr_code"] })
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Continuous QR scanning from the back camera: the BarcodeDetector API where the browser has one
 * (fast, native), else @zxing/browser, loaded only then. `onText` gets every decoded text; the
 * caller decides what a repeat means.
 */
export function useBoothCamera(onText: (text: string) => void) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<BoothCameraState>("off");
  const [engine, setEngine] = useState<BoothCameraEngine | undefined>();
  const [error, setError] = useState<unknown>();
  const stopRef = useRef<() => void>(() => {});
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  const stop = useCallback(() => {
    stopRef.current();
    stopRef.current = () => {};
    setState("off");
  }, []);

  const start = useCallback(async () => {
    stop();
    setState("starting");
    setError(undefined);
    let stream: MediaStream | undefined;
    let stopped = false;
    let stopScanner = () => {};
    stopRef.current = () => {
      stopped = true;
      stopScanner();
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (videoRef.current) videoRef.current.srcObject = null;
    };
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" } },
        audio: false,
      });
      const video = videoRef.current;
      if (stopped || !video) return stopRef.current();
      video.srcObject = stream;
      video.muted = true;
      video.playsInline = true;
      await video.play();
      const detector = await nativeDetector();
      if (detector) {
        setEngine("barcode-detector");
        const timer = setInterval(() => {
          if (video.readyState < 2) return;
          detector.detect(video).then(
            (codes) => codes[0] && onTextRef.current(codes[0].rawValue),
            () => undefined,
          );
        }, 150);
        stopScanner = () => clearInterval(timer);
      } else {
        setEngine("zxing");
        const { BrowserQRCodeReader } = await import("@zxing/browser");
        if (stopped) return;
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
        const controls = await reader.decodeFromStream(stream, video, (result) => {
          if (result) onTextRef.current(result.getText());
        });
        stopScanner = () => controls.stop();
      }
      if (!stopped) setState("scanning");
    } catch (cause) {
      stopRef.current();
      setError(cause);
      setState("error");
    }
  }, [stop]);

  useEffect(() => () => stopRef.current(), []);

  return { videoRef, state, engine, error, start, stop };
}
