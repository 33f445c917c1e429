// Hearth's web client in Debian's Chromium (playwright-core, no downloaded
// browser). Started by tst_web_client with HEARTH_URL (a hearth-server
// relaying to the test's fake provider), HEARTH_CHECK_MODE=full|https.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';

const base = process.env.HEARTH_URL;
const upstream = process.env.HEARTH_UPSTREAM_URL.replace(/\/v1$/, '');
const admin = { email: process.env.HEARTH_ADMIN_EMAIL, password: process.env.HEARTH_ADMIN_PASSWORD };
const shots = process.env.HEARTH_SCREENSHOTS;
const mode = process.env.HEARTH_CHECK_MODE ?? 'full';
mkdirSync(shots, { recursive: true });

function check(condition, what) {
    if (!condition)
        throw new Error(`FAILED: ${what}`);
    console.log(`ok - ${what}`);
}

async function api(token, method, path, body) {
    const response = await fetch(base + path, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function adminToken() {
    const login = await api(null, 'POST', '/v1/auth/login', admin);
    return login.json.accessToken;
}

const args = ['--disable-gpu', '--no-first-run'];
if (process.getuid?.() === 0)
    args.push('--no-sandbox');
if (process.env.HEARTH_SPKI)
    args.push(`--ignore-certificate-errors-spki-list=${process.env.HEARTH_SPKI}`);
const browser = await chromium.launch({ executablePath: process.env.HEARTH_CHROMIUM, args });

async function newPage({ width = 1440, height = 900, locale = 'en-US', colorScheme = 'light' } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme });
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    page.dialogs = 0;
    page.on('dialog', (d) => { page.dialogs++; d.dismiss(); });
    return page;
}

async function signIn(page, email, password) {
    await page.goto(base + '/');
    await page.fill('#login-email', email);
    await page.fill('#login-password', password);
    await page.click('.login-card button[type=submit]');
    await page.waitForSelector('.composer-input');
}

async function send(page, text, model) {
    if (model)
        await page.selectOption('.model-picker', model);
    await page.fill('.composer-input', text);
    await page.press('.composer-input', 'Enter');
}

const lastReply = '.msg.assistant >> nth=-1';
async function waitForReplyDone(page) {
    await page.waitForFunction(() => {
        const replies = document.querySelectorAll('.msg.assistant');
        return replies.length && !replies[replies.length - 1].classList.contains('streaming');
    });
}

