'use strict';
// Signing in, on a service with an access token: the token is traded for the service's read-only session cookie
// (HttpOnly: the page never sees it again).
window.AutoCnnSignIn = (() => {
  const { API, el } = window.AutoCnnCommon;

  /** Whether the service refuses to list experiments without a session. */
  async function needed() {
    const response = await fetch(`${API}/experiments`, { headers: { Accept: 'application/json' } });
    return response.status === 401;
  }

  /** Shows the form in {@code app}; {@code onSignedIn} runs once the service has taken a token. */
  function show(app, onSignedIn) {
    document.title = 'AutoCNN · sign in';
    const input = el('input', { id: 'token', type: 'password', autocomplete: 'off', required: '' });
    const message = el('p', { id: 'sign-in-message', class: 'hint' }, 'This service has an access token. Give it, '
      + 'or its read-only token, to read its experiments; the browser keeps a read-only session until it closes.');
    async function signIn(event) {
      event.preventDefault();
      try {
        const response = await fetch(`${API}/session`,
          { method: 'POST', headers: { Authorization: `Bearer ${input.value}` } });
        if (response.ok) { onSignedIn(); return; }
        message.textContent = `The service refused this token (${response.status}).`;
      } catch (error) {
        message.textContent = `Signing in failed: ${error.message}`;
      }
      message.className = 'error';
    }
    app.replaceChildren(el('h1', {}, 'Sign in'), el('form', { id: 'sign-in', onsubmit: signIn },
      el('label', {}, 'Access token ', input), ' ', el('button', { type: 'submit' }, 'Sign in')), message);
    input.focus();
  }

  return { needed, show };
})();
