"""The I/O layer of the client: base client, clients, streaming, pagination and resources.

The package for event loops is written by hand; the blocking one is generated from it by ``codegen/unasync.py``.
"""
