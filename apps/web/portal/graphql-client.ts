/** A GraphQL error as the API maps it: extensions.code is one of the documented codes. */
export interface GraphQLError {
  message: string;
  extensions?: { code?: string; rule?: string };
}

/** The API refused or failed an operation; views show the message, sign-in handles UNAUTHENTICATED. */
export class GraphQLFailure extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  /** The caller is no member of the project (any longer): no retry can help. */
  get noMember(): boolean {
    return this.errors[0]?.extensions?.rule === 'projectMember';
  }
}

export type Variables = Record<string, unknown>;

/**
 * No answer at all (the network is down, the service restarting): said in words, not as the
 * browser's "Failed to fetch", and as something that passes.
 */
export const UNREACHABLE = 'The service cannot be reached (the network, or the service restarting); try again in a moment.';

/**
 * The page's one way to speak to the API: POST /graphql with the user's bearer token. A token
 * the API no longer accepts (expired, or signed with another secret) is told to `unauthenticated`
 * at once, whichever panel or button asked: the page signs out rather than fill with errors.
 */
export class GraphQLClient {
  constructor(
    private readonly token: string,
    private readonly unauthenticated: () => void = () => undefined,
    private readonly endpoint = '/graphql',
  ) {}

  async request<Data>(document: string, variables: Variables = {}): Promise<Data> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query: document, variables }),
    }).catch(() => {
      throw new Error(UNREACHABLE);
    });
    const unreadable = { errors: [{ message: `The service answered HTTP ${response.status}, not GraphQL; try again in a moment.` }] };
    const answer = (await response.json().catch(() => unreadable)) as {
      data?: Data;
      errors?: GraphQLError[];
    };
    if (answer.errors?.length) {
      const failure = new GraphQLFailure(answer.errors);
      if (failure.code === 'UNAUTHENTICATED') this.unauthenticated();
      throw failure;
    }
    return answer.data as Data;
  }
}
