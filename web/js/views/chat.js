// A conversation: its messages (older ones loaded on scroll), the model
// picker, the composer (with files), streaming with Stop, regenerate and edit.
import { api, ApiError } from '../api.js';
import { h, clear, icon } from '../dom.js';
import { t } from '../i18n.js';
import { openDialog } from '../dialog.js';
import { MessageView } from './message.js';
import { AttachmentTray } from './attachments.js';
import { Banner } from './banner.js';

const path = (id) => `/v1/conversations/${encodeURIComponent(id)}`;

export class ChatView {
    constructor(shell) {
        this.shell = shell;
        this.conversation = null;
        this.views = [];
        this.older = null;
        this.controller = null;
        this.opening = 0;

        this.title = h('h1', { class: 'chat-title' }, t('New chat'));
        this.modelPicker = h('select', { class: 'model-picker', 'aria-label': t('Model'),
                                         onchange: () => this.modelChanged() });
        this.settingsButton = h('button', { type: 'button', class: 'icon-button', title: t('Chat settings'),
                                            'aria-label': t('Chat settings'), onclick: () => this.editSettings() },
                                icon('sliders'));
        this.list = h('div', { class: 'messages', role: 'log', 'aria-live': 'polite' });
        this.scroller = h('div', { class: 'scroller' }, this.list);
        // Kept at the end while the reader is there: new text, highlighted
        // code and typeset math all grow the list after it was scrolled.
        this.stick = true;
        this.scroller.addEventListener('scroll', () => {
            this.stick = this.nearEnd();
            if (this.scroller.scrollTop < 300)
                this.loadOlder();
        });
        this.resizes = new ResizeObserver(() => {
            if (this.stick)
                this.scrollToEnd();
        });
        this.resizes.observe(this.list);
        this.banner = new Banner((waiting) => { this.sendButton.disabled = waiting; });
        this.tray = new AttachmentTray((problem) => problem && this.banner.show(problem, 'error'));
        this.input = h('textarea', { rows: 1, placeholder: t('Message Hearth…'),
                                     'aria-label': t('Message'), class: 'composer-input' });
        this.input.addEventListener('input', () => this.grow());
        this.input.addEventListener('keydown', (event) => {
            // isComposing: Enter that picks a Chinese candidate must not send.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
                event.preventDefault();
                this.submit();
            }
        });
        this.tray.acceptPasteOn(this.input);
        this.sendButton = h('button', { type: 'submit', class: 'send', title: t('Send'), 'aria-label': t('Send') },
                            icon('send'));
        const form = h('form', { class: 'composer' }, this.tray.element,
                       h('div', { class: 'composer-row' }, this.tray.buttons, this.input, this.sendButton));
        form.addEventListener('submit', (event) => { event.preventDefault(); this.submit(); });
        this.onKey = (event) => {
            if (event.key === 'Escape' && this.controller) {
                event.preventDefault();
                this.stop();
            }
        };
        document.addEventListener('keydown', this.onKey);
        this.element = h('section', { class: 'chat' },
            h('header', { class: 'topbar' },
              h('button', { type: 'button', class: 'icon-button menu-button', 'aria-label': t('Chats'),
                            onclick: () => shell.toggleSidebar() }, icon('menu')),
              this.title, this.modelPicker, this.settingsButton),
            this.scroller,
            h('div', { class: 'composer-wrap' }, this.banner.element, form,
              h('p', { class: 'hint muted' }, t('Models can be wrong. Check important facts.'),
                h('span', { class: 'keys' }, ' · ', t('Enter to send, Shift+Enter for a new line, Esc to stop')))));
        this.tray.acceptDropsOn(this.element);
        this.fillModels();
    }

    destroy() {
        this.resizes.disconnect();
        document.removeEventListener('keydown', this.onKey);
        this.controller?.abort();
        this.banner.hide();
    }

    async fillModels() {
        const models = await this.shell.loadModels();
        clear(this.modelPicker);
        for (const m of models)
            this.modelPicker.append(h('option', { value: m.id, disabled: m.available === false }, m.name || m.id));
        this.showModel();
    }

    showModel() {
        const wanted = this.conversation?.model || this.chosenModel;
        if (wanted && [...this.modelPicker.options].some((o) => o.value === wanted))
            this.modelPicker.value = wanted;
    }

    async modelChanged() {
        this.chosenModel = this.modelPicker.value;
        if (this.conversation)
            this.shell.sidebar.upsert(await api.patch(path(this.conversation.id), { model: this.chosenModel }));
    }

    conversationChanged(c) {
        if (this.conversation?.id !== c.id)
            return;
        this.conversation = c;
        this.title.textContent = c.title;
    }

    async open(id) {
        if (id && id === this.conversation?.id)
            return;
        if (this.controller && this.conversation?.id !== id)
            this.controller.abort();
        const ticket = ++this.opening;
        this.conversation = null;
        this.views = [];
        this.older = null;
        clear(this.list);
        this.title.textContent = t('New chat');
        if (!id) {
            this.list.append(this.emptyState());
            this.showModel();
            this.input.focus();
            return;
        }
        try {
            const [conversation, page] = await Promise.all([
                api.get(path(id)), api.page(`${path(id)}/messages?limit=50`)]);
            if (ticket !== this.opening)
                return;
            this.conversation = conversation;
            this.title.textContent = conversation.title;
            this.showModel();
            this.older = page.next;
            this.views = page.items.map((m) => this.viewOf(m));
            this.list.append(...this.views.map((v) => v.element));
            this.scrollToEnd();
            if (window.matchMedia('(pointer: fine)').matches)
                this.input.focus();
        } catch (e) {
            if (ticket === this.opening)
                this.list.append(h('p', { class: 'empty' }, e.status === 404 ? t('This chat does not exist.') : e.message));
        }
    }

    emptyState() {
        return h('div', { class: 'empty' },
                 h('img', { src: '/icons/hearth.svg', alt: '', width: 56, height: 56 }),
                 h('h2', {}, t('What can I help with?')));
    }

    viewOf(message) {
        return new MessageView(message, {
            edit: (view) => this.edit(view),
            regenerate: (view) => this.regenerate(view),
        });
    }

    async loadOlder() {
        if (!this.older || this.loadingOlder)
            return;
        this.loadingOlder = true;
        try {
            const id = this.conversation.id;
            const { items, next } = await api.page(this.older);
            if (this.conversation?.id !== id)
                return;
            this.older = next;
            const before = this.scroller.scrollHeight;
            const views = items.map((m) => this.viewOf(m));
            this.views.unshift(...views);
            this.list.prepend(...views.map((v) => v.element));
            // Keep what the reader was looking at in place.
            this.scroller.scrollTop += this.scroller.scrollHeight - before;
        } finally {
            this.loadingOlder = false;
        }
    }

    nearEnd() {
        return this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 120;
    }

    scrollToEnd() {
        this.scroller.scrollTop = this.scroller.scrollHeight;
        this.stick = true;
    }

    grow() {
        this.input.style.height = 'auto';
        this.input.style.height = `${Math.min(this.input.scrollHeight, 240)}px`;
    }

    submit() {
        if (this.controller) {
            this.stop();
            return;
        }
        const text = this.input.value.trim();
        if (this.tray.uploading) {
            this.banner.show(t('Wait until the files have been uploaded.'), 'error');
            return;
        }
        if ((!text && !this.tray.ready.length) || this.sendButton.disabled)
            return;
        this.input.value = '';
        this.grow();
        const taken = this.tray.take();
        this.send(text, taken.map((item) => item.attachment), taken);
    }

    stop() {
        this.controller?.abort();
    }

    setStreaming(on) {
        this.sendButton.replaceChildren(icon(on ? 'stop' : 'send'));
        this.sendButton.title = on ? t('Stop (Esc)') : t('Send');
        this.sendButton.setAttribute('aria-label', this.sendButton.title);
        this.sendButton.classList.toggle('stop', on);
    }

    // `taken`: the tray's files, given back if the message is refused.
    async send(text, attachments = [], taken = null) {
        this.banner.hide();
        const model = this.modelPicker.value || undefined;
        if (!this.conversation) {
            try {
                // The first line without Markdown's marks, as the chat's name.
                const title = text.replace(/[*_`#>$\\]/g, '').replace(/\s+/g, ' ').trim().slice(0, 60) ||
                              text.slice(0, 60) || attachments[0]?.name;
                const settings = this.pendingSettings ?? {};
                this.conversation = await api.post('/v1/conversations', {
                    title, model, systemPrompt: settings.systemPrompt || undefined,
                    metadata: settings.temperature != null ? { temperature: settings.temperature } : undefined });
                this.pendingSettings = null;
                this.shell.sidebar.upsert(this.conversation);
                history.replaceState({}, '', `/chat/${encodeURIComponent(this.conversation.id)}`);
                this.shell.sidebar.select(this.conversation.id);
                this.title.textContent = this.conversation.title;
                clear(this.list);
            } catch (e) {
                this.failed(e, text, taken);
                return;
            }
        }
        const id = this.conversation.id;
        const userView = this.viewOf({ role: 'user', content: text, finishReason: 'stop', attachments });
        const replyView = this.viewOf({ role: 'assistant', content: '', model, finishReason: 'streaming' });
        this.list.append(userView.element, replyView.element);
        this.scrollToEnd();
        const controller = new AbortController();
        this.controller = controller;
        this.setStreaming(true);
        const temperature = this.conversation.metadata?.temperature;
        let started = false;
        try {
            const ids = attachments.length ? attachments.map((a) => a.id) : undefined;
            await api.stream(`${path(id)}/messages`,
                             { role: 'user', content: text, model, stream: true, temperature, attachments: ids },
                             (event, data) => {
                if (event === 'message.created') {
                    started = true;
                    userView.finish(data.userMessage);
                    replyView.message.id = data.messageId;
                    replyView.element.dataset.id = data.messageId;
                } else if (event === 'message.reasoning') {
                    replyView.appendReasoning(data.delta);
                } else if (event === 'message.delta') {
                    replyView.appendContent(data.delta);
                } else if (event === 'message.done') {
                    replyView.finish(data.message);
                } else if (event === 'error') {
                    replyView.finish({ finishReason: replyView.message.content ? 'error' : 'failed' });
                    replyView.setNote(data.error, 'error');
                }
            }, controller.signal);
            if (replyView.streaming)
                replyView.finish({ finishReason: 'interrupted' });
            this.views.push(userView, replyView);
        } catch (e) {
            if (e.name === 'AbortError') {
                replyView.finish({ finishReason: 'cancelled' });
                this.views.push(userView, replyView);
            } else if (!started) {
                // Refused before anything was stored: give the text back.
                userView.element.remove();
                replyView.element.remove();
                this.failed(e, text, taken);
            } else {
                replyView.finish({ finishReason: 'error' });
                replyView.setNote(t('The connection was lost. Reload to see what was saved.'), 'error');
                this.views.push(userView, replyView);
            }
        } finally {
            if (this.controller === controller) {
                this.controller = null;
                this.setStreaming(false);
            }
            this.shell.sidebar.touch(id);
        }
    }

    failed(error, text, taken) {
        if (!this.input.value)
            this.input.value = text;
        this.grow();
        if (taken?.length)
            this.tray.restore(taken);
        if (error instanceof ApiError && error.retryAfter > 0 &&
            (error.code === 'RATE_LIMITED' || error.code === 'QUOTA_EXCEEDED'))
            this.banner.countDown(error);
        else
            this.banner.show(error.message || t('Cannot reach the server.'), 'error');
    }

    // Drops `view` and everything after it, on the server and here.
    async rewindTo(view) {
        await api.post(`${path(this.conversation.id)}/rewind`, { messageId: view.id });
        const at = this.views.indexOf(view);
        for (const gone of this.views.splice(at))
            gone.element.remove();
    }

    async regenerate(view) {
        if (this.controller)
            return;
        const at = this.views.indexOf(view);
        const question = this.views.slice(0, at).reverse().find((v) => v.message.role === 'user');
        if (!question)
            return;
        try {
            await this.rewindTo(question);
            this.send(question.message.content, question.message.attachments ?? []);
        } catch (e) {
            this.banner.show(e.message, 'error');
        }
    }

    edit(view) {
        if (this.controller)
            return;
        const box = h('textarea', { class: 'edit-box', rows: 3, value: view.message.content, 'aria-label': t('Edit message') });
        const cancel = () => { form.remove(); view.content.hidden = false; };
        const form = h('form', { class: 'edit-form' }, box,
            h('div', { class: 'edit-buttons' },
              h('button', { type: 'button', class: 'ghost', onclick: cancel }, t('Cancel')),
              h('button', { type: 'submit', class: 'primary' }, t('Save and send'))));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const text = box.value.trim();
            const attachments = view.message.attachments ?? [];
            if (!text && !attachments.length)
                return;
            try {
                await this.rewindTo(view);
                this.send(text, attachments);
            } catch (e) {
                this.banner.show(e.message, 'error');
            }
        });
        box.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.stopPropagation(); cancel(); } });
        view.content.hidden = true;
        view.content.after(form);
        box.focus();
    }

    async editSettings() {
        const c = this.conversation;
        const system = h('textarea', { rows: 5, value: c?.systemPrompt ?? '', maxlength: 20000 });
        const temperature = h('input', { type: 'number', min: 0, max: 2, step: 0.1,
                                         value: c?.metadata?.temperature ?? '', placeholder: t('Model default') });
        const answer = await openDialog({
            title: t('Chat settings'),
            body: [h('label', {}, t('System prompt'), system), h('label', {}, t('Temperature (0–2)'), temperature),
                   c ? null : h('p', { class: 'muted' }, t('Send a first message to create the chat; these settings apply to it.'))],
            confirmLabel: t('Save'),
            read: () => ({ systemPrompt: system.value, temperature: temperature.value === '' ? null : Number(temperature.value) }),
        });
        if (!answer)
            return;
        if (!this.conversation) {
            this.pendingSettings = answer;
            return;
        }
        const metadata = { ...(c.metadata ?? {}), temperature: answer.temperature ?? undefined };
        this.shell.sidebar.upsert(await api.patch(path(c.id), { systemPrompt: answer.systemPrompt, metadata }));
    }
}
