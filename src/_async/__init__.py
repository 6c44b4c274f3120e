"""The I/O layer of the client: base client, clients, streaming, pagination and resources.

The async package is written by hand; the blocking package is generated from it by ``codegen/unasync.py``.
"""
