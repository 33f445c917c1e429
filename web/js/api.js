// Talks to Hearth's /v1 API. The access token lives only in this module's
// memory; the refresh token is an HttpOnly cookie the page never sees
// (X-Hearth-Session: cookie), so a reload restores the session through
// /v1/auth/refresh and an expired access token is renewed silently.

export class ApiError extends Error {
    constructor(status, code, message, { retryAfter = 0, details = [] } = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.details = details;
    }
}

const sessionHeader = { 'X-Hearth-Session': 'cookie' };

export class Api {
    constructor() {
        this.accessToken = null;
        this.user = null;
        this.keepsSession = true; // false: no cookie (plain HTTP across the network)
        this.language = 'en';
        this.onSignedOut = () => {};
        this.pendingRefresh = null;
        this.refreshTimer = 0;
    }

    headers(extra = {}) {
        const headers = { 'Accept-Language': this.language === 'zh' ? 'zh-CN,zh' : 'en', ...extra };
        if (this.accessToken)
            headers.Authorization = `Bearer ${this.accessToken}`;
        return headers;
    }

    static async errorOf(response) {
        let body = {};
        try {
            body = await response.json();
        } catch {
            // Not JSON (a proxy's page): the status says enough.
        }
        const retryAfter = Number(response.headers.get('Retry-After')) || body.retryAfter || 0;
        return new ApiError(response.status, body.code ?? `HTTP_${response.status}`,
                            body.error ?? response.statusText, { retryAfter, details: body.details?.errors ?? [] });
    }

    acceptTokens(body) {
        this.accessToken = body.accessToken;
        if (body.user)
            this.user = body.user;
        if (body.refreshCookie === false)
            this.keepsSession = false;
        clearTimeout(this.refreshTimer);
        // Renew a minute before it expires, so a long stream never meets a 401.
        const ms = Math.max(10, (body.expiresIn ?? 3600) - 60) * 1000;
        if (this.keepsSession)
            this.refreshTimer = setTimeout(() => this.refresh().catch(() => {}), ms);
    }

    async signIn(email, password) {
        const response = await fetch('/v1/auth/login', {
            method: 'POST',
            headers: this.headers({ 'Content-Type': 'application/json', ...sessionHeader }),
            body: JSON.stringify({ email, password }),
            credentials: 'same-origin',
        });
        if (!response.ok)
            throw await Api.errorOf(response);
        this.keepsSession = true;
        this.acceptTokens(await response.json());
        return this.user;
    }

    // A session kept by the cookie, after a reload; false when there is none.
    async restore() {
        try {
            await this.refresh();
            this.user = await this.get('/v1/me');
            return true;
        } catch {
            return false;
        }
    }

    // One refresh at a time: concurrent 401s wait for the same answer.
    refresh() {
        if (!this.keepsSession)
            return Promise.reject(new ApiError(401, 'UNAUTHORIZED', 'Not signed in'));
        const once = async () => {
            const response = await fetch('/v1/auth/refresh', {
                method: 'POST',
                headers: { ...sessionHeader },
                credentials: 'same-origin',
            });
            if (!response.ok)
                throw await Api.errorOf(response);
            this.acceptTokens(await response.json());
        };
        // Tabs share the cookie, and each refresh rotates it: two tabs
        // refreshing at once would present the same token twice, which the
        // server takes for theft and ends the sign-in. The Web Locks API
        // makes the tabs take turns (each then sends the newest cookie).
        const exclusive = navigator.locks ? () => navigator.locks.request('hearth-refresh', once) : once;
        this.pendingRefresh ??= exclusive().finally(() => { this.pendingRefresh = null; });
        return this.pendingRefresh;
    }

    async signOut() {
        clearTimeout(this.refreshTimer);
        this.accessToken = null;
        this.user = null;
        await fetch('/v1/auth/logout', { method: 'POST', headers: sessionHeader, credentials: 'same-origin' })
            .catch(() => {});
    }

