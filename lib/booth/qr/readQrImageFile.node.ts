import { readFile } from "node:fs/promises";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { BaseError } from "#lib/errors/base.ts";
import { decodeQrImageData } from "./decodeQrImageData.ts";

/** The image could not be read, or holds no QR code that could be found. */
export class QrImageError extends BaseError {
  override name = "QrImageError";
  constructor(reason: string, parameters: { cause?: unknown } = {}) {
    super(`Cannot read a QR code from the image: ${reason}.`, parameters);
  }
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Whether `bytes` look like a PNG or JPEG file (by magic number, not by file name). */
export function isQrImage(bytes: Uint8Array): boolean {
  return startsWith(bytes, PNG_MAGIC) || startsWith(bytes, JPEG_MAGIC);
}

/**
 * Decodes the QR code in a PNG or JPEG file with pure-JS decoders (pngjs, jpeg-js) and jsQR.
 * Throws `QrImageError` for an unreadable image or one without a QR code.
 *
 * @example
 * const text = await readQrImageFile("member-phone.png") // "bdp1.…"
 */
export async function readQrImageFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new QrImageError(`cannot read ${path}`, { cause });
  }
  let image: { data: Uint8Array; width: number; height: number };
  try {
    if (startsWith(bytes, PNG_MAGIC)) image = PNG.sync.read(bytes);
    else if (startsWith(bytes, JPEG_MAGIC))
      image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    else throw new QrImageError(`${path} is neither PNG nor JPEG`);
  } catch (cause) {
    if (cause instanceof QrImageError) throw cause;
    throw new QrImageError(`${path} is a damaged image`, { cause });
  }
  const text = decodeQrImageData({
    data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    width: image.width,
    height: image.height,
  });
  if (text === null) throw new QrImageError(`no QR code found in ${path}`);
  return text;
}
