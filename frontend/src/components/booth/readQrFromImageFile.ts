/**
 * The text of the QR code in an uploaded photo or screenshot, or null. Decoded with jsQR (the
 * shared library's decoder, loaded only when a file is picked) from the image's pixels, scaled
 * down first so a 12-megapixel photo does not stall a tablet.
 */
export async function readQrFromImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("this browser cannot read image pixels");
  context.imageSmoothingEnabled = false;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { decodeQrImageData } = await import("#lib/booth/qr/decodeQrImageData.ts");
  return decodeQrImageData(context.getImageData(0, 0, width, height));
}
