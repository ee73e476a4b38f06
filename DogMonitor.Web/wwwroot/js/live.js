// Plays a camera's live HLS playlist with hls.js (served from wwwroot/lib, installed from npm) and reports to
// .NET how far behind live the playing frame is. The player heals itself: the recorder restarts ffmpeg when a
// camera drops, and a page left open must come back without a reload.

const RETRY_DELAY_MS = 3000;      // before reloading after a network error or re-creating hls.js
const STALL_LIMIT_MS = 8000;      // no progress for this long while playing: start over
const REPORT_EVERY_MS = 1000;

const players = new WeakMap();

/** Starts playing url in video; calls dotNetRef.ReportDelay(seconds | null) about once a second. */
export function attach(video, url, dotNetRef) {
  detach(video);
  const player = { video, url, dotNetRef, hls: null, retry: null, lastTime: -1, lastProgress: Date.now() };
  players.set(video, player);
  player.onKey = event => onKey(player, event);
  document.addEventListener('keydown', player.onKey);
  create(player);
  player.ticker = setInterval(() => tick(player), REPORT_EVERY_MS);
}

/** Stops playback and every timer; safe to call twice. */
export function detach(video) {
  const player = players.get(video);
  if (!player) return;
  players.delete(video);
  player.detached = true;
  document.removeEventListener('keydown', player.onKey);
  clearInterval(player.ticker);
  clearTimeout(player.retry);
  destroy(player);
}

/** The playing frame's wall-clock time as an ISO string, or null when the stream carries none (yet). */
export function playingDate(video) {
  return players.get(video)?.hls?.playingDate?.toISOString() ?? null;
}

/**
 * Draws the frame on screen at the video's own resolution into a JPEG (quality 0.9) and keeps it for
 * takeCapture; returns that frame's wall-clock time (null when unknown), or false when no frame is decoded yet.
 * The image goes to .NET as a stream: a data URL in one interop message would exceed SignalR's message limit.
 */
export async function capture(video) {
  const player = players.get(video);
  if (!player || !video.videoWidth || !video.videoHeight || video.readyState < 2) return false;
  const timestamp = playingDate(video); // read before drawing: the frame and its time must match
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  player.captured = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  return player.captured ? { timestamp } : false;
}

/** The JPEG the last capture made (for DotNet's IJSStreamReference); forgets it. */
export function takeCapture(video) {
  const player = players.get(video);
  const blob = player?.captured;
  if (player) player.captured = null;
  return blob ?? new Uint8Array(0);
}

// "s" takes a snapshot, unless the user is typing (the note field, the camera search, …).
function onKey(player, event) {
  if (event.key !== 's' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable]'))) return;
  event.preventDefault();
  player.dotNetRef.invokeMethodAsync('SnapshotShortcut').catch(() => {});
}

function create(player) {
  const { video, url } = player;
  if (!window.Hls || !window.Hls.isSupported()) {
    // Safari plays HLS natively; it has no playingDate, so no delay is reported there.
    video.src = url;
    video.play().catch(() => {});
    return;
  }
  const hls = new window.Hls({ liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 6, manifestLoadingMaxRetry: 2, levelLoadingMaxRetry: 4 });
  player.hls = hls;
  player.lastProgress = Date.now();
  hls.on(window.Hls.Events.MANIFEST_PARSED, () => video.play().catch(() => {}));
  hls.on(window.Hls.Events.ERROR, (_, data) => onError(player, hls, data));
  hls.loadSource(url);
  hls.attachMedia(video);
}

function destroy(player) {
  if (player.hls) {
    player.hls.destroy();
    player.hls = null;
  }
}

function onError(player, hls, data) {
  if (!data.fatal || player.hls !== hls) return;
  const { ErrorTypes, ErrorDetails } = window.Hls;
  const playlistGone = [ErrorDetails.MANIFEST_LOAD_ERROR, ErrorDetails.MANIFEST_LOAD_TIMEOUT,
    ErrorDetails.MANIFEST_PARSING_ERROR, ErrorDetails.LEVEL_LOAD_ERROR, ErrorDetails.LEVEL_EMPTY_ERROR].includes(data.details);
  if (data.type === ErrorTypes.NETWORK_ERROR && !playlistGone) {
    later(player, () => hls.startLoad());
  } else if (data.type === ErrorTypes.MEDIA_ERROR) {
    hls.recoverMediaError();
  } else {
    // The playlist vanished (the camera has not recorded yet, or the recorder is restarting): start over.
    restart(player);
  }
}

function restart(player) {
  destroy(player);
  later(player, () => create(player));
}

function later(player, action) {
  clearTimeout(player.retry);
  player.retry = setTimeout(() => { if (!player.detached) action(); }, RETRY_DELAY_MS);
}

function tick(player) {
  const { video, hls } = player;
  const now = Date.now();
  if (video.currentTime !== player.lastTime || video.paused) {
    player.lastTime = video.currentTime;
    player.lastProgress = now;
  } else if (hls && !video.paused && now - player.lastProgress > STALL_LIMIT_MS) {
    restart(player); // stuck (e.g. the stream's timeline jumped after a recorder restart)
  }
  const playing = hls?.playingDate;
  const delay = playing && now - player.lastProgress < 3000 ? Math.max(0, (now - playing.getTime()) / 1000) : null;
  player.dotNetRef.invokeMethodAsync('ReportDelay', delay).catch(() => {}); // the circuit may be gone
}
