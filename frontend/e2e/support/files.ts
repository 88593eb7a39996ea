import { PNG } from "pngjs";
import type { FormAttachment } from "./flows.ts";

/**
 * A small real PNG (a gradient with a tooth-white disc), so the attachment is an image a viewer
 * can show, and its bytes are known for the download check.
 *
 * @example
 * await input.setInputFiles(makePngAttachment("xray.png"))
 */
export function makePngAttachment(name = "bitewing-xray.png", size = 48): FormAttachment {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      const inDisc = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2;
      png.data[offset] = inDisc ? 250 : (x * 255) / size;
      png.data[offset + 1] = inDisc ? 248 : (y * 255) / size;
      png.data[offset + 2] = inDisc ? 240 : 160;
      png.data[offset + 3] = 255;
    }
  }
  return { name, mimeType: "image/png", buffer: PNG.sync.write(png) };
}
