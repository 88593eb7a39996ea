import jsQR from "jsqr";

export type DecodeQrImageDataParameters = {
  /** RGBA pixels, row by row (what a canvas's `getImageData` and the Node decoders give). */
  data: Uint8ClampedArray;
  width: number;
  height: number;
};

/**
 * The text of the QR code in an image, or `null` if none is found. Uses jsQR, which runs the
 * same in a browser (image upload on the kiosk) and in Node (the command line).
 *
 * @example
 * const text = decodeQrImageData(canvas.getContext("2d").getImageData(0, 0, w, h))
 */
export function decodeQrImageData({
  data,
  width,
  height,
}: DecodeQrImageDataParameters): string | null {
  const code = jsQR(data, width, height, { inversionAttempts: "attemptBoth" });
  return code === null ? null : code.data;
}
