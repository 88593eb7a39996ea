import { type DragEvent, useId, useRef, useState } from "react";
import { formatBytes } from "../../lib/format/time.ts";

export type AttachmentDropzoneProps = {
  files: readonly File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
};

/** Drag and drop (or pick) photos, scans, PDFs: any type, any size; they are encrypted with the record. */
export function AttachmentDropzone({ files, onChange, error }: AttachmentDropzoneProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const add = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    onChange([...files, ...Array.from(list)]);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setActive(false);
    add(event.dataTransfer.files);
  };
  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        Attachments
      </span>
      <div
        className={`dropzone ${active ? "active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setActive(true);
        }}
        onDragLeave={() => setActive(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>Drop photos, scans or PDFs here</p>
        <button
          type="button"
          className="button secondary small"
          onClick={() => input.current?.click()}
          aria-describedby={`${id}-label`}
        >
          Choose files
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          onChange={(event) => add(event.target.files)}
          data-testid="attachment-input"
          aria-labelledby={`${id}-label`}
        />
        <p className="hint">
          Encrypted in your browser with the record. Nothing is uploaded in clear.
        </p>
      </div>
      {files.length > 0 ? (
        <ul className="file-list" aria-label="Attached files">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>
                {file.name} <span className="muted">({formatBytes(file.size)})</span>
              </span>
              <button
                type="button"
                className="button-link"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                aria-label={`Remove ${file.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
