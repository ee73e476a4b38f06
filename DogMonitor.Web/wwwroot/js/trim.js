// The trim bar's pointer side: dragging a handle (mouse, finger or pen) reports where it is as a fraction of the strip,
// one report at a time so a slow connection is not flooded; the keys the handles use are kept from scrolling the page
// (Tab is not among them, so keyboard users move on). The bar itself decides where a handle may go.
const keys = new Set([',', '.', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export function attach(strip, bar) {
    let dragging = null;
    let pending = null;
    let sending = false;

    const fractionAt = clientX => {
        const box = strip.getBoundingClientRect();
        return box.width > 0 ? Math.min(Math.max((clientX - box.left) / box.width, 0), 1) : 0;
    };
    const send = async () => {
        if (sending || pending === null) return;
        sending = true;
        const [handle, fraction] = pending;
        pending = null;
        try { await bar.invokeMethodAsync('DragAsync', handle, fraction); } catch { /* the dialog closed meanwhile */ }
        sending = false;
        send();
    };
    const onDown = event => {
        const handle = event.target instanceof Element ? event.target.closest('[data-handle]') : null;
        if (!handle) return;
        dragging = handle.dataset.handle;
        handle.setPointerCapture(event.pointerId);
        handle.focus();
        event.preventDefault();
    };
    const onMove = event => {
        if (!dragging) return;
        pending = [dragging, fractionAt(event.clientX)];
        send();
    };
    const onUp = event => {
        if (!dragging) return;
        pending = [dragging, fractionAt(event.clientX)];
        dragging = null;
        send();
    };
    const onKey = event => {
        if (event.target instanceof Element && event.target.matches('[data-handle]') && keys.has(event.key)
            && !event.ctrlKey && !event.altKey && !event.metaKey) event.preventDefault();
    };

    strip.addEventListener('pointerdown', onDown);
    strip.addEventListener('pointermove', onMove);
    strip.addEventListener('pointerup', onUp);
    strip.addEventListener('pointercancel', onUp);
    strip.addEventListener('keydown', onKey);
    strip.dataset.attached = ''; // handles can be dragged from now on
    return {
        dispose() {
            strip.removeEventListener('pointerdown', onDown);
            strip.removeEventListener('pointermove', onMove);
            strip.removeEventListener('pointerup', onUp);
            strip.removeEventListener('pointercancel', onUp);
            strip.removeEventListener('keydown', onKey);
            delete strip.dataset.attached;
        },
    };
}

// Shows the frame at a handle: the viewer's video, paused there.
export function seek(strip, seconds) {
    const video = strip.closest('.dm-viewer')?.querySelector('video');
    if (!video) return;
    video.pause();
    video.currentTime = seconds;
}
