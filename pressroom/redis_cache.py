"""Django's Redis cache, with one Redis client per connection pool.

Django's `RedisCacheClient.get_client()` makes a new `redis.Redis` for every
cache call, and each one builds its table of ~170 response callbacks: ~150 µs,
more than the rest of a page-cache hit. A client is thread-safe (connections
come from its pool), so one per pool serves every thread of a worker.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


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
