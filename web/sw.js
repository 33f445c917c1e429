// Keeps the web client's own files (the shell) for quick and offline starts.
// API answers are never cached: anything under /v1 or /health goes to the
// network as usual.
const cacheName = 'hearth-shell-v1';
const shell = ['/', '/css/app.css', '/js/main.js', '/js/api.js', '/js/dom.js', '/js/i18n.js', '/js/dialog.js',
               '/js/shell.js', '/js/render.js', '/js/views/login.js', '/js/views/sidebar.js', '/js/views/chat.js',
               '/js/views/message.js', '/js/views/attachments.js', '/js/views/banner.js', '/vendor/marked/marked.esm.js', '/vendor/dompurify/purify.es.mjs',
               '/icons/hearth.svg', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
    event.waitUntil(caches.keys()
        .then((names) => Promise.all(names.filter((n) => n !== cacheName).map((n) => caches.delete(n))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== location.origin ||
        url.pathname.startsWith('/v1') || url.pathname === '/health')
        return;
    // Network first, so a new version shows at once; the cache when offline.
    const page = event.request.mode === 'navigate';
    event.respondWith(fetch(event.request).then((response) => {
        if (response.ok && (page || shell.includes(url.pathname))) {
            const copy = response.clone();
            caches.open(cacheName).then((cache) => cache.put(page ? '/' : event.request, copy));
        }
        return response;
    }).catch(() => caches.match(page ? '/' : event.request)));
});
