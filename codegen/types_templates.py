"""Type modules of ``openai.types`` that no schema of the OpenAPI spec describes, written out here.

The spec covers what goes over the wire; these describe options and events of the client itself (the websocket
connection of the realtime and responses sockets), or payloads the spec does not list yet (one webhook event). ``codegen/types_gen.py`` writes each module below with the
generated tree, so that ``src/types`` stays entirely generated, and exports the listed names from the module's
package like any generated name.

``CLASS_MEMBERS`` holds what the official types define beyond their fields (properties such as
``Response.output_text``): the generator appends each entry to the body of the generated model class it names.
"""

from __future__ import annotations

__all__ = ["CLASS_MEMBERS", "LITERAL_VARIANTS", "MODULE_IMPORTS", "TEMPLATE_MODULES"]

WEBSOCKET_CONNECTION_OPTIONS = '''
"""Options for opening a websocket, handed to the ``websockets`` package as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence, Tuple, Union

from typing_extensions import TypeAlias, TypedDict

if TYPE_CHECKING:
    from websockets import Subprotocol
    from websockets.extensions import ClientExtensionFactory

__all__ = ["WebSocketConnectionOptions", "WebsocketConnectionOptions"]


class WebSocketConnectionOptions(TypedDict, total=False):
    """Keyword arguments of ``websockets``' ``connect()`` that a realtime or responses socket passes on."""

    extensions: Optional[Sequence[ClientExtensionFactory]]
    """Extensions to negotiate, most preferred first."""

    subprotocols: Optional[Sequence[Subprotocol]]
    """Subprotocols to offer, most preferred first."""

    compression: Optional[str]
    """``"deflate"`` (the default) for permessage-deflate, None to send uncompressed."""

    max_size: Optional[int]
    """Largest incoming message accepted, in bytes; None for no limit."""

    max_queue: Union[int, Tuple[Union[int, None], Union[int, None]], None]
    """High-water mark of received frames (or a (high, low) pair); None turns flow control off."""

    write_limit: Union[int, Tuple[int, Union[int, None]]]
    """High-water mark of the write buffer in bytes (or a (high, low) pair)."""


# The spelling of earlier releases, kept for code that imports it.
WebsocketConnectionOptions: TypeAlias = WebSocketConnectionOptions
'''

WEBSOCKET_RECONNECTION = '''
"""What an ``on_reconnecting`` handler of a websocket receives and may answer."""

from __future__ import annotations

import dataclasses

from typing_extensions import TypedDict

from .._types import Headers, Query

__all__ = ["ReconnectingEvent", "ReconnectingOverrides", "is_recoverable_close"]


@dataclasses.dataclass(frozen=True)
class ReconnectingEvent:
    """One reconnection attempt about to be made, as the ``on_reconnecting`` handler sees it."""

    attempt: int
    """The number of this attempt, counting from 1."""

    max_attempts: int
    """How many attempts are made at most."""

    delay: float
    """Seconds waited before this attempt connects."""

    close_code: int
    """The websocket close code that ended the previous connection."""

    extra_query: Query
    """The query parameters the next connection would use."""

    extra_headers: Headers
    """The headers the next connection would use."""


class ReconnectingOverrides(TypedDict, total=False):
    """What an ``on_reconnecting`` handler may return to change the next attempt."""

    extra_query: Query
    """Query parameters for the next connection, in place of the current ones."""

    extra_headers: Headers
    """Headers for the next connection, in place of the current ones."""

    abort: bool
    """True to give up reconnecting."""


# Close codes after which connecting again may succeed: the server went away or restarted, the network dropped,
# or the server failed or asked to try later. Any other code means the peer closed on purpose or refused us.
_RECOVERABLE_CLOSE_CODES = frozenset({1001, 1005, 1006, 1011, 1012, 1013, 1015})


def is_recoverable_close(code: int) -> bool:
    """Whether a connection closed with ``code`` is worth opening again."""
    return code in _RECOVERABLE_CLOSE_CODES
'''

