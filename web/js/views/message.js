// One message of a conversation: the user's as a bubble on the right, the
// assistant's as rendered Markdown with its thinking folded above it.
import { h, icon } from '../dom.js';
import { t } from '../i18n.js';
import { renderMarkdown, copyText } from '../render.js';
import { attachmentList } from './attachments.js';

export class MessageView {
    // actions: {edit(view), regenerate(view)}
    constructor(message, actions) {
        this.message = { ...message };
        this.actions = actions;
        this.frame = 0;
        this.content = h('div', { class: message.role === 'user' ? 'bubble' : 'content markdown' });
        this.note = h('div', { class: 'msg-note' });
        this.bar = h('div', { class: 'msg-actions' });
        const parts = [];
        if (message.role === 'assistant') {
            this.reasoningText = h('div', { class: 'reasoning-text' });
            this.reasoningLabel = h('summary', {});
            this.reasoning = h('details', { class: 'reasoning', hidden: true }, this.reasoningLabel, this.reasoningText);
            parts.push(h('div', { class: 'role' }, h('span', { class: 'avatar' }, icon('chat')),
                         h('span', { class: 'model' }, message.model ?? '')), this.reasoning);
        }
        this.element = h('article', { class: `msg ${message.role}`, dataset: { id: message.id ?? '' } },
                         ...parts, this.content, this.note, this.bar);
        this.update({ final: message.finishReason !== 'streaming' });
    }

    get id() { return this.message.id; }
    get streaming() { return this.message.finishReason === 'streaming'; }

    appendContent(delta) {
        this.message.content = (this.message.content ?? '') + delta;
        this.schedule();
    }

    appendReasoning(delta) {
        this.message.reasoning = (this.message.reasoning ?? '') + delta;
        this.reasoningStarted ??= performance.now();
        this.schedule();
    }

    // At most one render per frame, however fast the deltas come.
    schedule() {
        if (!this.frame)
            this.frame = requestAnimationFrame(() => { this.frame = 0; this.update({ final: false }); });
    }

    finish(message) {
        cancelAnimationFrame(this.frame);
        this.frame = 0;
        Object.assign(this.message, message);
        this.element.dataset.id = this.message.id ?? '';
        this.update({ final: true });
    }

    setNote(text, kind = '') {
        this.note.textContent = text;
        this.note.className = `msg-note ${kind}`;
    }

    update({ final }) {
        const m = this.message;
        if (m.role === 'user') {
            this.content.textContent = m.content;
            this.content.hidden = !m.content;
            // Pictures and documents above the bubble, as they were sent.
            const files = attachmentList(m.attachments);
            this.files?.remove();
            this.files = files;
            if (files)
                this.content.before(files);
        } else {
            renderMarkdown(this.content, m.content, { final });
            this.element.querySelector('.model').textContent = m.model ?? '';
            this.updateReasoning();
            const notes = { cancelled: t('Stopped'), interrupted: t('Interrupted: the server stopped while writing'),
                            length: t('Cut off at the length limit'), error: t('The provider failed while answering') };
            if (notes[m.finishReason])
                this.setNote(notes[m.finishReason], m.finishReason === 'cancelled' ? '' : 'warn');
        }
        this.element.classList.toggle('streaming', this.streaming);
        this.drawActions();
    }

    updateReasoning() {
        const m = this.message;
        if (!m.reasoning) {
            this.reasoning.hidden = true;
            return;
        }
        this.reasoning.hidden = false;
        const thinking = this.streaming && !m.content;
        if (thinking) {
            const seconds = Math.round((performance.now() - (this.reasoningStarted ?? performance.now())) / 1000);
            this.reasoningLabel.textContent = t('Thinking… {n} s', { n: seconds });
            this.reasoning.open = true;
        } else {
            const seconds = Math.max(1, Math.round((m.reasoningMs ?? 0) / 1000));
            this.reasoningLabel.textContent = m.reasoningMs ? t('Thought for {n} s', { n: seconds }) : t('Thoughts');
            if (this.wasThinking !== false)
                this.reasoning.open = false;
        }
        this.wasThinking = thinking;
        this.reasoningText.textContent = m.reasoning;
    }

    drawActions() {
        this.bar.replaceChildren();
        if (this.streaming)
            return;
        const button = (name, label, fn) => {
            const b = h('button', { type: 'button', class: 'icon-button', title: label, 'aria-label': label }, icon(name));
            b.addEventListener('click', () => fn(b));
            return b;
        };
        this.bar.append(button('copy', t('Copy'), (b) => copyText(this.message.content ?? '', b)));
        if (this.message.role === 'user' && this.actions.edit)
            this.bar.append(button('edit', t('Edit'), () => this.actions.edit(this)));
        if (this.message.role === 'assistant' && this.actions.regenerate)
            this.bar.append(button('redo', t('Regenerate'), () => this.actions.regenerate(this)));
    }
}
