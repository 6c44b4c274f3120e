"""Composite helpers: calls made of other calls (parse, stream, create-and-poll), written once for both twins.

Each helper is a plain function whose first argument is the resource it works on, so a resource
class gains it with one line (``parse = parse_chat_completion``) and no mixin.
"""
