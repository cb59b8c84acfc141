/**
 * The one error type of the product. Its code maps once to GraphQL `extensions.code`;
 * `details` carries what a client needs to act (the field, the rule, the current revision).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RULE_VIOLATED'
  | 'RATE_LIMITED'
  | 'NOT_YET_READABLE'
  | 'UNAVAILABLE';

/** Ids are UUIDs (36 characters); a refusal echoes at most this much of one. */
const LONGEST_ECHOED_ID = 100;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same refusal, naming the input it is about (where the rule that made it could not know it). */
  about(field: string): DomainError {
    return new DomainError(this.code, this.message, { ...this.details, field });
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }

  /**
   * An id no entity has; a long one (ids are UUIDs) is echoed cut short, so a refusal never carries
   * the megabyte it was sent. `expected` says what the id may name, where the entity is one of several kinds.
   */
  static notFound(entity: string, id: string, expected?: string): DomainError {
    const shown = id.length > LONGEST_ECHOED_ID ? `${id.slice(0, LONGEST_ECHOED_ID)}…` : id;
    return new DomainError('NOT_FOUND', `${entity} ${shown} does not exist${expected ? `: ${expected}` : ''}`, { entity, id: shown });
  }

  /** `field` names the input the rule is about, where it is one: a portal marks that field. */
  static ruleViolated(rule: string, message: string, field?: string): DomainError {
    return new DomainError('RULE_VIOLATED', message, field === undefined ? { rule } : { rule, field });
  }

  /** `rule` names the rule of the role table (or of the customer's view) that refuses the caller. */
  static forbidden(message: string, rule?: string): DomainError {
    return new DomainError('FORBIDDEN', message, rule === undefined ? {} : { rule });
  }

  /**
   * The command was accepted (its events are in the log at `position`) but the read models did
   * not apply them in time to answer from them: the client reads again with `x-min-position`.
   */
  static notYetReadable(position: bigint, what: string): DomainError {
    return new DomainError(
      'NOT_YET_READABLE',
      `Accepted at position ${position}, but ${what} is not readable yet; read it again with x-min-position: ${position}`,
      { position: position.toString() },
    );
  }

  /** This instance may not take the command now (nothing was done): another one may. */
  static unavailable(message: string): DomainError {
    return new DomainError('UNAVAILABLE', message);
  }

  /** The sender saw an older revision of the entity (the portal's count: its events so far). */
  static staleEntity(entity: string, id: string, currentRevision: number): DomainError {
    return new DomainError('CONFLICT', `${entity} ${id} was changed by someone else; it is now at revision ${currentRevision}`, {
      entity,
      id,
      currentRevision,
    });
  }

  /**
   * The revision a sender expected, where it is not the entity's: an older one is a CONFLICT
   * (staleEntity: someone changed it since), but one past the current was never given out, so no
   * one changed anything: a slip of the sender's, refused naming the field.
   */
  static unexpectedRevision(entity: string, id: string, currentRevision: number, expectedRevision: number): DomainError {
    if (expectedRevision <= currentRevision) return DomainError.staleEntity(entity, id, currentRevision);
    return DomainError.badInput(
      'expectedRevision',
      `is ${expectedRevision}, past ${entity} ${id}'s current revision ${currentRevision}: no such revision was ever given out; send the revision you read`,
    );
  }

  /** Facts of a kind the decision read whole (a project's sessions) changed before it landed. */
  static changedMeanwhile(entity: string, id: string, what: string): DomainError {
    return new DomainError('CONFLICT', `${entity} ${id} gained ${what} while this was decided: nothing was done; send it again`, {
      entity,
      id,
    });
  }

  /**
   * `lostRace`: the sender expected no revision, but other commands kept changing the stream
   * while this one was decided (every try): nothing was done, and sending it again is the answer.
   */
  static conflict(
    stream: string,
    currentRevision: number,
    { lostRace = false, expected }: { lostRace?: boolean; expected?: number } = {},
  ): DomainError {
    return new DomainError('CONFLICT', `${stream} was changed by someone else; it is now at revision ${currentRevision}`, {
      stream,
      currentRevision,
      ...(lostRace ? { lostRace } : {}),
      ...(expected === undefined ? {} : { expected }),
    });
  }

  /** The sender's command lost every try to other commands on the entity (conflict's `lostRace`). */
  static lostRace(entity: string, id: string, currentRevision: number): DomainError {
    return new DomainError(
      'CONFLICT',
      `${entity} ${id} was changed by other commands while this one was decided; it is now at revision ${currentRevision}: nothing was done, send it again`,
      { entity, id, currentRevision },
    );
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
