import { h } from './elements.js';
import { type Session, sessionOf } from './session.js';

/**
 * The sign-in box, for a page opened without `#token=…`: paste the token, the `Bearer …` or
 * the whole `Authorization: Bearer …` line that `npm start` or `npm run seed` print.
 */
export const signInForm = (onSignIn: (session: Session) => void, problem?: string): HTMLElement => {
  const message = h('p', { id: 'sign-in-problem', class: 'failure', role: 'alert' }, problem ?? '');
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'token-hint sign-in-problem',
  });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in'),
    h('label', { for: 'token' }, 'Bearer token'),
    input,
    h(
      'p',
      { id: 'token-hint', class: 'quiet' },
      'The token printed by npm start or npm run seed; “Authorization: Bearer …” works too. It stays in this tab.',
    ),
    h('button', { type: 'submit' }, 'Sign in'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = sessionOf(input.value);
    if (session) onSignIn(session);
    else message.textContent = 'That is not a token: it should read like eyJhbGciOi…';
  });
  queueMicrotask(() => input.focus());
  return form;
};
