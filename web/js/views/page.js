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

// A bar chart of [{label, value}] as inline SVG built from DOM nodes.
export function barChart(points, caption) {
    const ns = 'http://www.w3.org/2000/svg';
    const width = 600, height = 160, gap = 2;
    const max = Math.max(1, ...points.map((p) => p.value));
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height + 18}`);
    svg.setAttribute('class', 'chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', caption);
    const barWidth = width / Math.max(1, points.length) - gap;
    points.forEach((p, i) => {
        const barHeight = Math.round((p.value / max) * height);
        const rect = document.createElementNS(ns, 'rect');
        rect.setAttribute('x', String(i * (barWidth + gap)));
        rect.setAttribute('y', String(height - barHeight));
        rect.setAttribute('width', String(Math.max(1, barWidth)));
        rect.setAttribute('height', String(Math.max(p.value ? 2 : 0, barHeight)));
        rect.setAttribute('rx', '2');
        const title = document.createElementNS(ns, 'title');
        title.textContent = `${p.label}: ${formatNumber(p.value)}`;
        rect.append(title);
        svg.append(rect);
        if (i === 0 || i === points.length - 1 || i === Math.floor(points.length / 2)) {
            const label = document.createElementNS(ns, 'text');
            label.setAttribute('x', String(i * (barWidth + gap) + barWidth / 2));
            label.setAttribute('y', String(height + 14));
            label.setAttribute('text-anchor', i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle');
            label.textContent = p.label.slice(5);
            svg.append(label);
        }
    });
    return svg;
}
