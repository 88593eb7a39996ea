import path from "node:path";

const TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".stl": "model/stl",
  ".ply": "application/ply",
  ".obj": "model/obj",
  ".dcm": "application/dicom",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
  ".mp4": "video/mp4",
};

/** The media type recorded for an attachment, from its extension (the record keeps it for viewers). */
export function mediaTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}
