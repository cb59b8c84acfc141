import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type LookupFunction, isIP } from 'node:net';
import { type HostResolver, hostOf } from '../access/target-addresses.js';
import { isPrivateAddress, webhookUrl } from '../domain/webhook-target.js';
import { signaturesOf } from './webhook-signature.js';

/** What one attempt sends. */
export interface Post {
  url: string;
  event: string;
  deliveryId: string;
  secret: string;
  /** A rotated-out secret still signing (secret-overlap.ts): its signature follows the new one's. */
  previousSecret?: string;
  body: string;
}

/** What came of one attempt: the answer's status code, or why there was none. */
export interface PostOutcome {
  statusCode: number | null;
  /** Why no answer came (no host, a refused target or connection, a timeout); null when one did. */
  error: string | null;
}

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  resolve: HostResolver;
}

/**
 * The connection's own lookup: the host is resolved here, every address it resolves to is
 * judged, and the socket goes to the address judged, so a name cannot be re-pointed between the
 * check and the connection. No answer, or any private address, and no connection is made.
 */
export const checkedLookup =
  (resolve: HostResolver, allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new Error(`${hostname} resolves to no address`);
        if (!allowPrivate && addresses.some(isPrivateAddress)) throw new Error(`${hostname} resolves to a private address`);
        const [address] = addresses;
        if (options.all) callback(null, [{ address, family: isIP(address) }]);
        else callback(null, address, isIP(address));
      })
      .catch((error: Error) => callback(Object.assign(error, { code: 'ENOTFOUND' }), '', 0));
  };

const failed = (error: string): PostOutcome => ({ statusCode: null, error: error.slice(0, 200) });

/**
 * POSTs a delivery and answers the status code, or why there was none: the target may not be
 * reached, or did not answer in time (or at all). Redirects are not followed: a 3xx is an answer like any other.
 */
export const postDelivery = (post: Post, { timeoutMs, allowPrivate, resolve }: PostOptions): Promise<PostOutcome> => {
  let target: URL;
  try {
    const host = hostOf(post.url);
    webhookUrl({ url: post.url, resolvedAddresses: host && isIP(host) ? [host] : [], allowPrivate });
    target = new URL(post.url);
  } catch (error) {
    return Promise.resolve(failed(`refused: ${(error as Error).message}`));
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((settle) => {
    const request = send(
      target,
      {
        method: 'POST',
        // A connection of its own each time: a pooled one would skip the lookup that judges the address.
        agent: false,
        lookup: checkedLookup(resolve, allowPrivate),
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(post.body),
          'user-agent': 'customer-feedback-ledger-webhooks',
          'x-ledger-event': post.event,
          'x-ledger-delivery': post.deliveryId,
          'x-ledger-signature': signaturesOf([post.secret, post.previousSecret], post.body),
        },
      },
      (response) => {
        response.resume();
        settle({ statusCode: response.statusCode ?? null, error: null });
      },
    );
    const late = new Error(`no answer within ${timeoutMs} ms`);
    const deadline = setTimeout(() => request.destroy(late), timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(late));
    request.on('error', (error) => settle(failed(error.message)));
    request.end(post.body);
  });
};
