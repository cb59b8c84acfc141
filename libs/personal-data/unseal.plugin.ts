import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { PersonalData } from './personal-data.service.js';

/**
 * The one place sealed personal data is opened for readers: every string of every GraphQL
 * response (data and error messages, tokens inside sentences too) is unsealed to plaintext, or
 * to [forgotten] when the key is gone, with one batched key lookup per response. Resolvers and
 * mappers never see plaintext, so nothing filters or sorts on it. Answers over graphql-ws do not
 * pass through here: the socket's transport opens them the same way (GraphqlWsTransport).
 */
@Plugin()
export class UnsealPlugin implements ApolloServerPlugin {
  constructor(private readonly personalData: PersonalData) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    const personalData = this.personalData;
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        response.body.singleResult = await personalData.unseal(response.body.singleResult);
      },
    };
  }
}
