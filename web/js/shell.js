// The signed-in page: the sidebar (conversations and the way to the other
// pages) beside the view the address names.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { Sidebar } from './views/sidebar.js';
import { ChatView } from './views/chat.js';

const pages = {
    usage: () => import('./views/usage.js'),
    admin: () => import('./views/admin.js'),
    settings: () => import('./views/settings.js'),
};

export class Shell {
    constructor(root, navigate) {
        this.navigate = navigate;
        this.models = null;
        this.main = h('main', { class: 'main' });
        this.sidebar = new Sidebar(this);
        this.scrim = h('div', { class: 'scrim', onclick: () => this.toggleSidebar(false) });
        this.element = h('div', { class: 'shell' }, this.sidebar.element, this.scrim, this.main);
        this.view = null;
        this.viewName = '';
        clear(root).append(this.element);
        this.onKey = (event) => {
            if (event.key === 'o' && (event.ctrlKey || event.metaKey) && event.shiftKey) {
                event.preventDefault();
                navigate('/');
            }
        };
        document.addEventListener('keydown', this.onKey);
    }

    destroy() {
        document.removeEventListener('keydown', this.onKey);
        this.view?.destroy?.();
    }

    async loadModels() {
        this.models ??= api.get('/v1/models').then((list) => list.data ?? []).catch(() => []);
        return this.models;
    }

    toggleSidebar(open = !this.element.classList.contains('sidebar-open')) {
        this.element.classList.toggle('sidebar-open', open);
    }

    async show(path) {
        this.toggleSidebar(false);
        const [, first = '', second = ''] = path.split('/');
        if (first === '' || first === 'chat') {
            if (this.viewName !== 'chat')
                this.mount('chat', new ChatView(this));
            this.sidebar.select(second || null);
            this.view.open(second ? decodeURIComponent(second) : null);
            return;
        }
        const load = pages[first];
        if (!load || (first === 'admin' && api.user?.role !== 'admin')) {
            this.navigate('/', { replace: true });
            return;
        }
        this.sidebar.select(null, first);
        const module = await load();
        this.mount(first, new module.default(this, second));
    }

    mount(name, view) {
        this.view?.destroy?.();
        this.view = view;
        this.viewName = name;
        clear(this.main).append(view.element);
    }
}
