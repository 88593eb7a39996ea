/** Progress of a record flow, for progress bars (CLI) and step indicators (app). */
export type RecordProgress =
  | { stage: "encrypt-upload"; bytesDone: number; bytesTotal: number | undefined }
  | { stage: "download"; bytesDone: number; bytesTotal: number | undefined }
  | {
      stage: "transaction";
      functionName: string;
      phase: "simulate" | "sign" | "confirm";
      hash?: `0x${string}` | undefined;
    }
  | { stage: "unpin"; cid: string };

export type OnRecordProgress = ((progress: RecordProgress) => void) | undefined;
