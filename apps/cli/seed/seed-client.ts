/** Sends GraphQL over HTTP as one of the story's people: the seed goes through the public API. */
export class SeedClient {
  constructor(
    private readonly url: string,
    private readonly tokens: Record<string, string>,
  ) {}

  async as<Data = Record<string, unknown>>(person: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.tokens[person]}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as { data?: Data; errors?: unknown[] };
    if (answer.errors) throw new Error(`seed step failed: ${JSON.stringify(answer.errors)}`);
    return answer.data as Data;
  }

  /** Runs `mutation($input: XInput!) { field(input: $input) { <selection> } }` and returns the field. */
  async mutate<Data = Record<string, { id: string }>>(
    person: string,
    field: string,
    inputType: string,
    input: Record<string, unknown>,
    selection: string,
  ): Promise<Data> {
    const data = await this.as<Record<string, Data>>(
      person,
      `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
      { input },
    );
    return data[field];
  }
}
