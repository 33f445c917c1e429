// The back office for admins: users, providers, everyone's usage with CSV
// export, the access log and the server's settings.
import { api } from '../api.js';
import { h, clear, saveUrl } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog, openDialog } from '../dialog.js';
import { pageFrame, formatNumber, formatTime, table, rfc3339, errorLine } from './page.js';

const presets = [
    { name: 'DeepSeek', baseUrl: 'https://api.deepseek.com/v1' },
    { name: 'OpenAI', baseUrl: 'https://api.openai.com/v1' },
    { name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
];
// Attachment storage is edited in MB and stored in bytes; empty is "none set".
const mib = 1024 * 1024;
const megabytesOf = (bytes) => (bytes == null ? '' : Math.round(bytes / mib));
const bytesOf = (input) => (input.value === '' ? null : Math.round(Number(input.value) * mib));

const tabs = ['users', 'providers', 'usage', 'logs', 'settings'];
const enc = encodeURIComponent;

export default class AdminView {
    constructor(shell, tab) {
        this.shell = shell;
        this.tab = tabs.includes(tab) ? tab : 'users';
        const labels = { users: t('Users'), providers: t('Providers'), usage: t('Usage'), logs: t('Access log'),
                         settings: t('Server settings') };
        this.body = h('div', {});
        this.element = pageFrame(shell, t('Admin'),
            h('nav', { class: 'tabs', role: 'tablist' }, ...tabs.map((name) => h('a', {
                href: `/admin/${name}`, role: 'tab', class: name === this.tab ? 'active' : '',
                'aria-selected': name === this.tab ? 'true' : 'false',
                onclick: (e) => { e.preventDefault(); shell.navigate(`/admin/${name}`); } }, labels[name]))),
            this.body);
        this[this.tab]().catch((e) => this.body.replaceChildren(errorLine(e)));
    }

    async users() {
        const { items } = await api.page('/v1/admin/users?limit=100');
        const amount = (n) => (n == null ? '∞' : formatNumber(n));
        const quota = (u) => (u.quota?.dailyTokens == null && u.quota?.monthlyTokens == null ? t('Default')
                              : `${amount(u.quota.dailyTokens)} / ${amount(u.quota.monthlyTokens)}`);
        clear(this.body).append(
            h('button', { type: 'button', class: 'primary', onclick: () => this.editUser(null) }, t('Add user')),
            table([{ label: t('Email'), value: (u) => u.email },
                   { label: t('Role'), value: (u) => u.role === 'admin' ? t('Administrator') : t('Member') },
                   { label: t('Status'), value: (u) => u.disabled ? t('Disabled') : t('Active') },
                   { label: t('Quota (day / month)'), value: quota },
                   { label: t('Last sign-in'), value: (u) => formatTime(u.lastLoginAt) },
                   { label: '', value: (u) => h('span', { class: 'row-actions' },
                       h('button', { type: 'button', class: 'link-button', onclick: () => this.editUser(u) }, t('Edit')),
                       h('button', { type: 'button', class: 'link-button danger-text', onclick: () => this.deleteUser(u) }, t('Delete'))) }],
                  items));
    }

    async editUser(user) {
        const email = h('input', { type: 'email', value: user?.email ?? '', required: true, disabled: !!user });
        const name = h('input', { type: 'text', value: user?.name ?? '' });
        const password = h('input', { type: 'password', autocomplete: 'new-password', minlength: 8,
                                      placeholder: user ? t('Leave empty to keep') : '' });
        const role = h('select', {}, h('option', { value: 'user' }, t('Member')), h('option', { value: 'admin' }, t('Administrator')));
        role.value = user?.role ?? 'user';
        const disabled = h('input', { type: 'checkbox', checked: !!user?.disabled });
        const daily = h('input', { type: 'number', min: 0, value: user?.quota?.dailyTokens ?? '', placeholder: t('Default') });
        const monthly = h('input', { type: 'number', min: 0, value: user?.quota?.monthlyTokens ?? '', placeholder: t('Default') });
        const storage = h('input', { type: 'number', min: 1, value: megabytesOf(user?.quota?.storageBytes),
                                     placeholder: t('Default') });
        const error = h('p', { class: 'form-error', role: 'alert' });
        const body = [h('label', {}, t('Email'), email), h('label', {}, t('Name'), name),
                      h('label', {}, user ? t('Reset password') : t('Password'), password),
                      h('label', {}, t('Role'), role),
                      user ? h('label', { class: 'check' }, disabled, t('Disabled (cannot sign in)')) : null,
                      h('div', { class: 'two' }, h('label', {}, t('Daily tokens'), daily), h('label', {}, t('Monthly tokens'), monthly)),
                      h('label', {}, t('Attachment storage (MB)'), storage),
                      error];
        await openDialog({ title: user ? t('Edit user') : t('Add user'), body, confirmLabel: t('Save'), read: async () => {
            const change = { name: name.value, role: role.value };
            if (password.value)
                change.password = password.value;
            const number = (input) => input.value === '' ? null : Number(input.value);
            // Each empty field falls back to the server's default on its own.
            change.quota = { dailyTokens: number(daily), monthlyTokens: number(monthly),
                             storageBytes: bytesOf(storage) };
            const save = user ? api.patch(`/v1/admin/users/${enc(user.id)}`, { ...change, disabled: disabled.checked })
                              : api.post('/v1/admin/users', { ...change, email: email.value.trim() });
            try {
                await save;
                this.users();
                return true;
            } catch (e) {
                error.textContent = e.details?.length ? e.details.join(' ') : e.message;
                return undefined;
            }
        } });
    }

    async deleteUser(user) {
        if (await confirmDialog(t('Delete user?'), t('{email} and all their chats will be deleted.', { email: user.email }), t('Delete'))) {
            await api.del(`/v1/admin/users/${enc(user.id)}`).catch((e) => alert(e.message));
            this.users();
        }
    }

    async providers() {
        const { items } = await api.page('/v1/admin/providers');
        clear(this.body).append(
            h('div', { class: 'button-row' }, h('span', { class: 'muted' }, t('Add:')),
              ...presets.map((p) => h('button', { type: 'button', class: 'ghost', onclick: () => this.editProvider(null, p) }, p.name)),
              h('button', { type: 'button', class: 'ghost', onclick: () => this.editProvider(null, { name: '', baseUrl: '' }) }, t('Other…'))),
            table([{ label: t('Name'), value: (p) => p.name },
                   { label: t('Address'), value: (p) => h('code', {}, p.baseUrl) },
                   { label: t('Key'), value: (p) => p.apiKey ? h('code', {}, p.apiKey) : t('none') },
                   { label: t('Models'), value: (p) => (p.models ?? []).join(', ') },
                   { label: t('Status'), value: (p) => p.enabled ? t('On') : t('Off') },
                   { label: '', value: (p) => h('span', { class: 'row-actions' },
                       h('button', { type: 'button', class: 'link-button', onclick: (e) => this.testProvider(p, e.target) }, t('Test')),
                       h('button', { type: 'button', class: 'link-button', onclick: () => this.editProvider(p) }, t('Edit')),
                       h('button', { type: 'button', class: 'link-button danger-text', onclick: () => this.deleteProvider(p) }, t('Delete'))) }],
                  items, t('No providers yet: the built-in demo answers. Add DeepSeek, OpenAI or Ollama above.')));
    }

    async testProvider(provider, button) {
        button.textContent = t('Testing…');
        try {
            const r = await api.post(`/v1/admin/providers/${enc(provider.id)}/test`);
            button.textContent = r.ok ? t('OK: {n} models, {ms} ms', { n: r.models?.length ?? 0, ms: r.latencyMs }) : `✗ ${r.error}`;
        } catch (e) {
            button.textContent = `✗ ${e.message}`;
        }
    }

    async editProvider(provider, preset = {}) {
        const name = h('input', { type: 'text', value: provider?.name ?? preset.name, required: true });
        const baseUrl = h('input', { type: 'url', value: provider?.baseUrl ?? preset.baseUrl, required: true });
        const key = h('input', { type: 'password', autocomplete: 'off',
                                 placeholder: provider?.apiKey ? t('Stored ({key}); type to replace', { key: provider.apiKey }) : 'sk-…' });
        const enabled = h('input', { type: 'checkbox', checked: provider?.enabled ?? true });
        const error = h('p', { class: 'form-error', role: 'alert' });
        await openDialog({ title: provider ? t('Edit provider') : t('Add provider'), confirmLabel: t('Save'),
            body: [h('label', {}, t('Name'), name), h('label', {}, t('Address (OpenAI-compatible, ends in /v1)'), baseUrl),
                   h('label', {}, t('API key (never shown again)'), key),
                   h('label', { class: 'check' }, enabled, t('Enabled')), error],
            read: async () => {
                const body = { name: name.value.trim(), baseUrl: baseUrl.value.trim(), enabled: enabled.checked };
                if (key.value)
                    body.apiKey = key.value;
                error.textContent = t('Saving and listing its models…');
                const save = provider ? api.patch(`/v1/admin/providers/${enc(provider.id)}`, body)
                                      : api.post('/v1/admin/providers', body);
                try {
                    await save;
                    this.shell.models = null;
                    this.providers();
                    return true;
                } catch (e) {
                    error.textContent = e.details?.length ? e.details.join(' ') : e.message;
                    return undefined;
                }
            } });
    }

    async deleteProvider(provider) {
        if (await confirmDialog(t('Delete provider?'), t('Its models will no longer be offered.'), t('Delete'))) {
            await api.del(`/v1/admin/providers/${enc(provider.id)}`);
            this.shell.models = null;
            this.providers();
        }
    }

    async usage() {
        const to = new Date();
        const from = new Date(to.getFullYear(), to.getMonth(), 1);
        const range = `from=${rfc3339(from)}&to=${rfc3339(to)}`;
        const [byUser, byModel] = await Promise.all([api.get(`/v1/admin/usage?groupBy=user&${range}`),
                                                    api.get(`/v1/admin/usage?groupBy=model&${range}`)]);
        const columns = (first) => [{ label: first, value: (g) => g.label },
            { label: t('Requests'), value: (g) => formatNumber(g.requests), class: 'num' },
            { label: t('Prompt'), value: (g) => formatNumber(g.promptTokens), class: 'num' },
            { label: t('Completion'), value: (g) => formatNumber(g.completionTokens), class: 'num' },
            { label: t('Total'), value: (g) => formatNumber(g.totalTokens), class: 'num' }];
        clear(this.body).append(
            h('p', { class: 'muted' }, t('This month: {n} tokens in {r} requests.',
                                         { n: formatNumber(byUser.totals.totalTokens), r: formatNumber(byUser.totals.requests) })),
            h('button', { type: 'button', class: 'ghost', onclick: () => this.exportCsv(range) }, t('Export CSV')),
            h('h2', {}, t('By user')), table(columns(t('User')), byUser.groups),
            h('h2', {}, t('By model')), table(columns(t('Model')), byModel.groups));
    }

    // The CSV needs the access token, so it is fetched and handed over as a file.
    async exportCsv(range) {
        const response = await api.send('GET', `/v1/admin/usage/records?${range}`, undefined, { Accept: 'text/csv' });
        const url = URL.createObjectURL(await response.blob());
        saveUrl(url, `hearth-usage-${new Date().toISOString().slice(0, 10)}.csv`);
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    async logs() {
        const { items } = await api.page('/v1/admin/logs?limit=100');
        clear(this.body).append(table([
            { label: t('Time'), value: (l) => formatTime(l.time) },
            { label: t('Address'), value: (l) => l.clientAddress },
            { label: t('Request'), value: (l) => h('code', {}, `${l.method} ${l.path}`) },
            { label: t('Status'), value: (l) => String(l.status), class: 'num' },
            { label: t('Time taken'), value: (l) => `${l.latencyMs} ms`, class: 'num' }], items));
    }

    async settings() {
        const s = await api.get('/v1/admin/settings');
        const locked = new Set(s.locked ?? []);
        const number = (value, lockName) => h('input', { type: 'number', min: 0, value: value ?? '', disabled: locked.has(lockName),
                                                         placeholder: t('No limit') });
        const perMinute = number(s.chatRateLimit?.perMinute, 'chatRateLimit');
        const perDay = number(s.chatRateLimit?.perDay, 'chatRateLimit');
        const perWeek = number(s.chatRateLimit?.perWeek, 'chatRateLimit');
        const daily = number(s.defaultQuota?.dailyTokens, 'defaultQuota');
        const monthly = number(s.defaultQuota?.monthlyTokens, 'defaultQuota');
        const storage = number(megabytesOf(s.defaultQuota?.storageBytes), 'defaultQuota');
        storage.classList.add('storage-default');
        const models = await this.shell.loadModels();
        const defaultModel = h('select', {}, h('option', { value: '' }, t('First available')),
                               ...models.map((m) => h('option', { value: m.id }, m.name || m.id)));
        defaultModel.value = s.defaultModel ?? '';
        const zone = h('input', { type: 'text', value: s.timeZone ?? '', disabled: locked.has('timeZone'), placeholder: 'Asia/Shanghai' });
        const retention = h('input', { type: 'number', min: 1, value: s.logRetentionDays ?? '' });
        const status = h('p', { role: 'status' });
        const value = (input) => input.value === '' ? null : Number(input.value);
        const form = h('form', { class: 'card settings-form' },
            h('h2', {}, t('Chat rate limit (messages per user)')),
            h('div', { class: 'three' }, h('label', {}, t('Per minute'), perMinute), h('label', {}, t('Per day'), perDay),
              h('label', {}, t('Per week'), perWeek)),
            locked.has('chatRateLimit') ? h('p', { class: 'muted' }, t('Set by the server’s environment.')) : null,
            h('h2', {}, t('Default token quota')),
            h('div', { class: 'two' }, h('label', {}, t('Daily tokens'), daily), h('label', {}, t('Monthly tokens'), monthly)),
            h('label', {}, t('Attachment storage per user (MB)'), storage),
            h('label', {}, t('Default model'), defaultModel), h('label', {}, t('Time zone'), zone),
            h('label', {}, t('Keep the access log (days)'), retention), status,
            h('button', { type: 'submit', class: 'primary' }, t('Save')));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const change = { defaultModel: defaultModel.value, logRetentionDays: value(retention) };
            if (!locked.has('chatRateLimit'))
                change.chatRateLimit = { perMinute: value(perMinute), perDay: value(perDay), perWeek: value(perWeek) };
            if (!locked.has('defaultQuota'))
                change.defaultQuota = { dailyTokens: value(daily), monthlyTokens: value(monthly),
                                        storageBytes: bytesOf(storage) };
            if (!locked.has('timeZone') && zone.value)
                change.timeZone = zone.value;
            try {
                await api.patch('/v1/admin/settings', change);
                status.className = '';
                status.textContent = t('Saved.');
            } catch (e) {
                status.className = 'form-error';
                status.textContent = e.details?.length ? e.details.join(' ') : e.message;
            }
        });
        clear(this.body).append(form);
    }
}
