/**
 * A decider is the whole behaviour of one stream: `decide` turns a command and the current
 * state into new events (or throws a DomainError), `evolve` folds one event into the state.
 * Both are pure: no I/O, no clock — the time a command happened travels inside the command.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
}

/** A domain event as deciders see it: a literal type and its data, nothing of storage. */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
}

export const foldEvents = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
