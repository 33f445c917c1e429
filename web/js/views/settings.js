// The signed-in person's own settings: language, password, personal API
// keys (shown once when made), signing out.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t, languageSwitch } from '../i18n.js';
import { confirmDialog, promptDialog, showOnce } from '../dialog.js';
import { pageFrame, formatTime, table, errorLine } from './page.js';

export default class SettingsView {
    constructor(shell) {
        this.shell = shell;
        this.keys = h('div', {}, h('p', { class: 'muted' }, t('Loading…')));
        this.element = pageFrame(shell, t('Settings'),
            h('div', { class: 'card' }, h('h2', {}, t('Account')),
              h('p', {}, api.user.email, ' · ', api.user.role === 'admin' ? t('Administrator') : t('Member')),
              h('label', { class: 'inline' }, t('Language'), languageSwitch()),
              h('button', { type: 'button', class: 'ghost', onclick: () => this.signOut() }, t('Sign out'))),
            this.passwordForm(),
            h('div', { class: 'card' }, h('h2', {}, t('Personal API keys')),
              h('p', { class: 'muted' }, t('For scripts and OpenAI-compatible apps: use the key as the API key and this server’s /v1 as the base URL.')),
              h('button', { type: 'button', class: 'primary', onclick: () => this.createKey() }, t('New key')),
              this.keys));
        this.loadKeys();
    }

    async signOut() {
        await api.signOut();
        this.shell.navigate('/login');
    }

    passwordForm() {
        const current = h('input', { type: 'password', autocomplete: 'current-password', required: true });
        const next = h('input', { type: 'password', autocomplete: 'new-password', minlength: 8, maxlength: 128, required: true });
        const status = h('p', { role: 'status' });
        const form = h('form', { class: 'card' }, h('h2', {}, t('Change password')),
            h('label', {}, t('Current password'), current), h('label', {}, t('New password (8–128 characters)'), next),
            status, h('button', { type: 'submit', class: 'primary' }, t('Change password')));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            status.className = '';
            try {
                await api.post('/v1/me/password', { currentPassword: current.value, newPassword: next.value });
                // The change ends every other sign-in, this one's included
                // for its cookie: sign in again with the new password.
                status.textContent = t('Password changed.');
                current.value = next.value = '';
            } catch (e) {
                status.className = 'form-error';
                status.textContent = e.details?.length ? e.details.join(' ') : e.message;
            }
        });
        return form;
    }

    async loadKeys() {
        try {
            const keys = await api.get('/v1/me/api-keys');
            this.keys.replaceChildren(table([
                { label: t('Name'), value: (k) => k.name },
                { label: t('Key'), value: (k) => h('code', {}, `${k.prefix}…`) },
                { label: t('Created'), value: (k) => formatTime(k.createdAt) },
                { label: t('Last used'), value: (k) => formatTime(k.lastUsedAt) },
                { label: '', value: (k) => h('button', { type: 'button', class: 'danger-text link-button',
                                                         onclick: () => this.revoke(k) }, t('Revoke')) },
            ], keys, t('No keys yet.')));
        } catch (e) {
            this.keys.replaceChildren(errorLine(e));
        }
    }

    async createKey() {
        const name = await promptDialog(t('New key'), t('Name (what will use it)'));
        if (!name)
            return;
        try {
            const key = await api.post('/v1/me/api-keys', { name });
            await showOnce(t('Your new key'), t('Copy it now: it will not be shown again.'), key.key);
            this.loadKeys();
        } catch (e) {
            this.keys.prepend(errorLine(e));
        }
    }

    async revoke(key) {
        if (await confirmDialog(t('Revoke key?'), t('Programs using “{name}” will stop working.', { name: key.name }), t('Revoke'))) {
            await api.del(`/v1/me/api-keys/${encodeURIComponent(key.id)}`);
            this.loadKeys();
        }
    }
}
