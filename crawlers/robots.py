"""robots.txt middleware that every waiting request obeys.

Scrapy 2.19's RobotsTxtMiddleware parks requests that arrive while robots.txt is being
downloaded on one shared Deferred; the first waiter's await consumes the result and the
others receive None, so from the third concurrent request on a host robots.txt is
silently ignored (seen on a local site: a Disallow'ed page was fetched). Here each
waiter gets its own Deferred fed from the shared one.
"""
from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class ObeyingRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request):
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            waiter: Deferred = Deferred()

            def fan_out(result):
                waiter.callback(result)
                return result  # keep the result for the next waiter in the chain

            pending.addBoth(fan_out)
            return await maybe_deferred_to_future(waiter)
        return await super().robot_parser(request)