    // fetch with the access token; a 401 refreshes once and tries again.
    async send(method, path, body, extraHeaders = {}, signal = undefined) {
        const init = () => ({
            method,
            signal,
            headers: this.headers(body === undefined ? extraHeaders
                                                     : { 'Content-Type': 'application/json', ...extraHeaders }),
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        let response = await fetch(path, init());
        if (response.status === 401 && this.accessToken) {
            try {
                await this.refresh();
            } catch {
                this.signedOut();
                throw await Api.errorOf(response);
            }
            response = await fetch(path, init());
        }
        if (response.status === 401)
            this.signedOut();
        if (!response.ok)
            throw await Api.errorOf(response);
        return response;
    }

    signedOut() {
        if (!this.accessToken)
            return;
        this.accessToken = null;
        this.onSignedOut();
    }

    async json(method, path, body) {
        const response = await this.send(method, path, body);
        return response.status === 204 ? null : response.json();
    }
    get(path) { return this.json('GET', path); }
    post(path, body = {}) { return this.json('POST', path, body); }
    patch(path, body) { return this.json('PATCH', path, body); }
    del(path) { return this.json('DELETE', path); }

    // A page of a list and the URL of the next one (from the Link header).
    async page(path) {
        const response = await this.send('GET', path);
        const link = response.headers.get('Link') ?? '';
        const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1] ?? null;
        return { items: await response.json(), next: next ? relative(next) : null };
    }

    // Uploads a file as an attachment, reporting progress (0–1) as it goes:
    // fetch cannot tell an upload's progress, XMLHttpRequest can. Returns
    // {promise, abort}; a 401 refreshes once and sends again.
    upload(file, onProgress) {
        let xhr = null;
        let aborted = false;
        const once = () => new Promise((resolve, reject) => {
            xhr = new XMLHttpRequest();
            xhr.open('POST', `/v1/attachments?name=${encodeURIComponent(file.name || 'file')}`);
            for (const [name, value] of Object.entries(this.headers({ 'Content-Type': 'application/octet-stream' })))
                xhr.setRequestHeader(name, value);
            xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
            xhr.onload = () => resolve(new Response(xhr.response, {
                status: xhr.status, headers: { 'Retry-After': xhr.getResponseHeader('Retry-After') ?? '' } }));
            xhr.onerror = () => reject(new ApiError(0, 'NETWORK', ''));
            xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
            xhr.send(file);
        });
        const promise = (async () => {
            let response = await once();
            if (response.status === 401 && this.accessToken && !aborted) {
                await this.refresh();
                response = await once();
            }
            if (!response.ok)
                throw await Api.errorOf(response);
            return response.json();
        })();
        return { promise, abort: () => { aborted = true; xhr?.abort(); } };
    }

    // A file the API serves only with the access token, as an object URL
    // an <img> or a link can use (kept for the page's life: they never change).
    blobUrl(path) {
        this.blobs ??= new Map();
        if (!this.blobs.has(path)) {
            const made = this.send('GET', path).then((r) => r.blob()).then((b) => URL.createObjectURL(b));
            made.catch(() => this.blobs.delete(path));
            this.blobs.set(path, made);
        }
        return this.blobs.get(path);
    }

    // POSTs and reads the answer as server-sent events: onEvent(name, data).
    async stream(path, body, onEvent, signal) {
        const response = await this.send('POST', path, body, { Accept: 'text/event-stream' }, signal);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
            const { value, done } = await reader.read();
            if (done)
                break;
            buffer += value;
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                let event = 'message';
                const data = [];
                for (const line of block.split('\n')) {
                    if (line.startsWith('event:'))
                        event = line.slice(6).trim();
                    else if (line.startsWith('data:'))
                        data.push(line.slice(5).replace(/^ /, ''));
                }
                if (data.length)
                    onEvent(event, JSON.parse(data.join('\n')));
            }
        }
    }
}

// Link headers name absolute URLs; the page keeps to its own origin.
function relative(url) {
    const parsed = new URL(url, location.origin);
    return parsed.pathname + parsed.search;
}

export const api = new Api();
