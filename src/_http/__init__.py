"""The HTTP stack: everything between the request loop and the network.

- ``http11``: HTTP/1.1 framing and parsing, sans-IO (bytes in, events out).
- ``shared``: what the two transports below share, with no event loop of its own.
- ``socket_transport`` / ``asyncio_transport``: this package's own pooled HTTP/1.1 transports
  for ``httpx.Client`` and ``httpx.AsyncClient``.
- ``clients``: ``DefaultHttpxClient`` / ``DefaultAsyncHttpxClient``, which pick the transport.
- ``aiohttp_client``, ``httpx2_bridge``: the other ways to send (aiohttp, an httpx2 client).
- ``pool_repair``: a workaround for httpcore's pool when httpx's own transport is in use.

Nothing is imported here, so importing one module loads only what it needs.
"""
