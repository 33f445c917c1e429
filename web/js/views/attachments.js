// Files going with the next message — picked, dropped or pasted, uploaded at
// once with their progress shown — and the files shown under sent messages.
import { api } from '../api.js';
import { h, icon, saveUrl } from '../dom.js';
import { t } from '../i18n.js';

export const maxFiles = 10; // with one message, as the server allows

// What the file picker offers: what the server reads (it checks the bytes).
const accepted = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,text/*,' +
                 '.md,.markdown,.csv,.json,.log,.txt,.py,.js,.ts,.c,.cpp,.h,.java,.go,.rs,.sh,.yaml,.yml,.xml,.html,.css,.sql';

export function formatSize(bytes) {
    if (bytes < 1024)
        return t('{n} B', { n: bytes });
    if (bytes < 1024 * 1024)
        return t('{n} KB', { n: Math.round(bytes / 1024) });
    return t('{n} MB', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

// The composer's tray: a chip per file with a preview, progress and ×.
export class AttachmentTray {
    // onChange(): the files or their state changed (the send button waits
    // for uploads to end).
    constructor(onChange) {
        this.items = [];
        this.onChange = onChange;
        this.element = h('div', { class: 'tray', hidden: true, 'aria-label': t('Attached files') });
        const picker = (accept) => {
            const input = h('input', { type: 'file', multiple: true, accept, hidden: true, class: 'file-input' });
            input.addEventListener('change', () => { this.add([...input.files]); input.value = ''; });
            return input;
        };
        this.fileInput = picker(accepted);
        // On phones the picture picker offers the camera and the photo library.
        this.photoInput = picker('image/*');
        this.attachButton = h('button', { type: 'button', class: 'icon-button attach', title: t('Attach files'),
                                          'aria-label': t('Attach files'), onclick: () => this.fileInput.click() },
                              icon('clip'));
        this.photoButton = h('button', { type: 'button', class: 'icon-button photo', title: t('Take or choose a photo'),
                                         'aria-label': t('Take or choose a photo'), onclick: () => this.photoInput.click() },
                             icon('camera'));
        this.buttons = h('div', { class: 'attach-buttons' }, this.attachButton, this.photoButton,
                         this.fileInput, this.photoInput);
    }

    // A picture copied to the clipboard (a screenshot) becomes a file.
    acceptPasteOn(input) {
        input.addEventListener('paste', (event) => {
            const files = [...(event.clipboardData?.files ?? [])];
            if (!files.length)
                return;
            if (!event.clipboardData.types.includes('text/plain'))
                event.preventDefault();
            this.add(files);
        });
    }

    // Files dropped anywhere on `area` go with the next message.
    acceptDropsOn(area) {
        const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
        let depth = 0; // enter and leave fire for every child crossed
        area.addEventListener('dragenter', (event) => {
            if (carriesFiles(event) && ++depth === 1)
                area.classList.add('dropping');
        });
        area.addEventListener('dragleave', () => {
            if (depth > 0 && --depth === 0)
                area.classList.remove('dropping');
        });
        area.addEventListener('dragover', (event) => {
            if (carriesFiles(event))
                event.preventDefault();
        });
        area.addEventListener('drop', (event) => {
            depth = 0;
            area.classList.remove('dropping');
            if (!carriesFiles(event))
                return;
            event.preventDefault();
            this.add([...event.dataTransfer.files]);
        });
    }

    get uploading() { return this.items.some((i) => i.state === 'uploading'); }
    get ready() { return this.items.filter((i) => i.state === 'done').map((i) => i.attachment); }
    get hasPictures() { return this.ready.some((a) => a.kind === 'image'); }

    add(files) {
        for (const file of files) {
            if (this.items.length >= maxFiles) {
                this.onChange(t('At most {n} files go with one message.', { n: maxFiles }));
                break;
            }
            const item = { file, state: 'uploading', progress: 0 };
            item.preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
            item.upload = api.upload(file, (p) => { item.progress = p; this.drawProgress(item); });
            item.upload.promise.then((attachment) => {
                item.state = 'done';
                item.attachment = attachment;
            }, (e) => {
                if (e.name === 'AbortError')
                    return;
                item.state = 'failed';
                item.error = e.message || t('Cannot reach the server.');
            }).finally(() => { this.draw(); this.onChange(); });
            this.items.push(item);
        }
        this.draw();
        this.onChange();
    }

    remove(item) {
        this.items.splice(this.items.indexOf(item), 1);
        if (item.state === 'uploading')
            item.upload.abort();
        else if (item.state === 'done')
            api.del(`/v1/attachments/${encodeURIComponent(item.attachment.id)}`).catch(() => {});
        if (item.preview)
            URL.revokeObjectURL(item.preview);
        this.draw();
        this.onChange();
    }

    // The uploaded files, taken out for a message (failed ones are dropped);
    // give them back with restore() when the message was refused.
    take() {
        const taken = this.items.filter((i) => i.state === 'done');
        this.items = this.items.filter((i) => i.state === 'uploading');
        this.draw();
        return taken;
    }

    restore(taken) {
        this.items.unshift(...taken);
        this.draw();
        this.onChange();
    }

    draw() {
        this.element.replaceChildren(...this.items.map((item) => this.chip(item)));
        this.element.hidden = this.items.length === 0;
    }

    chip(item) {
        const name = item.attachment?.name ?? item.file.name;
        const remove = h('button', { type: 'button', class: 'chip-remove', title: t('Remove {name}', { name }),
                                     'aria-label': t('Remove {name}', { name }), onclick: () => this.remove(item) },
                         icon('close'));
        item.bar = h('div', { class: 'chip-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 });
        this.drawProgress(item);
        const status = item.state === 'failed' ? h('span', { class: 'chip-error' }, item.error)
                     : h('span', { class: 'muted' }, formatSize(item.attachment?.size ?? item.file.size));
        return h('div', { class: `chip ${item.state}`, title: item.error ?? name },
                 item.preview ? h('img', { class: 'chip-thumb', src: item.preview, alt: '' })
                              : h('span', { class: 'chip-icon' }, icon('file')),
                 h('span', { class: 'chip-text' }, h('span', { class: 'chip-name' }, name), status),
                 item.state === 'uploading' ? item.bar : null, remove);
    }

    drawProgress(item) {
        if (!item.bar)
            return;
        item.bar.style.setProperty('--progress', `${Math.round(item.progress * 100)}%`);
        item.bar.setAttribute('aria-valuenow', Math.round(item.progress * 100));
    }
}

// Under a sent message: pictures as previews that open full size, documents
// by name and size, and what a long document's model got of it.
export function attachmentList(attachments) {
    if (!attachments?.length)
        return null;
    return h('div', { class: 'msg-files' }, ...attachments.map((a) => {
        if (a.kind === 'image') {
            const img = h('img', { class: 'msg-picture', alt: a.name, title: a.name });
            if (a.thumbnailUrl)
                api.blobUrl(a.thumbnailUrl).then((url) => { img.src = url; }).catch(() => {});
            return h('button', { type: 'button', class: 'picture-button', 'aria-label': t('Open {name}', { name: a.name }),
                                 onclick: () => showPicture(a) }, img);
        }
        const cut = a.charactersSent != null && a.characters > a.charactersSent;
        return h('button', { type: 'button', class: 'chip document', title: t('Download {name}', { name: a.name }),
                             onclick: () => download(a) },
                 h('span', { class: 'chip-icon' }, icon('file')),
                 h('span', { class: 'chip-text' }, h('span', { class: 'chip-name' }, a.name),
                   h('span', { class: cut ? 'chip-warn' : 'muted' },
                     cut ? t('The model got the first {sent} of {all} characters', {
                             sent: a.charactersSent.toLocaleString(), all: a.characters.toLocaleString() })
                         : formatSize(a.size))));
    }));
}

async function showPicture(a) {
    const dialog = h('dialog', { class: 'lightbox', 'aria-label': a.name },
                     h('img', { alt: a.name }),
                     h('button', { type: 'button', class: 'icon-button lightbox-close', 'aria-label': t('Close'),
                                   onclick: () => dialog.close() }, icon('close')));
    dialog.addEventListener('close', () => dialog.remove());
    dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('img').src = await api.blobUrl(a.url);
}

async function download(a) {
    saveUrl(await api.blobUrl(a.url), a.name);
}
