// Plays a camera's live HLS playlist with hls.js (served from wwwroot/lib, installed from npm) and reports to
// .NET how far behind live the playing frame is. The player heals itself: the recorder restarts ffmpeg when a
// camera drops, and a page left open must come back without a reload. The timeline switches the same player to a
// window of the recording (a finished playlist with program date-times), started at a chosen wall-clock time, and back.

const RETRY_DELAY_MS = 3000;      // before reloading after a network error or re-creating hls.js
const STALL_LIMIT_MS = 8000;      // no progress for this long while playing: start over
const REPORT_EVERY_MS = 1000;
const FRAME_WAIT_MS = 5000;       // a snapshot asked for while the player has no frame waits this long for one

const players = new WeakMap();

/**
 * Starts playing the live url in video; calls dotNetRef.ReportPlayback(delaySeconds | null, playingIso | null,
 * recording) about once a second.
 */
export function attach(video, url, dotNetRef) {
  detach(video);
  // Browsers let only muted video start by itself. The muted attribute Blazor writes is not the muted property.
  video.muted = true;
  const player = { video, url, liveUrl: url, recording: null, dotNetRef, hls: null, retry: null, lastTime: -1, lastProgress: Date.now() };
  players.set(video, player);
  player.onKey = event => onKey(player, event);
  document.addEventListener('keydown', player.onKey);
  create(player);
  player.ticker = setInterval(() => tick(player), REPORT_EVERY_MS);
}

/**
 * Plays a finished playlist of the recording (url) from the wall-clock time atIso: the segment holding it, at the
 * frame its program date-time puts there (the first recorded frame after it when atIso fell in a gap). The end of
 * the window, or goLive, returns to live.
 */
export function playRecording(video, url, atIso) {
  const player = players.get(video);
  const at = new Date(atIso).getTime();
  if (!player || Number.isNaN(at)) return false;
  player.url = url;
  player.recording = { at };
  startOver(player);
  return true;
}

/** Back to the live edge after playRecording. */
export function goLive(video) {
  const player = players.get(video);
  if (!player || !player.recording) return;
  player.url = player.liveUrl;
  player.recording = null;
  startOver(player);
}

