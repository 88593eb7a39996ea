import { createServer } from "node:net";

/**
 * Whether `host:port` can be bound right now. Binding (rather than connecting) is the question
 * the child will ask, so the answer matches what it will see.
 *
 * @example
 * if (!(await isPortFree("127.0.0.1", 5173))) throw new PortBusyError(...)
 */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
      else reject(error);
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
