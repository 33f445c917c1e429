// The line above the composer: an error in plain words, or how long until
// sending is allowed again (counting down; sending waits until it is over).
import { h } from '../dom.js';
import { t } from '../i18n.js';

export class Banner {
    // onWait(waiting): sending must wait (true) or may go on (false).
    constructor(onWait) {
        this.onWait = onWait;
        this.timer = 0;
        this.element = h('div', { class: 'banner', role: 'status', hidden: true });
    }

    show(text, kind) {
        this.element.textContent = text;
        this.element.className = `banner ${kind}`;
        this.element.hidden = false;
    }

    hide() {
        clearInterval(this.timer);
        this.element.hidden = true;
        this.onWait(false);
    }

    // "You can send again in N s" after a rate-limit or quota refusal.
    countDown(error) {
        const until = Date.now() + error.retryAfter * 1000;
        // The server's sentence ends with a fixed "try again in N"; the
        // countdown below says it better.
        const reason = error.message.replace(/\s*(Please try again in|It renews in|请在|额度将在).*$/, '');
        const tick = () => {
            const left = Math.ceil((until - Date.now()) / 1000);
            if (left <= 0) {
                this.hide();
                return;
            }
            const wait = left >= 3600 ? t('{h} h {m} min', { h: Math.floor(left / 3600), m: Math.ceil((left % 3600) / 60) })
                       : left >= 60 ? t('{m} min {s} s', { m: Math.floor(left / 60), s: left % 60 }) : t('{n} s', { n: left });
            this.show(`${reason} ${t('You can send again in {wait}.', { wait })}`, 'wait');
            this.onWait(true);
        };
        clearInterval(this.timer);
        tick();
        this.timer = setInterval(tick, 1000);
    }
}
