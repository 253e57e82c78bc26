// Passkeys on the sign-in pages: signing in with one (/login) and adding or removing them
// (/account/passkeys). It speaks Spring Security's WebAuthn endpoints; the page gives it the
// CSRF header in data attributes, since the pages allow no inline script.
'use strict';
(() => {
  const base64url = {
    encode(buffer) {
      const text = String.fromCharCode(...new Uint8Array(buffer));
      return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    },
    decode(value) {
      const text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
      return Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
    },
  };

  function csrf(element) {
    return { [element.dataset.csrfHeader]: element.dataset.csrfToken };
  }

  async function send(method, url, headers, body) {
    const options = { method, headers: { Accept: 'application/json', ...headers } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options);
  }

  async function problemOf(response) {
    try {
      return await response.json();
    } catch {
      return {};
    }
  }

  function show(element, message) {
    element.textContent = message;
    element.hidden = false;
  }

  // The browser refuses or the person cancels: say so without leaving the page.
  function cancelled(error) {
    return error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
  }

  async function signIn(button, errorBox) {
    errorBox.hidden = true;
    const headers = csrf(button);
    const optionsResponse = await send('POST', '/webauthn/authenticate/options', headers);
    if (!optionsResponse.ok) {
      throw new Error(`options: HTTP ${optionsResponse.status}`);
    }
    const options = await optionsResponse.json();
    let credential;
    try {
      credential = await navigator.credentials.get({
        publicKey: {
          ...options,
          challenge: base64url.decode(options.challenge),
          allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) })),
        },
      });
    } catch (error) {
      if (cancelled(error)) {
        show(errorBox, 'Signing in with a passkey was cancelled. Try again, or use your password.');
        return;
      }
      throw error;
    }
    const { response } = credential;
    const result = await send('POST', '/login/webauthn', headers, {
      id: credential.id,
      rawId: base64url.encode(credential.rawId),
      response: {
        authenticatorData: base64url.encode(response.authenticatorData),
        clientDataJSON: base64url.encode(response.clientDataJSON),
        signature: base64url.encode(response.signature),
        userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined,
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    if (result.ok) {
      const { redirectUrl } = await result.json();
      window.location.assign(redirectUrl || '/');
      return;
    }
    const problem = await problemOf(result);
    const type = String(problem.type || '');
    const reason = type.endsWith('/account-suspended')
      ? 'suspended'
      : type.endsWith('/email-unverified')
        ? 'unverified'
        : 'passkey';
    window.location.assign(`/login?error=${reason}`);
  }

  async function register(form, errorBox) {
    errorBox.hidden = true;
    const headers = csrf(form);
    const label = form.elements.label.value.trim();
    const optionsResponse = await send('POST', '/webauthn/register/options', headers);
    if (!optionsResponse.ok) {
      throw new Error(`options: HTTP ${optionsResponse.status}`);
    }
    const options = await optionsResponse.json();
    let credential;
    try {
      credential = await navigator.credentials.create({
        publicKey: {
          ...options,
          user: { ...options.user, id: base64url.decode(options.user.id) },
          challenge: base64url.decode(options.challenge),
          excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) })),
        },
      });
    } catch (error) {
      if (error && error.name === 'InvalidStateError') {
        show(errorBox, 'This device already holds one of your passkeys.');
        return;
      }
      if (cancelled(error)) {
        show(errorBox, 'Adding the passkey was cancelled.');
        return;
      }
      throw error;
    }
    const { response } = credential;
    const result = await send('POST', '/webauthn/register', headers, {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: base64url.encode(credential.rawId),
          response: {
            attestationObject: base64url.encode(response.attestationObject),
            clientDataJSON: base64url.encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
      },
    });
    if (!result.ok) {
      const problem = await problemOf(result);
      show(errorBox, problem.detail || 'The passkey could not be added. Try again.');
      return;
    }
    window.location.assign(`${window.location.pathname}?added`);
  }

  async function remove(button, errorBox) {
    errorBox.hidden = true;
    const result = await send('DELETE', `/account/passkeys/${encodeURIComponent(button.dataset.passkeyId)}`,
      csrf(button));
    if (!result.ok) {
      const problem = await problemOf(result);
      show(errorBox, problem.detail || 'The passkey could not be removed. Reload the page and try again.');
      return;
    }
    window.location.assign(`${window.location.pathname}?removed`);
  }

  function guard(errorBox, action) {
    return async (event) => {
      event.preventDefault();
      const control = event.currentTarget;
      control.setAttribute('aria-busy', 'true');
      try {
        await action(control);
      } catch (error) {
        console.error(error);
        show(errorBox, 'Something went wrong with the passkey. Try again.');
      } finally {
        control.removeAttribute('aria-busy');
      }
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    const supported = !!(window.PublicKeyCredential && navigator.credentials);
    const errorBox = document.getElementById('passkey-error');
    const signInButton = document.getElementById('passkey-sign-in');
    if (signInButton && supported) {
      document.getElementById('passkey-sign-in-area').hidden = false;
      signInButton.addEventListener('click', guard(errorBox, (button) => signIn(button, errorBox)));
    }
    const registerForm = document.getElementById('passkey-register');
    if (registerForm) {
      if (!supported) {
        show(errorBox, 'This browser cannot use passkeys.');
        registerForm.hidden = true;
      } else {
        registerForm.addEventListener('submit', guard(errorBox, (form) => register(form, errorBox)));
      }
    }
    document.querySelectorAll('button[data-passkey-id]').forEach((button) => {
      button.addEventListener('click', guard(errorBox, (control) => remove(control, errorBox)));
    });
  });
})();
