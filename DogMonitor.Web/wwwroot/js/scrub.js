// Scrub previews on clip cards: a pointer moving across a card's picture (a mouse hovering, a finger or pen dragging)
// shows the frame of the clip under it, from the card's strip of frames (one JPEG, frames side by side); leaving shows
// the still preview again. One listener for the whole page, so cards the grid adds or drops need nothing of their own.
// With reduced motion asked for, hovering changes nothing: only a deliberate drag (a button or finger down) scrubs.
(() => {
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const cardOf = event => event.target instanceof Element ? event.target.closest('[data-scrub-frames]') : null;

    function show(card, clientX) {
        const strip = card.querySelector('.dm-card-scrub');
        const frames = Number(card.dataset.scrubFrames) || 1;
        const box = card.getBoundingClientRect();
        if (!strip || box.width <= 0) return;
        const fraction = Math.min(Math.max((clientX - box.left) / box.width, 0), 0.9999);
        const frame = Math.floor(fraction * frames);
        strip.style.backgroundPosition = `${frames > 1 ? (frame / (frames - 1)) * 100 : 0}% 0%`;
        strip.dataset.frame = String(frame);
        strip.style.setProperty('--dm-scrub-at', `${(fraction * 100).toFixed(1)}%`);
        strip.classList.add('dm-scrubbing');
    }

    function hide(card) {
        card?.querySelector('.dm-card-scrub')?.classList.remove('dm-scrubbing');
    }

    document.addEventListener('pointermove', event => {
        const card = cardOf(event);
        if (!card) return;
        const deliberate = event.pointerType !== 'mouse' || event.buttons !== 0;
        if (reducedMotion.matches && !deliberate) return;
        show(card, event.clientX);
    }, { passive: true });
    document.addEventListener('pointerdown', event => {
        const card = cardOf(event);
        if (card && event.pointerType !== 'mouse') show(card, event.clientX);
    }, { passive: true });
    document.addEventListener('pointerout', event => {
        const card = cardOf(event);
        if (card && !(event.relatedTarget instanceof Node && card.contains(event.relatedTarget))) hide(card);
    }, { passive: true });
    for (const type of ['pointerup', 'pointercancel']) {
        document.addEventListener(type, event => { if (event.pointerType !== 'mouse') hide(cardOf(event)); }, { passive: true });
    }
})();
