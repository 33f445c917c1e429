// Model output to safe DOM: Markdown by marked, sanitized by DOMPurify,
// code highlighted by highlight.js and math typeset by KaTeX. The last two
// load only when a reply needs them, so the first page stays small.
import { Marked } from '/vendor/marked/marked.esm.js';
import DOMPurify from '/vendor/dompurify/purify.es.mjs';
import { h } from './dom.js';
import { t } from './i18n.js';

// Math is taken out before Markdown can eat its underscores and
// backslashes: $$…$$ and \[…\] as blocks, \(…\) and $…$ inline. A `$`
// followed by a space or a digit after the closing one is a price, not math.
const mathExtension = {
    extensions: [
        {
            name: 'mathBlock',
            level: 'block',
            start: (src) => src.match(/\$\$|\\\[/)?.index,
            tokenizer(src) {
                const match = /^(?:\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\])[ \t]*(?:\n|$)/.exec(src);
                if (match)
                    return { type: 'mathBlock', raw: match[0], tex: (match[1] ?? match[2]).trim() };
            },
            renderer: (token) => mathPlaceholder(token.tex, true),
        },
        {
            name: 'mathInline',
            level: 'inline',
            start: (src) => src.match(/\$|\\\(/)?.index,
            tokenizer(src) {
                const match = /^(?:\$\$([^$]+?)\$\$|\\\((.+?)\\\)|\$(?=\S)([^$\n]*?\S)\$(?!\d))/.exec(src);
                if (match) {
                    const display = match[1] !== undefined;
                    return { type: 'mathInline', raw: match[0], tex: match[1] ?? match[2] ?? match[3], display };
                }
            },
            renderer: (token) => mathPlaceholder(token.tex, token.display),
        },
    ],
};

function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function mathPlaceholder(tex, display) {
    const tag = display ? 'div' : 'span';
    return `<${tag} class="math" data-display="${display ? 1 : 0}">${escapeHtml(tex)}</${tag}>`;
}

const marked = new Marked({ gfm: true, breaks: true }, mathExtension);

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
    }
});

const purifyOptions = {
    USE_PROFILES: { html: true }, // no SVG, no MathML from the model
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-display'],
};

// Markdown to a sanitized fragment in `target`. `final`: the reply is
// complete, so code is highlighted and math typeset (not on every delta).
export function renderMarkdown(target, markdown, { final = true } = {}) {
    const html = marked.parse(markdown ?? '');
    target.replaceChildren(DOMPurify.sanitize(html, { ...purifyOptions, RETURN_DOM_FRAGMENT: true }));
    decorateCode(target);
    if (final) {
        highlightCode(target);
        typesetMath(target);
    }
}

function decorateCode(root) {
    for (const pre of root.querySelectorAll('pre')) {
        const code = pre.querySelector('code');
        if (!code || pre.parentElement?.classList.contains('code-block'))
            continue;
        const language = /language-([\w+#.-]+)/.exec(code.className)?.[1] ?? '';
        const copy = h('button', { class: 'code-copy', type: 'button' }, t('Copy'));
        copy.addEventListener('click', () => copyText(code.textContent, copy));
        const wrapper = h('div', { class: 'code-block' },
                          h('div', { class: 'code-head' }, h('span', {}, language || t('code')), copy));
        pre.replaceWith(wrapper);
        wrapper.append(pre);
    }
}

export async function copyText(text, button) {
    try {
        await navigator.clipboard.writeText(text);
        if (button) {
            const label = button.textContent;
            button.textContent = t('Copied');
            setTimeout(() => { button.textContent = label; }, 1500);
        }
    } catch {
        // Clipboard refused (plain HTTP across the network): nothing to do.
    }
}

let highlighter = null;
async function highlightCode(root) {
    const blocks = [...root.querySelectorAll('pre code')];
    if (!blocks.length)
        return;
    if (!highlighter) {
        for (const [theme, scheme] of [['github', 'light'], ['github-dark', 'dark']])
            document.head.append(h('link', { rel: 'stylesheet', href: `/vendor/highlight/${theme}.min.css`,
                                             media: `(prefers-color-scheme: ${scheme})` }));
        highlighter = import('/vendor/highlight/highlight.min.js').then((m) => m.default);
    }
    const hljs = await highlighter;
    for (const block of blocks) {
        if (!block.dataset.highlighted)
            hljs.highlightElement(block);
    }
}

let katex = null;
async function typesetMath(root) {
    const spots = [...root.querySelectorAll('.math')];
    if (!spots.length)
        return;
    if (!katex) {
        const sheet = h('link', { rel: 'stylesheet', href: '/vendor/katex/katex.min.css' });
        document.head.append(sheet);
        // KaTeX's minified build is a classic script that defines
        // window.katex (a third of its ES module's size).
        katex = new Promise((resolve, reject) => {
            const script = h('script', { src: '/vendor/katex/katex.min.js' });
            script.addEventListener('load', () => resolve(window.katex));
            script.addEventListener('error', reject);
            document.head.append(script);
        });
    }
    const lib = await katex;
    for (const spot of spots) {
        if (spot.dataset.typeset)
            continue;
        const tex = spot.textContent;
        // trust: false (the default) keeps \href, \url and \htmlData out.
        lib.render(tex, spot, { displayMode: spot.dataset.display === '1', throwOnError: false, trust: false });
        spot.dataset.typeset = '1';
        spot.title = tex;
    }
}