SAFETY_IDENTIFIER_BLOCKED_WEBHOOK_EVENT = '''
"""The webhook sent when requests with a safety identifier are blocked (the spec lists no schema for it)."""

from typing import Optional

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["Data", "SafetyIdentifierBlockedWebhookEvent"]


class Data(BaseModel):
    """What was blocked and why."""

    safety_category: str
    """The category of content that led to the block."""

    safety_identifier: str
    """The safety identifier whose requests are blocked."""

    model: Optional[str] = None
    """The model of the blocked request, when known."""

    project_id: Optional[str] = None
    """The project of the blocked request, when known."""

    request_id: Optional[str] = None
    """The id of the blocked request, when known."""


class SafetyIdentifierBlockedWebhookEvent(BaseModel):
    """Sent when a safety identifier is blocked from making further requests."""

    id: str
    """The id of the event."""

    created_at: int
    """When the block happened, in seconds since the Unix epoch."""

    data: Data
    """The details of the block."""

    type: Literal["safety_identifier.blocked"]
    """Always ``safety_identifier.blocked``."""

    object: Optional[Literal["event"]] = None
    """Always ``event`` when present."""
'''

# Module parts under src/types -> (the names its package exports, the module's text after the header line).
TEMPLATE_MODULES: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {
    ("websocket_connection_options",): (
        ("WebSocketConnectionOptions", "WebsocketConnectionOptions"),
        WEBSOCKET_CONNECTION_OPTIONS,
    ),
    ("websocket_reconnection",): (("ReconnectingEvent", "ReconnectingOverrides"), WEBSOCKET_RECONNECTION),
    ("webhooks", "safety_identifier_blocked_webhook_event"): (
        ("SafetyIdentifierBlockedWebhookEvent",),
        SAFETY_IDENTIFIER_BLOCKED_WEBHOOK_EVENT,
    ),
}

RESPONSE_OUTPUT_TEXT = '''
@property
def output_text(self) -> str:
    """The text of every ``output_text`` part of every output message, joined in order ("" when none)."""
    return "".join(
        part.text
        for item in self.output
        if item.type == "message"
        for part in item.content
        if part.type == "output_text"
    )
'''

# Members the official types define beyond their fields, appended to a generated model class:
# (module parts under src/types, class name) -> the members' source, written at class level.
CLASS_MEMBERS: dict[tuple[tuple[str, ...], str], str] = {
    (("responses", "response"), "Response"): RESPONSE_OUTPUT_TEXT,
}

# Names official type modules import without listing them, which libraries built on the SDK import from there
# (litellm does all of these): module parts under src/types -> name -> the module (parts) that defines it.
MODULE_IMPORTS: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {
    ("responses", "response_create_params"): {"Reasoning": ("shared_params", "reasoning")},
    ("responses", "response_input_param"): {
        "ResponseCustomToolCallOutputParam": ("responses", "response_custom_tool_call_output_param"),
        "ResponseCustomToolCallParam": ("responses", "response_custom_tool_call_param"),
        "ResponseFunctionToolCallParam": ("responses", "response_function_tool_call_param"),
    },
    ("responses", "tool_param"): {"FunctionToolParam": ("responses", "function_tool_param")},
}

# Calls whose result type follows the literal value of one argument besides `stream`: call -> (argument, variants).
# A variant is (name suffix, the argument's values, whether the argument may be left out). The generator writes a
# private params TypedDict per variant (`_TranscriptionCreateParamsText`), which the call's overloads unpack so that
# a type checker sees `str` for `response_format="text"`, as with the official SDK. The variant that may leave the
# argument out also takes `stream` (False only); the others take no `stream`, as the official overloads.
_TEXT_FORMATS = ("Text", ("text", "srt", "vtt"), False)
LITERAL_VARIANTS: dict[str, tuple[str, tuple[tuple[str, tuple[str, ...], bool], ...]]] = {
    "audio.transcriptions.create": (
        "response_format",
        (
            ("Json", ("json",), True),
            ("VerboseJson", ("verbose_json",), False),
            _TEXT_FORMATS,
            ("DiarizedJson", ("diarized_json",), False),
        ),
    ),
    "audio.translations.create": (
        "response_format",
        (("Json", ("json",), True), ("VerboseJson", ("verbose_json",), False), _TEXT_FORMATS),
    ),
}