async function full() {
    let token = await adminToken();
    check((await api(token, 'PATCH', '/v1/admin/settings', { chatRateLimit: { perMinute: 1000, perDay: null, perWeek: null } })).status === 200,
          'the admin lifts the rate limit for the test');

    const page = await newPage();
    let pageToken = null;
    const seen = [];
    page.on('response', async (response) => {
        const path = new URL(response.url()).pathname;
        seen.push(`${response.status()} ${path}`);
        if ((path === '/v1/auth/login' || path === '/v1/auth/refresh') && response.status() === 200)
            pageToken = (await response.json()).accessToken;
    });

    // Sign in.
    await page.goto(base + '/');
    await page.fill('#login-email', admin.email);
    await page.fill('#login-password', 'not the password');
    await page.click('.login-card button[type=submit]');
    await page.waitForSelector('.form-error:has-text("Wrong email or password.")');
    check(true, 'a wrong password says so in plain words');
    await signIn(page, admin.email, admin.password);
    check(!(await page.evaluate(() => document.cookie)).includes('hearth_refresh'), 'page scripts cannot read the refresh token');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'hearth_refresh');
    check(cookie && cookie.httpOnly && cookie.sameSite === 'Strict' && cookie.path === '/v1/auth',
          'the refresh token is an HttpOnly, SameSite=Strict cookie for /v1/auth');

    // A reply grows while the provider is held; Stop keeps what came.
    await send(page, 'Tell me a story', 'fake-gated');
    await page.waitForSelector('.msg.assistant.streaming .content:has-text("First")');
    check(await page.isVisible('.send.stop'), 'the reply shows while the provider is still writing, with Stop');
    await page.click('.send.stop');
    await waitForReplyDone(page);
    check((await page.textContent(`${lastReply} >> .content`)).trim() === 'First', 'Stop keeps the partial reply');
    check((await page.textContent(`${lastReply} >> .msg-note`)).includes('Stopped'), 'a stopped reply says so');

    await send(page, 'Another one', 'fake-gated');
    await page.waitForSelector('.msg.assistant.streaming .content:has-text("First")');
    await fetch(`${upstream}/control/release-gate`, { method: 'POST' });
    await waitForReplyDone(page);
    check((await page.textContent(`${lastReply} >> .content`)).includes('and last'), 'the rest arrives when the provider goes on');
    const chatUrl = page.url();
    check(/\/chat\/[^/]+$/.test(chatUrl), 'the address names the conversation');

    // A reload keeps the session and the conversation.
    await page.reload();
    await page.waitForSelector('.msg.assistant >> nth=1');
    check(!(await page.isVisible('#login-email')), 'a reload keeps the session');
    check(await page.locator('.msg').count() === 4, 'a reload shows the conversation');
    check((await page.textContent('.msg.assistant >> nth=0')).includes('Stopped'), 'the stopped reply was kept as stopped');

    // Tabs of one browser share the session: loading them together must
    // not spend the rotating refresh cookie twice (that ends the sign-in).
    const tabs = await Promise.all([0, 1, 2].map(() => page.context().newPage()));
    await Promise.all([page.reload(), ...tabs.map((tab) => tab.goto(base + '/'))]);
    await Promise.all([page, ...tabs].map((tab) => tab.waitForSelector('.composer-input')));
    check(true, 'four tabs opened at once all stay signed in');
    await Promise.all(tabs.map((tab) => tab.close()));

    // Model output cannot run script.
    const payload = 'Look: <img src=x onerror="alert(1)"> <script>alert(2)</script> [click](javascript:alert(3)) ' +
                    '<svg onload="alert(4)"><circle r="5"/></svg> <a href="javascript:alert(5)">x</a> ' +
                    '<iframe src="javascript:alert(6)"></iframe> <b onmouseover="alert(7)">bold</b> [site](https://example.org/)';
    await send(page, payload, 'fake-echo');
    await waitForReplyDone(page);
    await page.hover(`${lastReply} >> b`).catch(() => {});
    const dangerous = await page.evaluate(() => {
        const reply = [...document.querySelectorAll('.msg.assistant .content')].pop();
        return {
            bad: reply.querySelectorAll('script, svg, iframe, [onerror], [onload], [onmouseover], a[href^="javascript:" i]').length,
            link: reply.querySelector('a[href="https://example.org/"]')?.getAttribute('rel') ?? '',
            target: reply.querySelector('a[href="https://example.org/"]')?.getAttribute('target') ?? '',
            text: reply.textContent,
        };
    });
    check(dangerous.bad === 0, 'no script, SVG, frame, handler or javascript: link survives in a reply');
    check(dangerous.text.includes('Look:') && dangerous.text.includes('bold'), 'the harmless rest of the reply shows');
    check(dangerous.link.includes('noopener') && dangerous.target === '_blank', 'links open in a new tab with rel=noopener');
    check(page.dialogs === 0, 'nothing in the reply ran');
    check((await page.textContent('.msg.user >> nth=-1')).includes('<script>'), 'the question shows as the text typed');

    // Code and math.
    const codeAndMath = 'Here is code:\n\n```python\nprint("hi")\n```\n\nand math $a_1^2 + b_1^2 = c^2$ and\n\n$$\\int_0^1 x\\,dx = \\frac{1}{2}$$\n\nand \\(x_i\\) too.';
    await send(page, codeAndMath, 'fake-echo');
    await waitForReplyDone(page);
    await page.waitForSelector(`${lastReply} >> pre code.hljs`);
    await page.waitForFunction(() => [...document.querySelectorAll('.msg.assistant')].pop().querySelectorAll('.katex').length >= 3);
    check((await page.textContent(`${lastReply} >> .code-head`)).includes('python'), 'code blocks name their language');
    check(await page.evaluate(() => [...document.querySelectorAll('.msg.assistant')].pop()
        .querySelectorAll('pre code [class^="hljs-"]').length) >= 2, 'code is highlighted');
    const tex = await page.evaluate(() => [...[...document.querySelectorAll('.msg.assistant')].pop()
        .querySelectorAll('.katex annotation')].map((a) => a.textContent));
    check(tex.includes('a_1^2 + b_1^2 = c^2') && tex.some((t) => t.includes('\\int_0^1')) && tex.includes('x_i'),
          'math keeps its underscores and backslashes and is typeset');
    const mathChat = page.url();

    // Files: a picture by the attach button, a document dropped on the chat,
    // a screenshot pasted into the composer; the provider gets all three
    // (fake-echo says what it got).
    await page.goto(base + '/');
    await page.waitForSelector('.composer-input');
    const png = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 320;
        canvas.height = 200;
        const g = canvas.getContext('2d');
        g.fillStyle = '#e8691e';
        g.fillRect(0, 0, 320, 200);
        g.fillStyle = '#fff';
        g.fillRect(40, 40, 120, 80);
        return canvas.toDataURL('image/png').split(',')[1];
    });
    const attachPicture = (name) => page.setInputFiles('.attach-buttons .file-input >> nth=0',
        { name, mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await attachPicture('photo.png');
    await page.evaluate(() => {
        const files = new DataTransfer();
        files.items.add(new File(['# Notes\n\nline one\nline two\n'], 'notes.md', { type: 'text/markdown' }));
        const chat = document.querySelector('.chat');
        for (const type of ['dragenter', 'dragover', 'drop'])
            chat.dispatchEvent(new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }));
    });
    await page.evaluate((data) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const clipboard = new DataTransfer();
        clipboard.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
        document.querySelector('.composer-input').dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    }, png);
    await page.waitForFunction(() => document.querySelectorAll('.tray .chip.done').length === 3);
    check(await page.locator('.tray .chip-thumb').count() === 2, 'attached pictures show a preview in the composer');
    await page.fill('.composer-input', 'What are these?');
    await page.screenshot({ path: `${shots}/attachments-tray-en-1440.png` });

    // A model that reads text only is refused the pictures; nothing is lost.
    await page.selectOption('.model-picker', 'fake-markdown');
    await page.press('.composer-input', 'Enter');
    await page.waitForSelector('.banner.error:has-text("cannot see pictures")');
    check(await page.locator('.tray .chip.done').count() === 3 && await page.inputValue('.composer-input') === 'What are these?',
          'a text-only model refuses pictures in plain words, and the files and text stay');

    await send(page, 'What are these?', 'fake-echo');
    await waitForReplyDone(page);
    const echoed = await page.textContent(`${lastReply} >> .content`);
    check((echoed.match(/\[picture image\/png, \d+ bytes\]/g) ?? []).length === 2 && echoed.includes('line two') &&
          echoed.includes('File: notes.md'), `the provider got both pictures and the document (${echoed.slice(0, 160)})`);
    check(await page.locator('.tray .chip').count() === 0, 'the tray empties once the message is sent');
    await page.waitForFunction(() => [...document.querySelectorAll('.msg.user .msg-picture')]
        .filter((img) => img.complete && img.naturalWidth > 0).length === 2);
    check((await page.textContent('.msg.user .msg-files')).includes('notes.md'), 'the sent message shows its files');
    await page.click('.msg.user .picture-button >> nth=0');
    await page.waitForFunction(() => document.querySelector('.lightbox img')?.naturalWidth === 320);
    check(true, 'a picture opens full size');
    await page.screenshot({ path: `${shots}/attachments-lightbox-en-1440.png` });
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForFunction(() => [...document.querySelectorAll('.msg.user .msg-picture')]
        .filter((img) => img.complete && img.naturalWidth > 0).length === 2);
    check(true, 'the pictures are still there after a reload');
    await page.screenshot({ path: `${shots}/attachments-sent-en-1440.png` });
    const filesChat = page.url();

    // The access token runs out mid-session: the next send still works.
    await page.route('**/v1/auth/refresh', (route) => route.abort()); // as if the renewal timer never ran
    const stale = pageToken;
    for (let i = 0; i < 120 && (await api(stale, 'GET', '/v1/me')).status !== 401; ++i)
        await new Promise((resolve) => setTimeout(resolve, 500)); // polling the server, not timing the client
    check((await api(stale, 'GET', '/v1/me')).status === 401, 'the page\'s access token expired');
    await page.unroute('**/v1/auth/refresh');
    seen.length = 0;
    await send(page, 'After expiry', 'fake-echo');
    await waitForReplyDone(page);
    check((await page.textContent(`${lastReply} >> .content`)).trim() === 'After expiry', 'the send after expiry went through');
    const refused = seen.findIndex((s) => s.startsWith('401 /v1/conversations'));
    const refreshed = seen.indexOf('200 /v1/auth/refresh');
    check(refused >= 0 && refreshed > refused && seen.slice(refreshed).some((s) => /^200 .*\/messages$/.test(s)),
          'the stale token was refused once, refreshed silently, and the call made again');

    // An admin adds a user, who sees nothing of the admin's.
    await page.goto(base + '/admin/users');
    await page.click('button:has-text("Add user")');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[type=email]').fill('member@example.com');
    await dialog.locator('input[type=password]').fill('member password 1');
    await dialog.locator('button[type=submit]').click();
    await page.waitForSelector('td:has-text("member@example.com")');
    check(true, 'the admin adds a user from the admin page');

    // The server-wide attachment storage, in MB, beside the token quotas.
    await page.goto(base + '/admin/settings');
    await page.fill('.storage-default', '50');
    await page.click('.settings-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.settings-form p[role=status]')?.textContent);
    const settingsStatus = await page.textContent('.settings-form p[role=status]');
    check(settingsStatus === 'Saved.', `the settings are saved (${settingsStatus})`);
    const storageSaved = (await api(await adminToken(), 'GET', '/v1/admin/settings')).json.defaultQuota;
    check(storageSaved.storageBytes === 50 * 1024 * 1024, 'the admin sets the default attachment storage');
    await api(await adminToken(), 'PATCH', '/v1/admin/settings', { defaultQuota: { storageBytes: null } });

    const phone = await newPage({ width: 390, height: 844, locale: 'zh-CN', colorScheme: 'dark' });
    await signIn(phone, 'member@example.com', 'member password 1');
    await phone.click('.menu-button');
    await phone.waitForSelector('.conversation-list p:has-text("还没有对话")');
    check(await phone.locator('.conversation').count() === 0, 'the new user sees none of the admin\'s conversations');
    check(await phone.locator('a[href="/admin"]').count() === 0, 'and no way to the admin pages');
    await phone.goto(base + '/admin/users');
    await phone.waitForURL(base + '/');
    check(!(await phone.isVisible('.tabs')), 'the admin page is refused to them');
    await phone.goto(chatUrl);
    await phone.waitForSelector('.empty:has-text("该对话不存在")');
    check(true, 'the admin\'s conversation address is not found for them');

    // A Chinese reply on a phone; then the rate limit counts down.
    token = await adminToken();
    await api(token, 'PATCH', '/v1/admin/settings', { chatRateLimit: { perMinute: 1, perDay: null, perWeek: null } });
    await send(phone, '用三句话介绍 **Hearth**：\n\n1. 在自己的电脑上运行\n2. 支持 `DeepSeek`、OpenAI 和 Ollama\n3. 公式也能显示：$E = mc^2$', 'fake-echo');
    await waitForReplyDone(phone);
    await phone.waitForSelector('.msg.assistant .katex');
    await phone.screenshot({ path: `${shots}/streamed-reply-zh-390.png` });
    await send(phone, '第二条消息', 'fake-echo');
    await phone.waitForSelector('.banner.wait');
    // "1 分 0 秒后可再次发送" or "59 秒后可再次发送": the seconds left.
    const secondsLeft = (text) => {
        const m = /(?:(\d+)\s*分\s*)?(\d+)\s*秒后可再次发送/.exec(text);
        return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
    };
    const first = secondsLeft(await phone.textContent('.banner'));
    console.log(`  banner: ${await phone.textContent('.banner')}`);
    check(first > 0 && first <= 60, `the rate-limit message says when (${first} s)`);
    await phone.waitForFunction((n) => {
        const m = /(?:(\d+)\s*分\s*)?(\d+)\s*秒后可再次发送/.exec(document.querySelector('.banner').textContent);
        return m && Number(m[1] ?? 0) * 60 + Number(m[2]) < n;
    }, first, { timeout: 5000 });
    check(true, 'and counts down');
    check(await phone.inputValue('.composer-input') === '第二条消息', 'the refused message is given back');
    check(await phone.isDisabled('.send'), 'sending waits for the countdown');
    await api(token, 'PATCH', '/v1/admin/settings', { chatRateLimit: { perMinute: 1000, perDay: null, perWeek: null } });

    // Every string the pages use has its Chinese.
    const files = ['main', 'api', 'dom', 'i18n', 'dialog', 'shell', 'render', 'views/login', 'views/sidebar',
                   'views/chat', 'views/message', 'views/page', 'views/usage', 'views/admin', 'views/settings',
                   'views/attachments', 'views/banner'];
    const keys = new Set();
    for (const file of files) {
        const source = await (await fetch(`${base}/js/${file}.js`)).text();
        for (const m of source.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g))
            keys.add(m[1].replace(/\\'/g, "'"));
    }
    const chinese = await page.evaluate(async () => Object.keys((await import('/js/i18n.js')).chineseStrings));

    // The page preloads its start-up modules and the service worker keeps
    // each of them for offline starts: two lists kept by hand, so compared.
    const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload]')]
        .map((link) => new URL(link.href).pathname));
    const shellList = await (await fetch(`${base}/sw.js`)).text();
    const notKept = preloaded.filter((p) => !shellList.includes(`'${p}'`));
    check(preloaded.length > 10 && notKept.length === 0, `the service worker keeps every preloaded module${notKept.length ? `; not: ${notKept}` : ''}`);
    const missing = [...keys].filter((k) => !chinese.includes(k));
    check(keys.size > 100 && missing.length === 0, `all ${keys.size} strings have Chinese${missing.length ? `; missing: ${missing.join(' | ')}` : ''}`);

    // Screenshots: sign-in, a chat with code and math, usage, admin.
    for (const [width, height] of [[390, 844], [1440, 900]]) {
        for (const [lang, locale, scheme] of [['en', 'en-US', 'light'], ['zh', 'zh-CN', 'dark']]) {
            const shot = await newPage({ width, height, locale, colorScheme: scheme });
            await shot.goto(base + '/');
            await shot.waitForSelector('#login-email');
            await shot.screenshot({ path: `${shots}/login-${lang}-${width}.png` });
            await signIn(shot, admin.email, admin.password);
            await shot.goto(mathChat);
            await shot.waitForFunction(() => document.querySelectorAll('.katex').length >= 3 && document.querySelector('.hljs'));
            await shot.screenshot({ path: `${shots}/chat-${lang}-${width}.png` });
            await shot.goto(filesChat);
            await shot.waitForFunction(() => [...document.querySelectorAll('.msg-picture')]
                .filter((img) => img.complete && img.naturalWidth > 0).length === 2);
            await shot.screenshot({ path: `${shots}/files-${lang}-${width}.png` });
            await shot.goto(base + '/usage');
            await shot.waitForSelector('.stats');
            await shot.screenshot({ path: `${shots}/usage-${lang}-${width}.png` });
            await shot.goto(base + '/admin/users');
            await shot.waitForSelector('td:has-text("member@example.com")');
            await shot.screenshot({ path: `${shots}/admin-${lang}-${width}.png` });
            check(shot.errors.length === 0, `no script errors at ${width} px in ${lang}${shot.errors.length ? `: ${shot.errors}` : ''}`);
            await shot.context().close();
        }
    }

    // Signing out forgets the session, also across a reload.
    await page.goto(base + '/settings');
    await page.click('button:has-text("Sign out")');
    await page.waitForSelector('#login-email');
    await page.reload();
    await page.waitForSelector('#login-email');
    check(!(await page.context().cookies()).some((c) => c.name === 'hearth_refresh' && c.value), 'signing out clears the cookie');
    check(page.errors.length === 0 && phone.errors.length === 0, `no script errors${page.errors.length ? `: ${page.errors}` : ''}`);
    console.log('web client: all checks passed');
}

