// The caller's token usage, as the Flask original's dashboard showed it:
// today, this week, this month and in total; the last 30 days; by model;
// the latest calls.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { pageFrame, formatNumber, formatTime, table, rfc3339, errorLine, barChart } from './page.js';

export default class UsageView {
    constructor(shell) {
        this.body = h('div', { class: 'usage' }, h('p', { class: 'muted' }, t('Loading…')));
        this.element = pageFrame(shell, t('Usage'), this.body);
        this.load();
    }

    async load() {
        const to = new Date();
        const from = new Date(to);
        from.setHours(0, 0, 0, 0);
        from.setDate(from.getDate() - 29);
        const range = `from=${rfc3339(from)}&to=${rfc3339(to)}`;
        try {
            const [summary, days, models, records] = await Promise.all([
                api.get('/v1/me/usage'),
                api.get(`/v1/me/usage/breakdown?groupBy=day&${range}`),
                api.get(`/v1/me/usage/breakdown?groupBy=model&${range}`),
                api.get('/v1/me/usage/records?limit=20'),
            ]);
            this.draw(summary, days, models, records);
        } catch (e) {
            this.body.replaceChildren(errorLine(e));
        }
    }

    draw(summary, days, models, records) {
        const card = (label, period) => h('div', { class: 'stat' },
            h('div', { class: 'stat-label' }, label),
            h('div', { class: 'stat-value' }, formatNumber(period.totalTokens)),
            h('div', { class: 'stat-sub muted' }, t('{n} requests', { n: formatNumber(period.requests) })));
        const tokens = (r) => formatNumber(r.totalTokens);
        this.body.replaceChildren(
            h('div', { class: 'stats' }, card(t('Today'), summary.today), card(t('This week'), summary.week),
              card(t('This month'), summary.month), card(t('Total'), summary.total)),
            h('p', { class: 'muted small' }, t('Tokens; days are counted in {zone}.', { zone: summary.timeZone })),
            h('h2', {}, t('Last 30 days')),
            h('div', { class: 'card' }, barChart(days.groups.map((g) => ({ label: g.label, value: g.totalTokens })),
                                                 t('Tokens per day, last 30 days'))),
            h('h2', {}, t('By model')),
            table([{ label: t('Model'), value: (g) => g.label },
                   { label: t('Requests'), value: (g) => formatNumber(g.requests), class: 'num' },
                   { label: t('Prompt'), value: (g) => formatNumber(g.promptTokens), class: 'num' },
                   { label: t('Completion'), value: (g) => formatNumber(g.completionTokens), class: 'num' },
                   { label: t('Total'), value: tokens, class: 'num' }], models.groups),
            h('h2', {}, t('Recent calls')),
            table([{ label: t('Time'), value: (r) => formatTime(r.createdAt) },
                   { label: t('Model'), value: (r) => r.model },
                   { label: t('Tokens'), value: (r) => formatNumber(r.totalTokens) + (r.estimated ? ' ≈' : ''), class: 'num' },
                   { label: t('Time taken'), value: (r) => `${formatNumber(r.latencyMs)} ms`, class: 'num' },
                   { label: t('Result'), value: (r) => r.status }], records));
    }
}
