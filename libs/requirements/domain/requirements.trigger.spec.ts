import { readTrigger, triggerChannelOf } from './requirements.events.js';

describe('how a requirement change counts', () => {
  it('counts a session as DIRECT, a request by its channel, neither as no channel', () => {
    expect(triggerChannelOf({ kind: 'SESSION', sessionId: 's-1' })).toBe('DIRECT');
    expect(triggerChannelOf({ kind: 'REQUEST', requestId: 'r-1', channel: 'PROXY' })).toBe('PROXY');
    expect(triggerChannelOf({ kind: 'INTERNAL' })).toBeNull();
  });

  it('reads a request named with a session, as recorded before the session won, as the session', () => {
    const recorded = { kind: 'REQUEST' as const, requestId: 'r-1', channel: 'PROXY' as const, sessionId: 's-1' };
    expect(readTrigger(recorded)).toEqual({ kind: 'SESSION', sessionId: 's-1', requestId: 'r-1' });
    expect(triggerChannelOf(recorded)).toBe('DIRECT');
  });

  it('reads a removal recorded without a trigger as INTERNAL', () => {
    expect(readTrigger(undefined)).toEqual({ kind: 'INTERNAL' });
  });
});