// Figures, not assertions (ctest -L bench): the first load's size and time,
// frame gaps while 2,000 deltas stream, the server's memory under 100 tabs.
async function signedInContext(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
    const login = await context.request.post(base + '/v1/auth/login',
        { data: admin, headers: { 'X-Hearth-Session': 'cookie' } });
    check(login.ok(), 'a browser context signs in');
    return context;
}

// When the composer first shows, from the navigation's start (recorded by
// the page itself, not by the test's polling).
const recordInteractive = () => {
    new MutationObserver((_, observer) => {
        if (document.querySelector('.composer-input')) {
            window.hearthInteractiveAt = performance.now();
            observer.disconnect();
        }
    }).observe(document, { childList: true, subtree: true });
};

async function loadFigures(page) {
    await page.goto(base + '/');
    await page.waitForSelector('.composer-input');
    await page.waitForLoadState('networkidle');
    return page.evaluate(() => {
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const sum = (list) => list.reduce((n, e) => n + e.transferSize, 0);
        return {
            interactive: window.hearthInteractiveAt,
            total: sum(entries),
            api: sum(entries.filter((e) => new URL(e.name).pathname.startsWith('/v1/'))),
            files: entries.length,
            slowest: entries.toSorted((a, b) => b.responseEnd - a.responseEnd).slice(0, 4)
                .map((e) => `${new URL(e.name).pathname} ${e.startTime.toFixed(0)}–${e.responseEnd.toFixed(0)} ms`),
        };
    });
}

