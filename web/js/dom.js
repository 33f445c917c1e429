// Builds DOM elements without ever parsing HTML: text is always text.
// h('button', {class: 'x', onclick: fn, title: '…'}, 'Label', child…)
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === undefined || value === null || value === false)
            continue;
        if (name.startsWith('on') && typeof value === 'function')
            element.addEventListener(name.slice(2), value);
        else if (name === 'class')
            element.className = value;
        else if (name === 'dataset')
            Object.assign(element.dataset, value);
        else if (name === 'value' || name === 'checked' || name === 'selected')
            element[name] = value;
        else
            element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, children);
    return element;
}

export function append(element, children) {
    for (const child of children.flat()) {
        if (child === undefined || child === null || child === false)
            continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
}

// Hands `href` (an object URL of a file fetched with the access token) to
// the browser as a download named `name`.
export function saveUrl(href, name) {
    const link = h('a', { href, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
}

export function clear(element) {
    element.replaceChildren();
    return element;
}

// An SVG icon from the shared sprite-free set below (paths only).
const icons = {
    menu: 'M3 6h18M3 12h18M3 18h18',
    plus: 'M12 5v14M5 12h14',
    send: 'M5 12h14M13 6l6 6-6 6',
    stop: 'M7 7h10v10H7z',
    copy: 'M8 8h11v11H8zM5 16V5h11',
    edit: 'M4 20h4L19 9l-4-4L4 16v4z',
    redo: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
    more: 'M12 6h.01M12 12h.01M12 18h.01',
    close: 'M6 6l12 12M18 6L6 18',
    search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14zM16 16l5 5',
    chat: 'M4 5h16v11H9l-5 4z',
    chart: 'M5 20V10M12 20V4M19 20v-7',
    shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
    gear: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .2-1.3-1.6.4-2L14.6 3 13 4.5h-2L9.4 3 7 4.6l.4 2L6 8.2 4 8l-1 3 2 1-2 1 1 3 2-.2 1.3 1.6-.4 2L9.4 21l1.6-1.5h2l1.6 1.5 2.4-1.6-.4-2 1.3-1.6 2 .2 1-3z',
    sliders: 'M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4',
    clip: 'M20 11.5l-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8',
    camera: 'M4 8h3l2-3h6l2 3h3v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
    file: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
};
export function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('icon');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', icons[name] ?? '');
    svg.append(path);
    return svg;
}
