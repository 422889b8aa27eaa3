// A tiny typed event emitter for the call layer: `on` returns its own unsubscribe function.
type Handlers<Events> = { [K in keyof Events]: (...args: never[]) => void };

export class Emitter<Events extends Handlers<Events>> {
  private readonly listeners = new Map<keyof Events, Set<Events[keyof Events]>>();

  on<K extends keyof Events>(event: K, listener: Events[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  protected emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) (listener as (...a: Parameters<Events[K]>) => void)(...args);
  }

  protected removeAllListeners(): void {
    this.listeners.clear();
  }
}
