import { FORGOTTEN } from '@cf/core';
import type { ContactEvent, ContactRole } from './contacts.events.js';

export interface ContactState {
  readonly exists: boolean;
  readonly contactId: string;
  readonly projectId: string;
  readonly name: string;
  readonly email?: string;
  readonly organisation?: string;
  readonly department?: string;
  readonly role: ContactRole;
  readonly canApproveScope: boolean;
  readonly forgotten: boolean;
}

export const initialContactState = (): ContactState => ({
  exists: false,
  contactId: '',
  projectId: '',
  name: '',
  role: 'OTHER',
  canApproveScope: false,
  forgotten: false,
});

export const evolveContact = (state: ContactState, event: ContactEvent): ContactState => {
  switch (event.type) {
    case 'ContactRegistered': {
      const { at: _at, ...fields } = event.data;
      return { ...initialContactState(), ...fields, exists: true };
    }
    case 'ContactRevised': {
      const { role, canApproveScope, department, organisation } = event.data;
      return {
        ...state,
        ...(role === undefined ? {} : { role }),
        ...(canApproveScope === undefined ? {} : { canApproveScope }),
        ...(department === undefined ? {} : { department: department ?? undefined }),
        ...(organisation === undefined ? {} : { organisation: organisation ?? undefined }),
      };
    }
    case 'ContactForgotten':
      // The person's data is shredded: the state keeps only what is not personal.
      return {
        exists: true,
        contactId: state.contactId,
        projectId: state.projectId,
        name: FORGOTTEN,
        role: state.role,
        canApproveScope: state.canApproveScope,
        forgotten: true,
      };
    default:
      return state;
  }
};