async function bench() {
    const token = await adminToken();
    await api(token, 'PATCH', '/v1/admin/settings', { chatRateLimit: { perMinute: 100000, perDay: null, perWeek: null } });
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

    // First load with an empty cache, then again with the cache warm.
    const context = await signedInContext();
    await context.addInitScript(recordInteractive);
    const cold = await loadFigures(await context.newPage());
    const warm = await loadFigures(await context.newPage());
    console.log(`figure: first load of the chat screen: ${kb(cold.total)} transferred (${kb(cold.api)} of it API answers), ` +
                `${cold.files} requests, interactive after ${cold.interactive.toFixed(0)} ms`);
    console.log(`figure: load with a warm cache: ${kb(warm.total)} transferred, interactive after ${warm.interactive.toFixed(0)} ms`);
    console.log(`  last to arrive: ${warm.slowest.join(', ')}`);

    // 2,000 deltas: the longest gap between animation frames and the long tasks.
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.waitForSelector('.composer-input');
    await page.evaluate(() => {
        window.frameGaps = [];
        window.longTasks = [];
        new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
            .observe({ type: 'longtask' });
        let last = performance.now();
        const tick = (now) => {
            window.frameGaps.push(now - last);
            last = now;
            if (!window.stopFrames)
                requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    });
    const started = Date.now();
    await send(page, 'Count to two thousand', 'fake-tokens-2000-5');
    await waitForReplyDone(page);
    const frames = await page.evaluate(() => {
        window.stopFrames = true;
        const gaps = window.frameGaps.slice(1);
        return { max: Math.max(...gaps), over50: gaps.filter((g) => g > 50).length, count: gaps.length,
                 longTasks: window.longTasks, text: [...document.querySelectorAll('.msg.assistant .content')].pop().textContent };
    });
    check(frames.text.includes('tok1999'), 'all 2,000 deltas arrived');
    console.log(`figure: 2,000 deltas in ${((Date.now() - started) / 1000).toFixed(1)} s: ${frames.count} frames, ` +
                `longest gap ${frames.max.toFixed(1)} ms, ${frames.over50} over 50 ms, ` +
                `long tasks: ${frames.longTasks.length ? frames.longTasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`);
    await context.close();

    // 100 tabs (10 signed-in browser contexts of 10) each streaming a reply.
    const pid = process.env.HEARTH_SERVER_PID;
    const memory = () => Object.fromEntries(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')
        .filter((l) => /^Vm(RSS|HWM):/.test(l)).map((l) => [l.split(':')[0], Number(l.split(/\s+/)[1]) / 1024]));
    const before = memory();
    const contexts = await Promise.all(Array.from({ length: 10 }, () => signedInContext({ viewport: { width: 390, height: 844 } })));
    const signedIn = memory(); // Argon2's memory for the ten sign-ins stays with the allocator
    const pages = [];
    for (const c of contexts) {
        c.setDefaultTimeout(180000); // 100 tabs on two cores
        for (let i = 0; i < 10; ++i)
            pages.push(await c.newPage());
    }
    await Promise.all(pages.map(async (p) => { await p.goto(base + '/'); await p.waitForSelector('.composer-input'); }));
    const loaded = memory();
    let peakRss = 0;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, memory().VmRSS); }, 100);
    await Promise.all(pages.map((p) => send(p, 'Stream with everyone else', 'fake-tokens-200-20')));
    await Promise.all(pages.map((p) => p.waitForSelector('.msg.assistant.streaming')));
    const streaming = memory();
    await Promise.all(pages.map((p) => waitForReplyDone(p)));
    clearInterval(sampler);
    const done = await Promise.all(pages.map((p) => p.evaluate(() => [...document.querySelectorAll('.msg.assistant .content')].pop().textContent)));
    check(done.every((t) => t.includes('tok199')), 'all 100 tabs received their whole reply');
    const after = memory();
    const mb = (n) => `${n.toFixed(1)} MiB`;
    console.log(`figure: server memory: ${mb(before.VmRSS)} idle, ${mb(signedIn.VmRSS)} after ten sign-ins, ${mb(loaded.VmRSS)} with 100 tabs open, ` +
                `${mb(streaming.VmRSS)} while all 100 stream (peak RSS sampled ${mb(peakRss)}), ${mb(after.VmRSS)} after; VmHWM ${mb(after.VmHWM)}`);
    await Promise.all(contexts.map((c) => c.close()));
    console.log('web client figures: done');
}

