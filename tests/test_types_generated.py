"""The generated ``openai.types`` package: public names, lazy packages, parsing real payloads, and --check."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pydantic
import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from codegen import types_gen  # noqa: E402
from openai._models import BaseModel  # noqa: E402
from openai._types import FileTypes  # noqa: E402

# Names the resources return or take; the generator must keep producing every one of them.
REQUIRED_NAMES = {
    "openai.types": [
        "Batch",
        "BatchCreateParams",
        "BatchListParams",
        "ChatModel",
        "Completion",
        "CompletionChoice",
        "CompletionCreateParams",
        "CompletionCreateParamsNonStreaming",
        "CompletionCreateParamsStreaming",
        "CompletionUsage",
        "CreateEmbeddingResponse",
        "Embedding",
        "EmbeddingCreateParams",
        "FileCreateParams",
        "FileDeleted",
        "FileListParams",
        "FileObject",
        "Metadata",
        "Model",
        "ModelDeleted",
        "Moderation",
        "ModerationCreateParams",
        "ModerationCreateResponse",
    ],
    "openai.types.chat": [
        "ChatCompletion",
        "ChatCompletionChunk",
        "ChatCompletionDeleted",
        "ChatCompletionMessage",
        "ChatCompletionMessageParam",
        "ChatCompletionStoreMessage",
        "ChatCompletionUserMessageParam",
        "CompletionCreateParams",
        "CompletionCreateParamsNonStreaming",
        "CompletionCreateParamsStreaming",
        "CompletionListParams",
        "CompletionUpdateParams",
    ],
    "openai.types.chat.completions": ["MessageListParams"],
    "openai.types.fine_tuning": [
        "FineTuningJob",
        "FineTuningJobEvent",
        "JobCreateParams",
        "JobListEventsParams",
        "JobListParams",
    ],
    "openai.types.fine_tuning.jobs": ["CheckpointListParams", "FineTuningJobCheckpoint"],
}


@pytest.fixture(scope="module")
def generated() -> types_gen.Generated:
    return types_gen.generate()


def sdk_type_names() -> list[tuple[str, str]]:
    rows = (types_gen.DEFAULT_SPEC_DIR / "sdk-type-names.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(row.split("\t")[0], row.split("\t")[1]) for row in rows if row.strip()]


def test_required_names_are_generated(generated: types_gen.Generated) -> None:
    for module, names in REQUIRED_NAMES.items():
        missing = sorted(set(names) - set(generated.exports.get(module, [])))
        assert not missing, f"{module} lacks {missing}"


def test_every_generated_sdk_name_imports_from_its_module(generated: types_gen.Generated) -> None:
    in_scope = [(m, n) for m, n in sdk_type_names() if n in generated.exports.get(m, [])]
    # The scope covers more than the resources return: nested public types (ChatCompletionTokenLogprob), the
    # request unions (ChatCompletionMessageParam), graders reached through fine-tuning methods.
    assert len(in_scope) >= 80
    for module_name, name in in_scope:
        module = importlib.import_module(module_name)
        assert name in module.__all__
        value = getattr(module, name)
        defining = importlib.import_module(f"{module_name}.{types_gen.snake(name)}")
        assert getattr(defining, name) is value, f"{module_name}.{name}"


@pytest.mark.parametrize(
    ("module", "name"),
    [(module, name) for module, names in sorted(REQUIRED_NAMES.items()) for name in names],
)
def test_required_name_imports(module: str, name: str) -> None:
    exec(f"from {module} import {name}", {})


def test_params_modules_follow_the_sdk_layout() -> None:
    from openai.types.chat import completion_create_params
    from openai.types.fine_tuning.jobs import checkpoint_list_params

    assert completion_create_params.CompletionCreateParams.__name__ == "CompletionCreateParams"
    assert checkpoint_list_params.CheckpointListParams.__name__ == "CheckpointListParams"


def test_packages_import_no_type_module_until_a_name_is_used() -> None:
    script = textwrap.dedent(
        """
        import sys
        import openai.types
        import openai.types.chat
        loaded = sorted(m for m in sys.modules if m.startswith("openai.types"))
        print(",".join(loaded))
        openai.types.chat.ChatCompletion
        from openai.types import FileObject
        print(",".join(sorted(m for m in sys.modules if m.startswith("openai.types"))))
        openai.types.fine_tuning.jobs.FineTuningJobCheckpoint  # subpackages load on attribute access too
        print(",".join(sorted(m for m in sys.modules if m.startswith("openai.types"))))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO)
    before, after, last = (line.split(",") for line in done.stdout.strip().splitlines())
    assert before == ["openai.types", "openai.types.chat"]
    assert {"openai.types.chat.chat_completion", "openai.types.file_object"} <= set(after)
    # Using one type loads what it refers to, nothing else: no params, no other resources.
    assert not [m for m in after if "params" in m or "fine_tuning" in m or "graders" in m]
    assert "openai.types.fine_tuning.jobs.fine_tuning_job_checkpoint" in last


