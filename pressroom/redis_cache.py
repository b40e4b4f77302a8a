"""Django's Redis cache, with one Redis client per connection pool; and what lets
each app server know the page cache's freshness without asking Redis each time.

Django's `RedisCacheClient.get_client()` makes a new `redis.Redis` for every
cache call, and each one builds its table of ~170 response callbacks: ~150 µs,
more than the rest of a page-cache hit. A client is thread-safe (connections
come from its pool), so one per pool serves every thread of a worker.
"""

import logging
import threading
from collections import OrderedDict

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def publish(self, key, value):
        """Tell every process watching `key` (a GenerationWatcher) its new value."""
        channel = self.make_and_validate_key(key)
        self._cache.get_client(write=True).publish(channel, value)


class GenerationWatcher:
    """The content generation as Redis pushes it to this process.

    Asking Redis for the generation on every cached page cost a round trip
    (~85 µs here, as much as a bare Django view). Instead each worker process
    subscribes to a channel on which `invalidate_pages()` publishes every new
    generation, so a change made through any app server is known to all of
    them within milliseconds. The generation is also read again every second,
    should a message ever be lost. Until the watcher is subscribed, and
    whenever its connection fails, it knows nothing (`generation` is None) and
    every lookup asks Redis, as before.
    """

    POLL_SECONDS = 1.0
    RETRY_SECONDS = 1.0

    def __init__(self, location, key):
        """Watch the cache key `key`; its new values come on a channel of that name."""
        import redis

        self.key = key
        self.generation, self.subscribed = None, False
        self.lock = threading.Lock()
        self.client = redis.Redis.from_url(
            location, socket_connect_timeout=0.5, socket_timeout=5
        )
        self.stopped = threading.Event()
        self.thread = threading.Thread(
            target=self.run, name="page-generation", daemon=True
        )
        self.thread.start()

    def run(self):
        while not self.stopped.is_set():
            try:
                self.listen()  # knows nothing once it returns or fails
            except Exception:  # Redis away: try again in a while
                logger.info("Not watching the page generation", exc_info=True)
            self.stopped.wait(self.RETRY_SECONDS)

    def listen(self):
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        try:
            pubsub.subscribe(self.key)
            # Subscribed first, read second: no change can fall in between.
            self.learn(self.read(), subscribed=True)
            while not self.stopped.is_set():
                message = pubsub.get_message(timeout=self.POLL_SECONDS)
                if message is None:
                    self.learn(self.read())
                elif message["type"] == "message":
                    self.learn(int(message["data"]))
        finally:
            self.learn(None, subscribed=False)
            pubsub.close()

    def learn(self, generation, subscribed=None):
        with self.lock:
            if subscribed is not None:
                self.subscribed = subscribed
            if self.subscribed or generation is None:
                self.generation = generation

    def saw(self, generation):
        """This process announced `generation`: known now, while subscribed."""
        self.learn(generation)

    def read(self):
        value = self.client.get(self.key)
        return int(value) if value is not None else 0

    def stop(self):
        self.stopped.set()


class RecentPages:
    """The pages this process served lately, in memory, newest last (LRU).

    Entries are immutable (bytes and tuples), so threads share them as they are;
    each is only served while its generation is the current one.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
