"""asyncio on the JavaScript event loop (the bridge's WebLoop). Not a public API.

The loop never blocks: its ready callbacks run in batches ("drains") that the
JS side starts from a microtask (or, every so often, a macrotask, so a
coroutine that keeps yielding cannot starve the page), and its timers are JS
`setTimeout`s. A JS promise awaited in a coroutine settles an asyncio Future;
a Python awaitable handed to JS becomes a JS Promise settled by its Future.

JS calls back into Python through two functions only (`_drain`, `_settle`),
made into PyProxies once, and Python calls JS through the `js._helper`
scheduling functions, so scheduling allocates no proxy per callback.
"""

import asyncio
import heapq
import itertools
import time
from asyncio import events, tasks

# After this many drains in a row started from microtasks, the next one is a
# macrotask: timers, I/O and rendering get their turn.
_MICROTASK_RUN = 64


class WebLoop(asyncio.BaseEventLoop):
    """An asyncio event loop whose work runs on the host's event loop."""

    def __init__(self, hooks):
        self._hooks = hooks  # the JS scheduling functions (package/loop.js)
        self._ready_batch = []
        self._drain_scheduled = False
        self._microtask_run = 0
        self._timers = []  # heap of (when, seq, TimerHandle)
        self._seq = itertools.count()
        self._pending_js = {}  # id -> Future waiting for a JS promise
        self._next_id = itertools.count(1)
        super().__init__()  # last: it may already schedule a callback

    # -- what makes it a loop on the JS event loop

    def time(self):
        # WASI's monotonic clock (the host's performance.now()), without a crossing.
        return time.monotonic()

    def is_running(self):
        return True

    def run_forever(self):
        raise RuntimeError(
            "WebLoop.run_forever: the loop already runs on the JavaScript event loop; "
            "schedule work with asyncio.ensure_future() or create_task() instead"
        )

    def run_until_complete(self, future):
        """The loop cannot block (it runs on the JS event loop, which only
        turns when Python returns): a `future` that is done gives its result;
        one that is not is a RuntimeError saying what to do instead (as in
        Pyodide where the host has no JS Promise Integration)."""
        future = tasks.ensure_future(future, loop=self)
        if future.done():
            return future.result()
        raise RuntimeError(
            "run_until_complete cannot block here: the asyncio loop runs on the JavaScript event loop, "
            "which only turns when Python returns. Await the coroutine instead (top-level await works in "
            "runPythonAsync), or schedule it with asyncio.ensure_future(); the Task it made is running."
        )

    def close(self):
        pass  # there is one loop, for the life of the runtime

    def call_soon(self, callback, *args, context=None):
        handle = events.Handle(callback, args, self, context)
        self._ready_batch.append(handle)
        self._schedule_drain()
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        handle = events.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._timers, (when, next(self._seq), handle))
        delay_ms = max(0.0, (when - self.time()) * 1000.0)
        self._hooks.setTimer(delay_ms)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def _timer_handle_cancelled(self, handle):
        pass  # a cancelled timer is skipped when it comes due

    def _schedule_drain(self):
        if self._drain_scheduled:
            return
        self._drain_scheduled = True
        self._microtask_run += 1
        if self._microtask_run >= _MICROTASK_RUN:
            self._microtask_run = 0
            self._hooks.drainSoon(True)  # a macrotask
        else:
            self._hooks.drainSoon(False)  # a microtask

    def _drain(self, from_timer=False):
        """Run what is ready now (JS calls this): due timers first, then the
        batch of callbacks that were ready when the drain started."""
        if not from_timer:
            self._drain_scheduled = False
        else:
            self._microtask_run = 0
        now = self.time()
        timers = self._timers
        while timers and timers[0][0] <= now + 0.0005:
            handle = heapq.heappop(timers)[2]
            if not handle._cancelled:
                self._ready_batch.append(handle)
        while timers and timers[0][2]._cancelled:
            heapq.heappop(timers)
        if from_timer and timers:
            # The JS timer and the monotonic clock may disagree by a little:
            # re-arm for the earliest timer still pending.
            self._hooks.setTimer(max(0.0, (timers[0][0] - now) * 1000.0))
        batch, self._ready_batch = self._ready_batch, []
        if not batch:
            return
        events._set_running_loop(self)
        try:
            for handle in batch:
                if not handle._cancelled:
                    handle._run()
        finally:
            events._set_running_loop(None)
        if self._ready_batch:
            self._schedule_drain()

    # -- JS promises awaited from Python

    def _await_promise(self, promise):
        """A Future settled by the JS thenable `promise`."""
        fut = self.create_future()
        key = next(self._next_id)
        self._pending_js[key] = fut
        try:
            self._hooks.awaitPromise(promise, key)
        except BaseException:
            del self._pending_js[key]
            raise
        # A Future cancelled before its promise settles (the awaiting task
        # was cancelled) leaves the table now, not when the promise settles,
        # which may be never: one Future kept per cancelled await otherwise.
        fut.add_done_callback(lambda _: self._pending_js.pop(key, None))
        return fut

    def _settle(self, key, is_error, value):
        fut = self._pending_js.pop(key, None)
        if fut is None or fut.done():
            return
        if is_error:
            import _bridge

            fut.set_exception(_bridge._rejection(value))
        else:
            fut.set_result(value)
        # Callbacks the settlement scheduled run in this same turn.
        self._drain()


class WebLoopPolicy(asyncio.DefaultEventLoopPolicy):
    """The one WebLoop is the event loop of this (the only) thread."""

    def __init__(self, loop):
        super().__init__()
        self._web_loop = loop

    def get_event_loop(self):
        return self._web_loop

    def new_event_loop(self):
        return self._web_loop

    def set_event_loop(self, loop):
        pass


_LOOP = None


def install(hooks):
    """Make the WebLoop asyncio's loop (called once, at start-up)."""
    global _LOOP
    _LOOP = WebLoop(hooks)
    asyncio.set_event_loop_policy(WebLoopPolicy(_LOOP))
    return _LOOP


def loop():
    return _LOOP


def drain(from_timer=False):
    _LOOP._drain(from_timer)


def settle(key, is_error, value):
    _LOOP._settle(key, is_error, value)


def await_promise(promise):
    """`await js_thenable` inside any coroutine: wait on a Future it settles."""
    return (yield from _LOOP._await_promise(promise).__await__())


def to_promise(awaitable):
    """A JS Promise for a Python awaitable (a coroutine is scheduled as a Task
    on the loop). A Python exception, cancellation included, rejects it with
    a PythonError of that exception."""
    fut = asyncio.ensure_future(awaitable, loop=_LOOP)
    promise, resolve, reject = _LOOP._hooks.newPromise()

    def done(f):
        # f.exception(), not a raising f.result(): the exception's traceback
        # must not get this frame, whose locals reach JS (resolve, reject),
        # which holds the exception (the PythonError): a cycle through both
        # heaps that neither garbage collector sees.
        if f.cancelled():
            reject(asyncio.CancelledError(), "CancelledError")
            return
        exc = f.exception()
        if exc is not None:
            reject(exc, type(exc).__name__)
        else:
            resolve(f.result())

    fut.add_done_callback(done)
    return promise