def test_unknown_name_raises_attribute_error() -> None:
    import openai.types.chat

    with pytest.raises(AttributeError, match="NoSuchType"):
        openai.types.chat.NoSuchType  # noqa: B018
    with pytest.raises(ImportError):
        exec("from openai.types.chat import NoSuchType", {})


CHAT_COMPLETION = {
    "id": "chatcmpl-123",
    "object": "chat.completion",
    "created": 1741569952,
    "model": "gpt-4.1-2025-04-14",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "annotations": [],
                "tool_calls": [
                    {
                        "id": "call_abc",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                    },
                    {"id": "call_def", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}},
                ],
            },
            "logprobs": {
                "content": [
                    {
                        "token": "Hi",
                        "logprob": -0.1,
                        "bytes": [72, 105],
                        "top_logprobs": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]}],
                    }
                ],
                "refusal": None,
            },
            "finish_reason": "tool_calls",
        }
    ],
    "usage": {
        "prompt_tokens": 19,
        "completion_tokens": 10,
        "total_tokens": 29,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
    },
    "service_tier": "default",
    "system_fingerprint": "fp_abc",
}


def test_chat_completion_parses() -> None:
    from openai.types.chat import (
        ChatCompletion,
        ChatCompletionMessageCustomToolCall,
        ChatCompletionMessageFunctionToolCall,
    )

    completion = ChatCompletion.model_validate(CHAT_COMPLETION)
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    tool_calls = choice.message.tool_calls
    assert tool_calls is not None
    # The tag picks the member: a custom tool call is not squeezed into the function shape.
    assert isinstance(tool_calls[0], ChatCompletionMessageFunctionToolCall)
    assert tool_calls[0].function.arguments == '{"city": "Paris"}'
    assert isinstance(tool_calls[1], ChatCompletionMessageCustomToolCall)
    assert tool_calls[1].custom.input == "SELECT 1"
    assert choice.logprobs is not None and choice.logprobs.content is not None
    assert choice.logprobs.content[0].top_logprobs[0].bytes == [72, 105]
    assert completion.usage is not None and completion.usage.total_tokens == 29
    assert completion.service_tier == "default"
    assert completion.moderation is None


def test_unknown_fields_are_kept_at_every_level() -> None:
    from openai.types.chat import ChatCompletion

    payload = {**CHAT_COMPLETION, "provider_extra": {"latency_ms": 12}}
    payload["choices"] = [{**CHAT_COMPLETION["choices"][0], "stop_reason": "<eot>"}]  # vLLM-style extra
    completion = ChatCompletion.model_validate(payload)
    assert completion.provider_extra == {"latency_ms": 12}
    assert completion.choices[0].stop_reason == "<eot>"
    assert completion.model_dump()["provider_extra"] == {"latency_ms": 12}


