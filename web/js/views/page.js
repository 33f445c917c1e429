// What the usage, admin and settings pages share: a top bar with the
// sidebar button, tables, and numbers in the reader's language.
import { h, icon } from '../dom.js';
import { t, language } from '../i18n.js';

export function pageFrame(shell, title, ...content) {
    return h('section', { class: 'page' },
        h('header', { class: 'topbar' },
          h('button', { type: 'button', class: 'icon-button menu-button', 'aria-label': t('Chats'),
                        onclick: () => shell.toggleSidebar() }, icon('menu')),
          h('h1', { class: 'chat-title' }, title)),
        h('div', { class: 'page-body' }, ...content));
}

export function formatNumber(n) {
    return new Intl.NumberFormat(language() === 'zh' ? 'zh-CN' : 'en').format(n ?? 0);
}

export function formatTime(iso) {
    if (!iso)
        return '—';
    return new Date(iso).toLocaleString(language() === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
}

// columns: [{label, value(row) → string|Node, class?}]
export function table(columns, rows, empty = t('Nothing yet.')) {
    if (!rows.length)
        return h('p', { class: 'muted' }, empty);
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { class: c.class }, c.label)))),
        h('tbody', {}, ...rows.map((row) => h('tr', {}, ...columns.map((c) => h('td', { class: c.class, 'data-label': c.label }, c.value(row))))))));
}

export function rfc3339(date) {
    return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

export function errorLine(error) {
    return h('p', { class: 'form-error', role: 'alert' }, error.message);
}

// A bar chart of [{label, value}]: bars as inline SVG built from DOM nodes
// (stretched to the card), the first, middle and last day named below it.
export function barChart(points, caption) {
    const ns = 'http://www.w3.org/2000/svg';
    const width = points.length * 10, height = 100;
    const max = Math.max(1, ...points.map((p) => p.value));
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('class', 'chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', caption);
    points.forEach((p, i) => {
        const barHeight = (p.value / max) * height;
        const rect = document.createElementNS(ns, 'rect');
        rect.setAttribute('x', String(i * 10 + 1.5));
        rect.setAttribute('y', String(height - Math.max(p.value ? 1.5 : 0, barHeight)));
        rect.setAttribute('width', '7');
        rect.setAttribute('height', String(Math.max(p.value ? 1.5 : 0, barHeight)));
        const title = document.createElementNS(ns, 'title');
        title.textContent = `${p.label}: ${formatNumber(p.value)}`;
        rect.append(title);
        svg.append(rect);
    });
    const named = [points[0], points[Math.floor(points.length / 2)], points[points.length - 1]];
    return h('figure', { class: 'chart-figure' }, svg,
             h('figcaption', { class: 'chart-axis muted' }, ...named.map((p) => h('span', {}, p?.label ?? ''))));
}
