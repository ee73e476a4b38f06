#!/usr/bin/python3
"""A real RTSP camera for the tests: GStreamer's RTSP server (Debian's packages) serving a test pattern.

Usage: rtsp_server.py PORT [--path /cam] [--auth USER:PASSWORD] [--launch 'GStreamer launch line ending in pay0']
                      [--log-frames PATH] [--switch-size AFTER_SECONDS:WIDTHxHEIGHT]
Prints "READY rtsp://127.0.0.1:PORT/PATH" once it listens, then serves until killed.

--log-frames PATH appends one line per video frame, as it passes, to PATH (the ground truth of when each frame was
taken, for measuring how a recording dates them):
    WHERE PIPELINE N RUNNING_NS PASSED TAKEN
WHERE is "src" (the video source's output: the frame has just been taken) or "pay" (the payloader's input: encoded,
about to be sent; in decoding order). PIPELINE counts the pipelines made, from 1 (one per set of clients of the
shared stream). N is the source's frame number (its buffer offset, from 0 again whenever the pipeline restarts, as it
does when a client starts playing) for "src", and a count of encoded frames for "pay". RUNNING_NS is the frame's
running time; PASSED the wall-clock time (Unix seconds) at which it passed; TAKEN the wall-clock time of its running
time on the pipeline's clock: for a live source, when it was taken. TAKEN is the same for a frame in both places.

--switch-size AFTER:WxH changes the picture's size mid-stream, as a camera whose resolution is changed in its settings
does: AFTER seconds after the first pipeline starts, the caps of the element named "size" (a capsfilter in the launch
line) are set to WxH, so the encoder starts again with new parameter sets on the same RTSP session; pipelines made
later start at WxH. Prints "SWITCHED WxH" when it does.
"""
import argparse
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

DEFAULT_LAUNCH = (
    "( videotestsrc is-live=true pattern=ball ! video/x-raw,width=640,height=360,framerate=25/1 "
    "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=50 ! rtph264pay name=pay0 pt=96 )"
)


class FrameLog:
    """Writes a line per video frame at the video source's output and at the payloader's input (--log-frames)."""

    def __init__(self, path):
        self._file = open(path, "a", encoding="ascii", buffering=1)  # line-buffered: readable while serving
        self._lock = threading.Lock()
        self._pipelines = 0

    def attach(self, _factory, media):
        """The factory's media-configure: a new pipeline; its frames are numbered from 0 again."""
        self._pipelines += 1
        pipeline = self._pipelines
        element = media.get_element()
        source = _video_source(element)
        if source is not None:
            source.get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, self._probe, ("src", pipeline, [0]))
        payloader = element.get_by_name("pay0")
        if payloader is not None:
            payloader.get_static_pad("sink").add_probe(Gst.PadProbeType.BUFFER, self._probe, ("pay", pipeline, [0]))

    def _probe(self, pad, info, where):
        kind, pipeline, count = where
        element = pad.get_parent_element()
        clock = element.get_clock()
        passed = time.time_ns()
        now = clock.get_time() if clock is not None else None  # the pipeline's clock (monotonic), read just after
        buffer = info.get_buffer()
        number = buffer.offset if kind == "src" and buffer.offset != Gst.BUFFER_OFFSET_NONE else count[0]
        count[0] += 1
        # Running time, not the PTS: an encoder may shift its PTS (x264enc by 1000 hours) and its segment with it.
        segment = pad.get_sticky_event(Gst.EventType.SEGMENT, 0)
        running = segment.parse_segment().to_running_time(Gst.Format.TIME, buffer.pts) if segment is not None else buffer.pts
        # That moment on the pipeline's clock, moved onto the wall clock.
        taken = float("nan") if now is None or running == Gst.CLOCK_TIME_NONE else (passed - (now - element.get_base_time() - running)) / 1e9
        line = f"{kind} {pipeline} {number} {running} {passed / 1e9:.6f} {taken:.6f}\n"
        with self._lock:
            self._file.write(line)
        return Gst.PadProbeReturn.OK


class SizeSwitch:
    """Changes the "size" capsfilter's width and height AFTER seconds after the first pipeline starts (--switch-size).

    The change stays, as a camera's setting does: a pipeline made later (a client connecting again) starts at the new size.
    """

    def __init__(self, spec):
        after, size = spec.split(":", 1)
        self._after = float(after)
        self._width, self._height = (int(v) for v in size.lower().split("x", 1))
        self._current = None
        self._armed = False
        self._switched = False

    def attach(self, _factory, media):
        capsfilter = media.get_element().get_by_name("size")
        if capsfilter is None:
            raise SystemExit('--switch-size needs a capsfilter named "size" in the launch line')
        self._current = capsfilter
        if self._switched:
            self._resize(capsfilter)
        elif not self._armed:
            self._armed = True
            GLib.timeout_add(int(self._after * 1000), self._switch)

    def _switch(self):
        self._switched = True
        self._resize(self._current)
        print(f"SWITCHED {self._width}x{self._height}", flush=True)
        return False  # once

    def _resize(self, capsfilter):
        caps = capsfilter.get_property("caps").copy()
        caps.set_value("width", self._width)
        caps.set_value("height", self._height)
        capsfilter.set_property("caps", caps)


def _video_source(element):
    """The first element inside <element> that is a video source (its factory's class says Source/Video)."""
    found = []
    element.iterate_recurse().foreach(found.append)
    return next((e for e in found if e.get_factory() is not None and "Source/Video" in (e.get_factory().get_metadata("klass") or "")), None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--path", default="/cam")
    parser.add_argument("--auth", help="USER:PASSWORD the camera asks for (Basic)")
    parser.add_argument("--launch", default=DEFAULT_LAUNCH)
    parser.add_argument("--log-frames", metavar="PATH", help="append a line per video frame to PATH (see above)")
    parser.add_argument("--switch-size", metavar="AFTER:WxH", help="change the picture's size mid-stream (see above)")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(args.launch)
    factory.set_shared(True)
    if args.log_frames:
        factory.connect("media-configure", FrameLog(args.log_frames).attach)
    if args.switch_size:
        factory.connect("media-configure", SizeSwitch(args.switch_size).attach)
    if args.auth:
        user, password = args.auth.split(":", 1)
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "viewer")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_role("viewer")
        permissions.add_permission_for_role("viewer", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
        permissions.add_permission_for_role("viewer", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
        factory.set_permissions(permissions)
    server.get_mount_points().add_factory(args.path, factory)
    if server.attach(None) == 0:
        print(f"could not listen on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
        sys.exit(1)
    print(f"READY rtsp://127.0.0.1:{args.port}{args.path}", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