def test_chat_completion_chunk_parses() -> None:
    from openai.types.chat import ChatCompletionChunk

    chunk = ChatCompletionChunk.model_validate(
        {
            "id": "chatcmpl-123",
            "object": "chat.completion.chunk",
            "created": 1741569952,
            "model": "gpt-4.1",
            "choices": [
                {
                    "index": 0,
                    "delta": {
                        "role": "assistant",
                        "tool_calls": [
                            {
                                "index": 0,
                                "id": "call_abc",
                                "type": "function",
                                "function": {"name": "f", "arguments": ""},
                            }
                        ],
                    },
                    "logprobs": None,
                    "finish_reason": None,
                }
            ],
            "usage": None,
        }
    )
    delta = chunk.choices[0].delta
    assert delta.role == "assistant"
    assert delta.content is None
    assert delta.tool_calls is not None and delta.tool_calls[0].function is not None
    assert delta.tool_calls[0].function.name == "f"
    assert chunk.choices[0].finish_reason is None
    assert chunk.usage is None


def test_fine_tuning_job_parses() -> None:
    from openai.types.fine_tuning import FineTuningJob, FineTuningJobWandbIntegrationObject

    job = FineTuningJob.model_validate(
        {
            "object": "fine_tuning.job",
            "id": "ftjob-abc123",
            "model": "gpt-4o-mini-2024-07-18",
            "created_at": 1721764800,
            "finished_at": None,
            "fine_tuned_model": None,
            "organization_id": "org-123",
            "result_files": [],
            "status": "queued",
            "validation_file": None,
            "training_file": "file-abc123",
            "hyperparameters": {"batch_size": "auto", "learning_rate_multiplier": 1.8, "n_epochs": 3},
            "trained_tokens": None,
            "error": None,
            "seed": 42,
            "estimated_finish": None,
            "integrations": [{"type": "wandb", "wandb": {"project": "my-project", "tags": ["a"]}}],
            "method": {
                "type": "supervised",
                "supervised": {"hyperparameters": {"batch_size": "auto", "n_epochs": 3}},
            },
            "metadata": {"team": "search"},
        }
    )
    assert job.status == "queued"
    assert job.hyperparameters.batch_size == "auto"
    assert job.hyperparameters.learning_rate_multiplier == 1.8
    assert job.integrations is not None
    assert isinstance(job.integrations[0], FineTuningJobWandbIntegrationObject)
    assert job.integrations[0].wandb.project == "my-project"
    assert job.method is not None and job.method.supervised is not None
    assert job.method.supervised.hyperparameters is not None
    assert job.method.supervised.hyperparameters.n_epochs == 3
    assert job.metadata == {"team": "search"}
    assert job.error is None


def test_file_object_parses() -> None:
    from openai.types import FileObject

    file = FileObject.model_validate(
        {
            "id": "file-abc123",
            "object": "file",
            "bytes": 120000,
            "created_at": 1677610602,
            "expires_at": None,
            "filename": "mydata.jsonl",
            "purpose": "fine-tune",
            "status": "processed",
        }
    )
    assert file.bytes == 120000
    assert file.purpose == "fine-tune"
    assert file.expires_at is None
    assert file.status_details is None


def test_fields_that_are_not_identifiers_use_aliases() -> None:
    from openai.types import Moderation, ResponseFormatJSONSchema

    scores = {
        key: 0.0
        for key in [
            "hate",
            "hate/threatening",
            "harassment",
            "harassment/threatening",
            "illicit",
            "illicit/violent",
            "self-harm",
            "self-harm/intent",
            "self-harm/instructions",
            "sexual",
            "sexual/minors",
            "violence",
            "violence/graphic",
        ]
    }
    moderation = Moderation.model_validate(
        {
            "flagged": True,
            "categories": {**{key: False for key in scores}, "self-harm/intent": True, "illicit": None},
            "category_scores": {**scores, "self-harm/intent": 0.9},
            "category_applied_input_types": {key: ["text"] for key in scores},
        }
    )
    assert moderation.categories.self_harm_intent is True
    assert moderation.category_scores.self_harm_intent == 0.9
    assert moderation.categories.illicit is None
    assert moderation.model_dump(by_alias=True)["categories"]["self-harm/intent"] is True

    schema = ResponseFormatJSONSchema.model_validate(
        {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}}
    )
    # `schema` would shadow BaseModel.schema; the attribute gets an underscore, the wire name stays.
    assert schema.json_schema.schema_ == {"type": "object"}
    assert schema.model_dump(by_alias=True)["json_schema"]["schema"] == {"type": "object"}


