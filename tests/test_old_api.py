"""The pre-1.0 module-level names exist and raise APIRemovedInV1 when used, as with the official SDK."""

from __future__ import annotations

import pytest

import openai
from openai._errors import OpenAIError
from openai._old_api import REMOVED_NAMES, APIRemovedInV1

OFFICIAL_REMOVED = {
    "Edit", "File", "Audio", "Image", "Model", "Engine", "Customer", "FineTune", "Embedding",
    "Completion", "Deployment", "Moderation", "ErrorObject", "FineTuningJob", "ChatCompletion",
}  # fmt: skip


def test_every_removed_name_is_covered() -> None:
    assert set(REMOVED_NAMES) == OFFICIAL_REMOVED


@pytest.mark.parametrize("name", sorted(OFFICIAL_REMOVED))
def test_using_a_removed_name_raises_the_migration_error(name: str) -> None:
    stand_in = getattr(openai, name)
    assert stand_in.create is stand_in
    with pytest.raises(APIRemovedInV1, match=rf"You tried to access openai\.{name}, but this is no longer supported"):
        stand_in.create(model="m", prompt="hi")
    with pytest.raises(OpenAIError, match=r"openai==0\.28"):
        stand_in()


def test_unknown_names_still_fail_as_attribute_errors() -> None:
    with pytest.raises(AttributeError):
        openai.Compleshun  # type: ignore[attr-defined]  # noqa: B018
