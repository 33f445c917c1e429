// Small modal questions on <dialog>: confirm, ask for a line of text, or
// show a form built by the caller. Resolves with the answer, or null.
import { h } from './dom.js';
import { t } from './i18n.js';

export function openDialog({ title, body = [], confirmLabel = t('OK'), danger = false, cancel = true, read = () => true }) {
    return new Promise((resolve) => {
        const ok = h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, confirmLabel);
        const form = h('form', { method: 'dialog' }, h('h2', {}, title), ...body,
            h('div', { class: 'dialog-buttons' },
              cancel ? h('button', { type: 'button', class: 'ghost', onclick: () => finish(null) }, t('Cancel')) : null,
              ok));
        const dialog = h('dialog', { class: 'dialog' }, form);
        let done = false;
        const finish = (value) => {
            if (done)
                return;
            done = true;
            dialog.close();
            dialog.remove();
            resolve(value);
        };
        // read() may be async (a save): the dialog stays until it answers,
        // and stays open when it answers undefined (an error shown inside).
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            ok.disabled = true;
            try {
                const value = await read();
                if (value !== undefined)
                    finish(value);
            } finally {
                ok.disabled = false;
            }
        });
        dialog.addEventListener('cancel', () => finish(null));
        document.body.append(dialog);
        dialog.showModal();
        (form.querySelector('input, textarea, select') ?? ok).focus();
    });
}

export function confirmDialog(title, message, confirmLabel, danger = true) {
    return openDialog({ title, body: [h('p', {}, message)], confirmLabel, danger }).then((v) => v === true);
}

export function promptDialog(title, label, value = '', { maxLength = 200 } = {}) {
    const input = h('input', { type: 'text', value, maxlength: maxLength, 'aria-label': label });
    return openDialog({ title, body: [h('label', {}, label, input)],
                        read: () => input.value.trim() || undefined });
}

// Shows text once with a copy button (a new API key).
export function showOnce(title, message, secret) {
    const field = h('input', { type: 'text', value: secret, readonly: true, class: 'secret' });
    return openDialog({ title, body: [h('p', {}, message), field], confirmLabel: t('Done'), cancel: false });
}
