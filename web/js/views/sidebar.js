// Conversations, newest first and pinned on top, with search, paging on
// scroll and each one's menu; below them the way to the other pages.
import { api } from '../api.js';
import { h, clear, icon } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog, promptDialog } from '../dialog.js';

export class Sidebar {
    constructor(shell) {
        this.shell = shell;
        this.conversations = new Map();
        this.next = null;
        this.loading = false;
        this.selected = null;
        this.archived = false;
        this.query = '';
        this.search = h('input', { type: 'search', placeholder: t('Search chats'), 'aria-label': t('Search chats'),
                                   class: 'search' });
        let timer = 0;
        this.search.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(() => { this.query = this.search.value.trim(); this.reload(); }, 250);
        });
        this.archivedToggle = h('button', { type: 'button', class: 'link-button', onclick: () => {
            this.archived = !this.archived;
            this.archivedToggle.textContent = this.archived ? t('Back to chats') : t('Archived chats');
            this.reload();
        } }, t('Archived chats'));
        this.list = h('nav', { class: 'conversation-list', 'aria-label': t('Chats') });
        this.list.addEventListener('scroll', () => {
            if (this.list.scrollTop + this.list.clientHeight > this.list.scrollHeight - 200)
                this.loadMore();
        });
        const admin = api.user?.role === 'admin';
        this.links = {
            usage: this.pageLink('usage', 'chart', t('Usage')),
            admin: admin ? this.pageLink('admin', 'shield', t('Admin')) : null,
            settings: this.pageLink('settings', 'gear', t('Settings')),
        };
        this.element = h('aside', { class: 'sidebar' },
            h('div', { class: 'sidebar-head' },
              h('a', { class: 'brand small', href: '/', onclick: (e) => this.go(e, '/') },
                h('img', { src: '/icons/hearth.svg', alt: '', width: 28, height: 28 }), 'Hearth'),
              h('button', { type: 'button', class: 'icon-button', title: t('New chat') + ' (Ctrl+Shift+O)',
                            'aria-label': t('New chat'), onclick: () => shell.navigate('/') }, icon('plus'))),
            h('button', { type: 'button', class: 'new-chat', onclick: () => shell.navigate('/') },
              icon('plus'), t('New chat')),
            this.search, this.list,
            h('div', { class: 'sidebar-foot' }, this.archivedToggle,
              this.links.usage, this.links.admin, this.links.settings,
              h('div', { class: 'who muted', title: api.user?.email }, api.user?.name || api.user?.email)));
        this.reload();
    }

    go(event, path) {
        event.preventDefault();
        this.shell.navigate(path);
    }

    pageLink(name, iconName, label) {
        return h('a', { href: `/${name}`, class: 'page-link', onclick: (e) => this.go(e, `/${name}`) },
                 icon(iconName), label);
    }

    async reload() {
        this.conversations.clear();
        this.next = `/v1/conversations?limit=50${this.archived ? '&archived=true' : ''}` +
                    (this.query ? `&q=${encodeURIComponent(this.query)}` : '');
        clear(this.list);
        await this.loadMore();
    }

    async loadMore() {
        if (this.loading || !this.next)
            return;
        this.loading = true;
        try {
            const { items, next } = await api.page(this.next);
            this.next = next;
            for (const c of items)
                this.conversations.set(c.id, c);
            this.draw();
        } catch (e) {
            this.list.append(h('p', { class: 'muted pad' }, e.message));
        } finally {
            this.loading = false;
        }
        // A tall screen may show the whole first page: fetch until it scrolls.
        if (this.next && this.list.scrollHeight <= this.list.clientHeight)
            this.loadMore();
    }

    // Pinned first, then by day groups as chat apps do.
    draw() {
        const all = [...this.conversations.values()]
            .filter((c) => c.archived === this.archived)
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
        const groups = new Map();
        const startOfToday = new Date();
        startOfToday.setHours(0, 0, 0, 0);
        const day = 86400000;
        for (const c of all) {
            const age = startOfToday - new Date(c.updatedAt);
            const group = c.pinned ? t('Pinned') : age <= 0 ? t('Today') : age <= day ? t('Yesterday')
                        : age <= 7 * day ? t('Previous 7 days') : age <= 30 * day ? t('Previous 30 days') : t('Older');
            if (!groups.has(group))
                groups.set(group, []);
            groups.get(group).push(c);
        }
        const order = [t('Pinned'), t('Today'), t('Yesterday'), t('Previous 7 days'), t('Previous 30 days'), t('Older')];
        clear(this.list);
        if (!all.length)
            this.list.append(h('p', { class: 'muted pad' }, this.query ? t('No chats match.') : t('No chats yet.')));
        for (const name of order) {
            if (!groups.has(name))
                continue;
            this.list.append(h('h3', { class: 'group' }, name), ...groups.get(name).map((c) => this.item(c)));
        }
    }

    item(c) {
        const link = h('a', { href: `/chat/${encodeURIComponent(c.id)}`, class: 'conversation',
                              dataset: { id: c.id }, 'aria-current': c.id === this.selected ? 'page' : null,
                              onclick: (e) => this.go(e, `/chat/${encodeURIComponent(c.id)}`) },
                       h('span', { class: 'title' }, c.title));
        const menu = h('button', { type: 'button', class: 'icon-button item-menu', 'aria-label': t('More'),
                                   title: t('More'), onclick: (e) => { e.preventDefault(); e.stopPropagation(); this.menu(c, menu); } },
                       icon('more'));
        link.append(menu);
        return link;
    }

    menu(c, anchor) {
        document.querySelector('.popup')?.remove();
        const act = (label, fn, cls = '') => h('button', { type: 'button', class: cls, onclick: async () => {
            popup.remove();
            try {
                await fn();
            } catch (e) {
                alert(e.message);
            }
        } }, label);
        const popup = h('div', { class: 'popup', role: 'menu' },
            act(t('Rename'), () => this.rename(c)),
            act(c.pinned ? t('Unpin') : t('Pin'), () => this.update(c, { pinned: !c.pinned })),
            act(c.archived ? t('Unarchive') : t('Archive'), () => this.update(c, { archived: !c.archived })),
            act(t('Delete'), () => this.remove(c), 'danger-text'));
        const box = anchor.getBoundingClientRect();
        popup.style.top = `${Math.min(box.bottom + 4, innerHeight - 180)}px`;
        popup.style.left = `${Math.min(box.left, innerWidth - 180)}px`;
        document.body.append(popup);
        setTimeout(() => document.addEventListener('click', () => popup.remove(), { once: true }));
    }

    async rename(c) {
        const title = await promptDialog(t('Rename chat'), t('Title'), c.title);
        if (title)
            await this.update(c, { title });
    }

    async update(c, change) {
        this.upsert(await api.patch(`/v1/conversations/${encodeURIComponent(c.id)}`, change));
    }

    async remove(c) {
        if (!(await confirmDialog(t('Delete chat?'), t('“{title}” and all its messages will be deleted.', { title: c.title }),
                                  t('Delete'))))
            return;
        await api.del(`/v1/conversations/${encodeURIComponent(c.id)}`);
        this.conversations.delete(c.id);
        this.draw();
        if (this.selected === c.id)
            this.shell.navigate('/');
    }

    upsert(c) {
        this.conversations.set(c.id, c);
        this.draw();
        this.shell.view?.conversationChanged?.(c);
    }

    touch(id) {
        const c = this.conversations.get(id);
        if (c) {
            c.updatedAt = new Date().toISOString();
            this.draw();
        }
    }

    select(id, page = null) {
        this.selected = id;
        for (const a of this.list.querySelectorAll('.conversation'))
            a.dataset.id === id ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current');
        for (const [name, link] of Object.entries(this.links))
            link?.classList.toggle('active', name === page);
    }
}
