// A min-heap of timed events for the simulator: earliest first, and in insertion order at equal times
// so a run is repeatable.

interface Timed<T> {
  at: number;
  seq: number;
  event: T;
}

export class EventQueue<T> {
  #heap: Timed<T>[] = [];
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(at: number, event: T): void {
    const heap = this.#heap;
    heap.push({ at, seq: this.#seq++, event });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  peekTime(): number | undefined {
    return this.#heap[0]?.at;
  }

  pop(): { at: number; event: T } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && this.#before(heap[left]!, heap[least]!)) least = left;
        if (right < heap.length && this.#before(heap[right]!, heap[least]!)) least = right;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least]!, heap[i]!];
        i = least;
      }
    }
    return { at: top.at, event: top.event };
  }

  #before(a: Timed<T>, b: Timed<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}
