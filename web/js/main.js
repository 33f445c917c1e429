// Starts the web client: language, the session kept by the cookie, the
// routes, and the service worker that keeps the shell for offline starts.
import { api } from './api.js';
import { initLanguage, language } from './i18n.js';
import { showSignIn } from './views/login.js';
import { Shell } from './shell.js';

const root = document.getElementById('app');
let shell = null;

export function navigate(path, { replace = false } = {}) {
    if (path !== location.pathname)
        history[replace ? 'replaceState' : 'pushState']({}, '', path);
    route();
}

function route() {
    if (!api.user) {
        shell?.destroy();
        shell = null;
        showSignIn(root, () => navigate(location.pathname === '/login' ? '/' : location.pathname, { replace: true }));
        return;
    }
    shell ??= new Shell(root, navigate);
    shell.show(location.pathname);
}

async function start() {
    initLanguage();
    api.language = language();
    api.onSignedOut = () => route();
    window.addEventListener('popstate', route);
    document.addEventListener('hearth:language', () => {
        api.language = language();
        shell?.destroy();
        shell = null;
        route();
    });
    await api.restore();
    route();
    if ('serviceWorker' in navigator && window.isSecureContext)
        navigator.serviceWorker.register('/sw.js').catch(() => {});
}

start();
