import { LiveSubscriptions, type SocketOperations } from './live-subscriptions.js';

/** A socket as graphql-ws records it, and the subscribe messages' payloads sent on it. */
const socketOf = () => {
  const socket: SocketOperations = { subscriptions: {} };
  const payloads = new Map<string, object>();
  const payload = (id: string): object => payloads.get(id) ?? payloads.set(id, { query: id }).get(id)!;
  return {
    socket,
    payload,
    subscribe: (live: LiveSubscriptions, userId: string, id: string) => {
      socket.subscriptions[id] = null;
      return live.open(socket, userId, id, payload(id));
    },
  };
};

describe('LiveSubscriptions', () => {
  const caps = { perSocket: 2, perUser: 3 };

  it('refuses a subscription over the cap of its socket, naming the cap, and takes one again once a slot is freed', () => {
    const live = new LiveSubscriptions(caps);
    const one = socketOf();
    expect(one.subscribe(live, 'ada', '1')).toBeUndefined();
    expect(one.subscribe(live, 'ada', '2')).toBeUndefined();
    const refusal = one.subscribe(live, 'ada', '3');
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED', details: { rule: 'maxSubscriptionsPerSocket' } });
    expect(refusal?.message).toBe('At most 2 subscriptions may be live on one socket: complete one before starting another');
    live.close(one.socket, one.payload('1'));
    expect(one.subscribe(live, 'ada', '3')).toBeUndefined();
  });

  it('frees the slot of one the client completed before its completion comes, so subscribing again at once is taken', () => {
    const live = new LiveSubscriptions(caps);
    const one = socketOf();
    one.subscribe(live, 'ada', '1');
    one.subscribe(live, 'ada', '2');
    delete one.socket.subscriptions['1']; // graphql-ws forgets it as the client's complete arrives
    expect(one.subscribe(live, 'ada', '3')).toBeUndefined();
    live.close(one.socket, one.payload('1')); // its completion, a moment later, frees nothing more
    expect(one.subscribe(live, 'ada', '4')).toMatchObject({ details: { rule: 'maxSubscriptionsPerSocket' } });
  });

  it("counts a user's subscriptions over all their sockets, and no other user's", () => {
    const live = new LiveSubscriptions(caps);
    const [first, second, third] = [socketOf(), socketOf(), socketOf()];
    first.subscribe(live, 'ada', '1');
    first.subscribe(live, 'ada', '2');
    second.subscribe(live, 'ada', '1');
    expect(second.subscribe(live, 'ada', '2')).toMatchObject({ details: { rule: 'maxSubscriptionsPerUser' } });
    expect(third.subscribe(live, 'bo', '1')).toBeUndefined();
    live.closeAll(first.socket);
    expect(second.subscribe(live, 'ada', '2')).toBeUndefined();
  });

  it('frees a slot once, whether the subscription completes first or its socket closes first', () => {
    const live = new LiveSubscriptions({ perSocket: 5, perUser: 2 });
    const one = socketOf();
    one.subscribe(live, 'ada', '1');
    one.subscribe(live, 'ada', '2');
    live.closeAll(one.socket);
    live.close(one.socket, one.payload('1')); // its completion after the close
    live.close({ subscriptions: {} }, one.payload('2')); // a socket that holds nothing
    const other = socketOf();
    other.subscribe(live, 'ada', '1');
    other.subscribe(live, 'ada', '2');
    expect(other.subscribe(live, 'ada', '3')).toMatchObject({ details: { rule: 'maxSubscriptionsPerUser' } });
  });
});
