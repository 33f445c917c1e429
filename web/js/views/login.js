// The sign-in page.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, languageSwitch } from '../i18n.js';

export function showSignIn(root, signedIn) {
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true,
                               placeholder: 'you@example.com', id: 'login-email' });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password',
                                  required: true, minlength: 8, id: 'login-password' });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary wide' }, t('Sign in'));
    const form = h('form', { class: 'login-card', novalidate: true },
        h('div', { class: 'brand' }, h('img', { src: '/icons/hearth.svg', alt: '', width: 48, height: 48 }),
          h('h1', {}, 'Hearth')),
        h('p', { class: 'muted' }, t('Sign in to chat with your models.')),
        h('label', { for: 'login-email' }, t('Email')), email,
        h('label', { for: 'login-password' }, t('Password')), password,
        error, button,
        h('div', { class: 'login-foot' }, languageSwitch()));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        error.textContent = '';
        if (!email.value || !password.value) {
            error.textContent = t('Enter your email and password.');
            return;
        }
        button.disabled = true;
        button.textContent = t('Signing in…');
        try {
            await api.signIn(email.value.trim(), password.value);
            signedIn();
        } catch (e) {
            error.textContent = e.status === 401 ? t('Wrong email or password.')
                              : e.status === 429 ? t('Too many attempts. Try again in {n} s.', { n: e.retryAfter })
                              : e.message || t('Cannot reach the server.');
            button.disabled = false;
            button.textContent = t('Sign in');
        }
    });
    clear(root).append(h('div', { class: 'login-page' }, form));
    email.focus();
}