function startOver(player) {
  clearTimeout(player.retry);
  destroy(player);
  player.lastTime = -1;
  create(player);
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

/** Mutes or unmutes the live video; returns whether it is muted now (a browser may refuse sound without a click). */
export async function setMuted(video, muted) {
  video.muted = muted;
  if (!muted && video.paused) {
    try { await video.play(); } catch { video.muted = true; }
  }
  return video.muted;
}

/** The playing frame's wall-clock time as an ISO string, or null when nothing plays yet. */
export function playingDate(video) {
  return playingTime(players.get(video))?.toISOString() ?? null;
}

/**
 * The playing frame's wall-clock time as a Date, or null. Best is the playlist's EXT-X-PROGRAM-DATE-TIME, which
 * hls.js maps to the playing frame (hls.playingDate). A stream without it (yet: hls.js only knows it once a
 * fragment carrying one has loaded) falls back to now minus hls.js's live latency (playhead to live edge); that
 * estimate ignores how old the live edge itself is, so it is up to one segment late, which a clip of a few
 * seconds tolerates better than no time at all. Safari plays HLS natively: its getStartDate() is the program date
 * time of the stream's start, so start + currentTime is the frame's time there.
 */
function playingTime(player) {
  if (!player) return null;
  const { hls, video } = player;
  if (hls) {
    if (hls.playingDate) return hls.playingDate;
    const latency = hls.latency;
    return Number.isFinite(latency) && latency >= 0 && video.readyState >= 2 ? new Date(Date.now() - latency * 1000) : null;
  }
  const start = typeof video.getStartDate === 'function' ? video.getStartDate() : null;
  return start && !Number.isNaN(start.getTime()) ? new Date(start.getTime() + video.currentTime * 1000) : null;
}

/** An ISO time as a datetime-local input value in the browser's time zone (to the second). */
export function toLocalInput(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A datetime-local input value (the browser's local time, daylight saving included) as an ISO time; null if unreadable. */
export function fromLocalInput(value) {
  // Date parses a date-time without a zone as local time.
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value ?? '') ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/**
 * Draws the frame on screen at the video's own resolution into a JPEG (quality 0.9) and keeps it for
 * takeCapture; returns that frame's wall-clock time (null when unknown), or false when no frame is decoded yet.
 * The image goes to .NET as a stream: a data URL in one interop message would exceed SignalR's message limit.
 */
export async function capture(video) {
  const player = players.get(video);
  if (!player) return false;
  // A player catching up with the live edge (a jump forward on a busy machine) has no frame for a moment: the next one.
  if (!video.videoWidth || !video.videoHeight || video.readyState < 2) await nextFrame(video, FRAME_WAIT_MS);
  if (!video.videoWidth || !video.videoHeight || video.readyState < 2) return false;
  const timestamp = playingDate(video); // read before drawing: the frame and its time must match
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  player.captured = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  return player.captured ? { timestamp } : false;
}

/** Resolves once the video has a frame to show again, or after ms. */
function nextFrame(video, ms) {
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      for (const name of ['loadeddata', 'canplay', 'seeked', 'playing']) video.removeEventListener(name, done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const name of ['loadeddata', 'canplay', 'seeked', 'playing']) video.addEventListener(name, done);
  });
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
    // Safari plays HLS natively; playingTime reads the frame's time from getStartDate() there.
    video.src = url;
    video.play().catch(() => {});
    return;
  }
  const recording = player.recording;
  const hls = new window.Hls({
    liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 6, manifestLoadingMaxRetry: 2, levelLoadingMaxRetry: 4,
    autoStartLoad: !recording, // a recording starts loading where the chosen time is, once the playlist says where that is
  });
  player.hls = hls;
  player.lastProgress = Date.now();
  if (recording) {
    hls.once(window.Hls.Events.LEVEL_LOADED, (_, data) => {
      const position = positionOf(data.details.fragments, recording.at);
      hls.startLoad(position);
      video.currentTime = position;
      video.play().catch(() => {});
    });
  } else {
    hls.on(window.Hls.Events.MANIFEST_PARSED, () => video.play().catch(() => {}));
  }
  hls.on(window.Hls.Events.ERROR, (_, data) => onError(player, hls, data));
  hls.loadSource(url);
  hls.attachMedia(video);
}

/** Where the wall-clock time at (ms) plays in a playlist's timeline: inside its segment, or where the next recorded one starts. */
function positionOf(fragments, at) {
  const fragment = fragments.find(f => f.programDateTime + f.duration * 1000 > at) ?? fragments[fragments.length - 1];
  if (!fragment) return 0;
  return fragment.start + Math.min(Math.max(0, (at - fragment.programDateTime) / 1000), Math.max(0, fragment.duration - 0.05));
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
  if (player.recording && video.ended) {
    goLive(player.video); // the window played to its end
    return;
  }
  if (video.currentTime !== player.lastTime || video.paused) {
    player.lastTime = video.currentTime;
    player.lastProgress = now;
  } else if (hls && !video.paused && now - player.lastProgress > STALL_LIMIT_MS) {
    // Stuck (e.g. the stream's timeline jumped after a recorder restart): start over, a recording where it had got to.
    const playing = playingTime(player);
    if (player.recording && playing) player.recording.at = playing.getTime();
    restart(player);
  }
  const playing = playingTime(player);
  const delay = playing && now - player.lastProgress < 3000 ? Math.max(0, (now - playing.getTime()) / 1000) : null;
  // The circuit may be gone.
  player.dotNetRef.invokeMethodAsync('ReportPlayback', delay, playing?.toISOString() ?? null, !!player.recording).catch(() => {});
}