def test_reserved_attribute_list_covers_the_base_model() -> None:
    public = {name for name in dir(BaseModel) if not name.startswith("_")}
    assert public <= types_gen.RESERVED_MODEL_ATTRS, public - types_gen.RESERVED_MODEL_ATTRS
    assert types_gen.safe_attr("json", "model") == "json_"
    assert types_gen.safe_attr("json", "param") == "json"
    assert types_gen.safe_attr("from", "model") == "from_"
    assert types_gen.safe_attr("hate/threatening", "model") == "hate_threatening"


def test_params_typeddicts() -> None:
    from openai.types import FileCreateParams
    from openai.types.chat import (
        CompletionCreateParams,
        CompletionCreateParamsNonStreaming,
        CompletionCreateParamsStreaming,
    )
    from openai.types.chat.completions import MessageListParams

    assert CompletionCreateParams.__required_keys__ == frozenset({"messages", "model"})
    assert "stream" in CompletionCreateParams.__optional_keys__
    assert CompletionCreateParamsStreaming.__required_keys__ == frozenset({"messages", "model", "stream"})
    assert "stream" in CompletionCreateParamsNonStreaming.__optional_keys__
    hints = typing.get_type_hints(CompletionCreateParamsStreaming)
    assert typing.get_args(hints["stream"]) == (True,)
    assert "temperature" in CompletionCreateParams.__optional_keys__
    assert FileCreateParams.__required_keys__ == frozenset({"file", "purpose"})
    # Annotations, not get_type_hints: FileTypes holds a string forward reference to os.PathLike.
    assert typing.get_args(FileCreateParams.__annotations__["file"]) == (FileTypes,)
    assert MessageListParams.__required_keys__ == frozenset()
    assert {"after", "limit", "order"} <= MessageListParams.__optional_keys__


def test_every_generated_model_builds() -> None:
    """Forward references and discriminators are resolved lazily; build them all now to catch a bad one."""
    import openai.types

    built = 0
    for module_name in sorted(_all_type_modules(Path(openai.types.__file__).parent)):
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, pydantic.BaseModel) and value.__module__ == module_name:
                value.model_rebuild(force=True)
                built += 1
    assert built >= 100


def _all_type_modules(base: Path) -> list[str]:
    return [
        "openai.types." + ".".join(path.relative_to(base).with_suffix("").parts)
        for path in base.rglob("*.py")
        if path.name != "__init__.py"
    ]


def test_generated_files_start_with_the_notice(generated: types_gen.Generated) -> None:
    for rel, text in generated.files.items():
        assert text.splitlines()[0] == types_gen.HEADER, rel


def test_check_passes_on_the_repository() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "codegen.types_gen", "--check"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_check_names_differing_missing_and_stray_files(generated: types_gen.Generated, tmp_path: Path) -> None:
    types_gen.write(generated, tmp_path)
    assert types_gen.check(generated, tmp_path) == []
    (tmp_path / "src/types/chat/chat_completion.py").write_text("# edited\n", encoding="utf-8")
    (tmp_path / "src/types/file_object.py").unlink()
    (tmp_path / "src/types/chat/leftover.py").write_text("", encoding="utf-8")
    assert types_gen.check(generated, tmp_path) == [
        "src/types/chat/chat_completion.py: differs from what codegen/types_gen.py generates",
        "src/types/file_object.py: missing",
        "src/types/chat/leftover.py: stray file (not generated)",
    ]
    # Writing again repairs the tree and removes the stray file.
    types_gen.write(generated, tmp_path)
    assert types_gen.check(generated, tmp_path) == []
    assert not (tmp_path / "src/types/chat/leftover.py").exists()
