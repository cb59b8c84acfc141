import { categoryOfStream, entityOfStream, idOfStream, isStreamCategory, streamName } from './ids.js';

describe('stream names', () => {
  const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  it('cut a stream into its kind and its id, which may hold dashes', () => {
    expect(categoryOfStream(streamName('budget', id))).toBe('budget');
    expect(idOfStream(streamName('budget', id))).toBe(id);
  });

  it('read a name without a dash as a kind of its own', () => {
    expect(categoryOfStream('orphan')).toBe('orphan');
    expect(entityOfStream('orphan')).toEqual({ entity: 'orphan', id: 'orphan' });
  });

  it('name the entity a stream is the history of, and an unknown kind by itself', () => {
    expect(entityOfStream(streamName('budget', id))).toEqual({ entity: 'ProjectBudget', id });
    expect(entityOfStream(`ticket-${id}`)).toEqual({ entity: 'ticket', id });
  });

  it('know only the kinds the ledger writes, not names an object inherits', () => {
    expect(isStreamCategory('session')).toBe(true);
    expect(isStreamCategory('Session')).toBe(false);
    expect(isStreamCategory('constructor')).toBe(false);
    expect(entityOfStream(`constructor-${id}`).entity).toBe('constructor');
  });
});
