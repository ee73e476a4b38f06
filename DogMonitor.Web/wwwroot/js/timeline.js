// The live page's timeline strip: a click, or a drag let go, plays from that point; while "Select a span" is on
// (data-selecting="true"), a drag chooses a span instead. Positions go to .NET as fractions of the strip's width,
// which knows the window's times. Keys that move the cursor are kept from scrolling the page and passed on.

const KEYS = ['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', 'Enter', ' '];
const DRAG_PX = 4; // less than this between down and up is a click
const strips = new WeakMap();

export function attach(track, dotNetRef) {
  detach(track);
  const state = { down: null };
  const fraction = event => {
    const box = track.getBoundingClientRect();
    return box.width > 0 ? Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1) : 0;
  };
  const ghost = track.querySelector('.dm-timeline-ghost');
  const showGhost = (from, to) => {
    if (!ghost) return;
    ghost.style.left = `${Math.min(from, to) * 100}%`;
    ghost.style.width = `${Math.abs(to - from) * 100}%`;
    ghost.classList.add('dm-visible');
  };
  const handlers = {
    pointerdown: event => {
      if (event.button !== 0) return;
      track.setPointerCapture(event.pointerId);
      state.down = { x: event.clientX, fraction: fraction(event) };
      showGhost(state.down.fraction, state.down.fraction);
    },
    pointermove: event => {
      if (!state.down) return;
      const at = fraction(event);
      showGhost(track.dataset.selecting === 'true' ? state.down.fraction : at, at);
    },
    pointerup: event => {
      const down = state.down;
      state.down = null;
      ghost?.classList.remove('dm-visible');
      if (!down) return;
      const at = fraction(event);
      const dragged = Math.abs(event.clientX - down.x) >= DRAG_PX;
      const call = track.dataset.selecting === 'true' && dragged
        ? dotNetRef.invokeMethodAsync('Selected', down.fraction, at)
        : dotNetRef.invokeMethodAsync('Picked', at);
      call.catch(() => {}); // the circuit may be gone
    },
    pointercancel: () => {
      state.down = null;
      ghost?.classList.remove('dm-visible');
    },
    keydown: event => {
      if (!KEYS.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      dotNetRef.invokeMethodAsync('Key', event.key).catch(() => {});
    },
  };
  for (const [name, handler] of Object.entries(handlers)) track.addEventListener(name, handler);
  strips.set(track, handlers);
}

export function detach(track) {
  const handlers = strips.get(track);
  if (!handlers) return;
  for (const [name, handler] of Object.entries(handlers)) track.removeEventListener(name, handler);
  strips.delete(track);
}
