/**
 * A minimal push-to-pull bridge: busboy pushes parts from events, the importer pulls them as an
 * async iterable, one at a time (busboy cannot produce part N+1 before part N's stream is read).
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #failWaiting: ((error: unknown) => void) | undefined;
  #ended = false;
  #error: unknown;

  push(item: T): void {
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#clearWaiting();
      resolve({ value: item, done: false });
    } else {
      this.#items.push(item);
    }
  }

  end(): void {
    this.#ended = true;
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#clearWaiting();
      resolve({ value: undefined, done: true });
    }
  }

  fail(error: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    if (this.#failWaiting) {
      const reject = this.#failWaiting;
      this.#clearWaiting();
      reject(error);
    }
  }

  #clearWaiting(): void {
    this.#waiting = undefined;
    this.#failWaiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.#items.length > 0)
          return Promise.resolve({ value: this.#items.shift()!, done: false });
        if (this.#error !== undefined) return Promise.reject(this.#error);
        if (this.#ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise<IteratorResult<T>>((resolve, reject) => {
          this.#waiting = resolve;
          this.#failWaiting = reject;
        });
      },
    };
  }
}