async function https() {
    const page = await newPage({ width: 390, height: 844, locale: 'zh-CN' });
    await signIn(page, 'phone@example.com', "a phone's password");
    const cookie = (await page.context().cookies()).find((c) => c.name === 'hearth_refresh');
    check(cookie?.secure && cookie.httpOnly, 'over HTTPS the session cookie is Secure and HttpOnly');
    await send(page, 'Over HTTPS', 'fake-echo');
    await waitForReplyDone(page);
    check((await page.textContent(`${lastReply} >> .content`)).trim() === 'Over HTTPS', 'chatting works over the shared HTTPS address');
    // A secure context: the service worker keeps the shell, never API answers.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector('.composer-input');
    await page.waitForFunction(async () => (await caches.keys()).includes('hearth-shell-v1'));
    const cached = await page.evaluate(async () => (await (await caches.open('hearth-shell-v1')).keys()).map((r) => new URL(r.url).pathname));
    check(cached.includes('/js/main.js') && !cached.some((p) => p.startsWith('/v1')), 'the service worker caches the shell only');
    const manifest = await (await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.text())));
    check(JSON.parse(manifest).display === 'standalone', 'the manifest makes it installable');
    await page.screenshot({ path: `${shots}/https-zh-390.png` });
    check(page.errors.length === 0, 'no script errors');
    console.log('web client over https: all checks passed');
}

try {
    await ({ https, bench, full }[mode] ?? full)();
} catch (e) {
    console.error(e.stack ?? e);
    process.exitCode = 1;
} finally {
    await browser.close();
}
