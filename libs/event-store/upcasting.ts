import type { RecordedEvent } from './event-store.js';

/**
 * Turns one stored schema version of an event type into the next. Old events are never
 * rewritten: they are upcast on every read, step by step, to the current version.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export class Upcasters {
  private readonly byTypeAndVersion = new Map<string, Upcaster>();
  private readonly currentVersions = new Map<string, number>();

  constructor(upcasters: Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): void {
    this.byTypeAndVersion.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
    const next = upcaster.fromVersion + 1;
    this.currentVersions.set(upcaster.type, Math.max(next, this.currentVersionOf(upcaster.type)));
  }

  currentVersionOf(type: string): number {
    return this.currentVersions.get(type) ?? 1;
  }

  apply(event: RecordedEvent): RecordedEvent {
    let { data, schemaVersion } = event;
    for (;;) {
      const step = this.byTypeAndVersion.get(`${event.type}@${schemaVersion}`);
      if (!step) break;
      data = step.upcast(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
