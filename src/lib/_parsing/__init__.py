"""``openai.lib._parsing``: a private package of the official SDK that libraries built on it import.

litellm calls ``_parsing._completions.is_basemodel_type``; the helpers themselves live in
``openai._helpers.parsing``, and this package names them where such code looks.
"""

from . import _completions as _completions
from ._completions import type_to_response_format_param as type_to_response_format_param

__all__ = ["type_to_response_format_param"]
