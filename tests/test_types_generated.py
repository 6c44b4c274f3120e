"""The generated ``openai.types`` package: public names, lazy packages, parsing real payloads, and --check."""

from __future__ import annotations

import copy
import importlib
import json
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
from codegen.types import cli as types_cli  # noqa: E402
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


def sdk_type_names_by_module() -> dict[str, list[str]]:
    by_module: dict[str, list[str]] = {}
    for module, name in sdk_type_names():
        by_module.setdefault(module, []).append(name)
    return by_module


def surface() -> list[dict[str, str]]:
    rows = (types_gen.DEFAULT_SPEC_DIR / "sdk-surface.tsv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    return [dict(zip(header, row.split("\t"))) for row in rows[1:] if row.strip()]


def resource_types() -> dict[str, dict[str, typing.Any]]:
    data = json.loads((REPO / types_gen.RESOURCE_TYPES).read_text(encoding="utf-8"))
    return {call["call"]: call for call in data["calls"]}


def test_required_names_are_generated(generated: types_gen.Generated) -> None:
    for module, names in REQUIRED_NAMES.items():
        missing = sorted(set(names) - set(generated.exports.get(module, [])))
        assert not missing, f"{module} lacks {missing}"


def test_every_sdk_type_name_imports_from_its_module() -> None:
    """All 852 names of sdk-type-names.tsv, in one fresh interpreter, each from its module's own file too."""
    script = textwrap.dedent(
        """
        import importlib, json, sys, time
        rows = json.loads(sys.stdin.read())
        started = time.perf_counter()
        problems = []
        for module_name, name, defining_name in rows:
            try:
                namespace = {}
                exec(f"from {module_name} import {name}", namespace)
                defining = importlib.import_module(defining_name)
                if getattr(defining, name) is not namespace[name]:
                    problems.append(f"{module_name}.{name} is not {defining_name}.{name}")
                if name not in importlib.import_module(module_name).__all__:
                    problems.append(f"{module_name}.__all__ lacks {name}")
            except Exception as exc:
                problems.append(f"{module_name}.{name}: {exc!r}")
        print(json.dumps({"seconds": time.perf_counter() - started, "problems": problems}))
        """
    )
    rows = [(m, n, f"{m}.{types_gen.snake(n)}") for m, n in sdk_type_names()]
    assert len(rows) == 852
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(rows),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    result = json.loads(done.stdout)
    assert result["problems"] == []
    print(f"imported {len(rows)} names in {result['seconds']:.2f}s")  # shown with pytest -s
    # Generous: ~1.5 s on a 2-core machine; this catches an import-time regression of an order of magnitude.
    assert result["seconds"] < 30


def test_every_component_schema_has_a_type(generated: types_gen.Generated) -> None:
    assert generated.unreached_schemas == []
    assert generated.unmapped_names == []
    spec = json.loads((types_gen.DEFAULT_SPEC_DIR / "openapi.json").read_text(encoding="utf-8"))
    assert len(spec["components"]["schemas"]) == 1443
    # Schemas nothing else reaches get names of their own outside the SDK's public names.
    spec_only = generated.exports["openai.types._spec"]
    assert "ListModelsResponse" in spec_only and "CreateVideoJsonBodyParam" in spec_only
    assert not {name for names in sdk_type_names_by_module().values() for name in names} & set(spec_only)


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


def test_importing_openai_loads_no_types_and_package_inits_do_not_grow(generated: types_gen.Generated) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys, openai; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert [m for m in json.loads(done.stdout) if m.startswith("openai.types")] == []
    # Every package __init__.py is the same few lines whatever it exports (the root exports hundreds of names,
    # fine_tuning.jobs two): the names are read from _exports.py on first use, type checkers read __init__.pyi.
    inits = {rel: text for rel, text in generated.files.items() if rel.endswith("__init__.py")}
    assert len(inits) >= 25
    bodies = {text.split('"""', 2)[2] for text in inits.values()}
    assert len(bodies) == 1
    assert len(next(iter(bodies)).splitlines()) < 30


def test_package_attribute_protocol() -> None:
    import openai.types.fine_tuning.jobs as jobs

    assert jobs.__all__ == ["CheckpointListParams", "FineTuningJobCheckpoint"]
    assert {"CheckpointListParams", "FineTuningJobCheckpoint"} <= set(dir(jobs))
    namespace: dict[str, object] = {}
    exec("from openai.types.fine_tuning.jobs import *", namespace)
    assert namespace["FineTuningJobCheckpoint"] is jobs.FineTuningJobCheckpoint
    import openai.types

    assert "responses" in dir(openai.types) and "Batch" in openai.types.__all__


def test_parse_helper_types_import_from_the_public_modules() -> None:
    import openai._parsed_chat_types as chat_helpers
    import openai._parsed_response_types as response_helpers
    import openai.types.chat as chat
    import openai.types.responses as responses
    from openai.types.chat.parsed_chat_completion import ParsedChatCompletion

    for package, helpers in ((chat, chat_helpers), (responses, response_helpers)):
        names = [name for name in helpers.__all__ if name.startswith("Parsed")]
        assert names
        for name in names:
            assert getattr(package, name) is getattr(helpers, name), name
            assert name in package.__all__
    assert ParsedChatCompletion is chat_helpers.ParsedChatCompletion


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
        if rel.endswith(".py"):
            assert text.splitlines()[0] == types_gen.HEADER, rel
    assert json.loads(generated.files[types_gen.RESOURCE_TYPES])["generated_by"].startswith("codegen/types_gen.py")


def test_check_passes_on_the_repository(generated: types_gen.Generated) -> None:
    assert types_gen.check(generated, REPO) == []


def test_the_command_checks_and_writes(
    generated: types_gen.Generated, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The command's own wiring, on the generation the other tests share (a second one would take as long).
    monkeypatch.setattr(types_cli, "generate", lambda *args: generated)
    assert types_gen.main(["--check"]) == 0
    assert capsys.readouterr().out.startswith("types_gen: src/types is up to date (")
    assert types_gen.main(["--check", "--root", str(tmp_path)]) == 1
    assert "types_gen: src/types is out of date" in capsys.readouterr().err
    assert types_gen.main(["--root", str(tmp_path)]) == 0
    assert types_gen.check(generated, tmp_path) == []


def test_the_command_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "codegen.types_gen", "--help"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m codegen.types_gen")


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


# ---------------------------------------------------------------------------------------------------------------
# codegen/resource_types.json: what the resource methods are written against.


def _public(ref: dict[str, str]) -> object:
    value = getattr(importlib.import_module(ref["package"]), ref["name"])
    assert getattr(importlib.import_module(ref["module"]), ref["name"]) is value
    return value


def test_resource_types_describe_every_surface_call() -> None:
    calls = resource_types()
    rows = surface()
    assert len(rows) == 283
    for row in rows:
        info = calls[row["call"]]
        assert info["official"] is True
        assert (info["http_method"], info["path"], info["args"]) == (row["http_method"], row["path"], row["args"])
        assert info["returns_as_written"] == row["returns"]


def test_every_call_taking_params_has_a_params_typeddict_without_path_parameters() -> None:
    checked = 0
    for call, info in resource_types().items():
        takes_params = "**params" in info["args"]
        assert (info["params"] is not None) == takes_params, call
        if not takes_params:
            continue
        params = info["params"]
        segments = call.split(".")[1:]
        singular = params["name"].removesuffix(f"{types_gen.pascal(segments[-1])}Params")
        assert params["name"] == f"{singular}{types_gen.pascal(segments[-1])}Params"
        assert params["module"] == f"{params['package']}.{types_gen.snake(singular)}_{segments[-1]}_params"
        typed_dict = _public(params)
        keys = typed_dict.__required_keys__ | typed_dict.__optional_keys__  # type: ignore[attr-defined]
        assert not keys & set(info["path_params"]), call
        assert set(params["query"]) <= keys, call
        assert set(params["required"]) <= keys, call
        assert all("[" not in key for key in keys), call
        if "streaming" in params:
            streaming = getattr(importlib.import_module(params["package"]), params["streaming"])
            assert "stream" in streaming.__required_keys__
            assert info["streams"] is True and info["stream_event"] is not None
        checked += 1
    assert checked == 175 + 5  # the surface's calls with **params, and five of the seven extra calls


def test_params_names_follow_the_sdk_examples() -> None:
    calls = resource_types()
    for call, package, name in [
        ("client.beta.threads.runs.create", "openai.types.beta.threads", "RunCreateParams"),
        ("client.vector_stores.file_batches.create", "openai.types.vector_stores", "FileBatchCreateParams"),
        (
            "client.admin.organization.projects.users.create",
            "openai.types.admin.organization.projects",
            "UserCreateParams",
        ),
        ("client.responses.create", "openai.types.responses", "ResponseCreateParams"),
        ("client.chat.completions.create", "openai.types.chat", "CompletionCreateParams"),
    ]:
        assert (calls[call]["params"]["package"], calls[call]["params"]["name"]) == (package, name)
    steps = calls["client.beta.threads.runs.steps.list"]["params"]
    assert steps["query"]["include"] == "include[]"  # the key users pass is `include`
    run_create = calls["client.beta.threads.runs.create"]["params"]
    assert run_create["query"] == {"include": "include[]"}  # a POST with a query parameter besides its body


def test_every_return_type_exists_in_the_resource_package_or_above() -> None:
    for call, info in resource_types().items():
        result = info["result"]
        written = info["returns_as_written"]
        if result in ("none", "text", "binary"):
            assert info["returns"] is None and info["page"] is None, call
            assert info["binary"] is (result == "binary"), call
            continue
        ref = info["page"]["item"] if result == "page" else info["returns"]
        assert ref["name"] == (written.split("[")[1].rstrip("]") if result == "page" else written), call
        resource = call.split(".")[1:-1]
        allowed = {".".join(("openai", "types", *resource[:depth])) for depth in range(len(resource) + 1)}
        assert ref["package"] in allowed, call
        value = _public(ref)
        if ref["kind"] == "model":
            assert isinstance(value, type) and issubclass(value, BaseModel), call


def test_page_kinds_follow_the_surface_and_the_response_fields() -> None:
    calls = resource_types()
    pages = {call: info["page"] for call, info in calls.items() if info["page"] is not None}
    for call, page in pages.items():
        assert calls[call]["returns_as_written"].startswith(page["kind"] + "["), call
        assert page["cursor"] == types_gen.PAGE_CURSORS[page["kind"]]
    assert pages["client.admin.organization.groups.list"]["kind"] == "SyncNextCursorPage"
    assert pages["client.conversations.items.list"]["kind"] == "SyncConversationCursorPage"
    assert pages["client.models.list"]["kind"] == "SyncPage" and "kind_by_fields" not in pages["client.models.list"]
    assert pages["client.fine_tuning.jobs.list"] == {
        "kind": "SyncCursorPage",
        "cursor": "data[-1].id",
        "item": pages["client.fine_tuning.jobs.list"]["item"],
    }
    # Where the table says CursorPage but the envelope also has `last_id`, both cursors name the same item.
    assert pages["client.files.list"]["kind_by_fields"] == "SyncConversationCursorPage"
    # Calls the table lacks take the kind the fields call for.
    assert pages["client.audio.voice_consents.list"]["kind"] == "SyncConversationCursorPage"


def test_multipart_streaming_and_binary_calls() -> None:
    calls = resource_types()
    multipart = {call for call, info in calls.items() if info["multipart"]}
    assert {
        "client.files.create",
        "client.audio.transcriptions.create",
        "client.images.edit",
        "client.uploads.parts.create",
        "client.containers.files.create",  # JSON or multipart in the spec; it has a file field
    } <= multipart
    assert "client.videos.remix" not in multipart  # JSON or multipart, no file: JSON
    streaming = {call: info["stream_event"]["name"] for call, info in calls.items() if info["streams"]}
    assert streaming == {
        "client.audio.transcriptions.create": "TranscriptionStreamEvent",
        "client.beta.responses.create": "BetaResponseStreamEvent",
        "client.beta.threads.create_and_run": "AssistantStreamEvent",
        "client.beta.threads.runs.create": "AssistantStreamEvent",
        "client.beta.threads.runs.submit_tool_outputs": "AssistantStreamEvent",
        "client.chat.completions.create": "ChatCompletionChunk",
        "client.completions.create": "Completion",
        "client.images.edit": "ImageEditStreamEvent",
        "client.images.generate": "ImageGenStreamEvent",
        "client.responses.create": "ResponseStreamEvent",
        "client.responses.retrieve": "ResponseStreamEvent",  # `stream` is a query parameter here
        "client.beta.responses.retrieve": "BetaResponseStreamEvent",
    }
    assert calls["client.audio.speech.create"]["binary"] is True
    assert calls["client.audio.speech.create"]["stream_event"]["name"] == "SpeechStreamEvent"


def test_the_seven_operations_without_an_official_call_get_calls() -> None:
    spec = json.loads((types_gen.DEFAULT_SPEC_DIR / "openapi.json").read_text(encoding="utf-8"))
    operations = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops if m in ("get", "post", "delete")}
    assert len(operations) == 288
    calls = resource_types()
    assert {(i["http_method"], i["path"]) for i in calls.values()} == operations
    extra = {call: info for call, info in calls.items() if not info["official"]}
    assert sorted(extra) == [
        "client.audio.voice_consents.create",
        "client.audio.voice_consents.delete",
        "client.audio.voice_consents.list",
        "client.audio.voice_consents.retrieve",
        "client.audio.voice_consents.update",
        "client.audio.voices.create",
        "client.realtime.translations.client_secrets.create",
    ]
    assert extra["client.audio.voices.create"]["params"]["name"] == "VoiceCreateParams"
    assert extra["client.audio.voices.create"]["multipart"] is True
    assert extra["client.audio.voice_consents.delete"]["returns"]["name"] == "VoiceConsentDeleted"
    secrets = extra["client.realtime.translations.client_secrets.create"]
    assert secrets["params"]["package"] == "openai.types.realtime.translations"
    assert secrets["returns"]["name"] == "RealtimeTranslationClientSecretCreateResponse"


# ---------------------------------------------------------------------------------------------------------------
# Tagged unions and open enums, with payloads shaped like the API's.

RESPONSE = {
    "id": "resp_67ccd2bed1ec8190b14f964abc054267",
    "object": "response",
    "created_at": 1741476542,
    "status": "completed",
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "max_output_tokens": None,
    "model": "o4-mini-2025-04-16",
    "output": [
        {
            "type": "reasoning",
            "id": "rs_1",
            "summary": [{"type": "summary_text", "text": "The user wants the weather."}],
            "status": "completed",
        },
        {
            "type": "message",
            "id": "msg_1",
            "status": "completed",
            "role": "assistant",
            "content": [
                {
                    "type": "output_text",
                    "text": "Let me check.",
                    "annotations": [
                        {
                            "type": "url_citation",
                            "url": "https://example.com",
                            "title": "x",
                            "start_index": 0,
                            "end_index": 3,
                        }
                    ],
                    "logprobs": [],
                }
            ],
        },
        {
            "type": "function_call",
            "id": "fc_1",
            "call_id": "call_1",
            "name": "get_weather",
            "arguments": '{"city": "Paris"}',
            "status": "completed",
        },
    ],
    "parallel_tool_calls": True,
    "previous_response_id": None,
    "reasoning": {"effort": "medium", "summary": None},
    "store": True,
    "temperature": 1.0,
    "text": {"format": {"type": "text"}},
    "tool_choice": "auto",
    "tools": [
        {"type": "function", "name": "get_weather", "parameters": {"type": "object"}, "strict": True},
        {"type": "web_search_preview"},
    ],
    "top_p": 1.0,
    "truncation": "disabled",
    "usage": {
        "input_tokens": 36,
        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
        "output_tokens": 87,
        "output_tokens_details": {"reasoning_tokens": 64},
        "total_tokens": 123,
    },
    "user": None,
    "metadata": {},
}


def test_response_output_items_resolve_by_their_type() -> None:
    from openai._models import construct_type
    from openai.types.responses import (
        FunctionTool,
        Response,
        ResponseFunctionToolCall,
        ResponseOutputMessage,
        ResponseOutputText,
        ResponseReasoningItem,
        WebSearchPreviewTool,
    )

    for response in (Response.model_validate(RESPONSE), construct_type(Response, RESPONSE)):
        assert isinstance(response, Response)
        reasoning, message, call = response.output
        assert isinstance(reasoning, ResponseReasoningItem) and reasoning.summary[0].text.startswith("The user")
        assert isinstance(message, ResponseOutputMessage)
        assert isinstance(message.content[0], ResponseOutputText)
        assert message.content[0].annotations[0].type == "url_citation"
        assert isinstance(call, ResponseFunctionToolCall) and call.arguments == '{"city": "Paris"}'
        assert [type(tool) for tool in response.tools] == [FunctionTool, WebSearchPreviewTool]


def test_unknown_enum_values_from_a_newer_server_still_parse() -> None:
    from openai._models import construct_type
    from openai.types import FileObject
    from openai.types.beta.threads import Run
    from openai.types.chat import ChatCompletion
    from openai.types.responses import Response, ResponseFunctionToolCall, ResponseOutputMessage

    newer = copy.deepcopy(RESPONSE)
    newer["status"] = "paused"  # not in the spec's enum
    newer["output"][1]["status"] = "redacted"
    newer["output"][2]["status"] = "awaiting_approval"
    newer["service_tier"] = "ultrafast-2"
    with pytest.raises(pydantic.ValidationError):
        Response.model_validate(newer)
    response = construct_type(Response, newer)
    assert isinstance(response, Response)
    assert response.status == "paused" and response.service_tier == "ultrafast-2"
    assert isinstance(response.output[1], ResponseOutputMessage) and response.output[1].status == "redacted"
    assert isinstance(response.output[2], ResponseFunctionToolCall)
    assert response.output[2].status == "awaiting_approval"
    assert response.usage is not None and response.usage.total_tokens == 123

    completion = construct_type(
        ChatCompletion, {**CHAT_COMPLETION, "choices": [{**CHAT_COMPLETION["choices"][0], "finish_reason": "pause"}]}
    )
    assert completion.choices[0].finish_reason == "pause"
    assert completion.choices[0].message.role == "assistant"
    assert completion.usage is not None and completion.usage.total_tokens == 29
    file = construct_type(
        FileObject,
        {
            "id": "f",
            "object": "file",
            "bytes": 1,
            "created_at": 1,
            "filename": "a",
            "purpose": "skills",
            "status": "processed",
        },
    )
    assert file.purpose == "skills"
    run = construct_type(Run, {**RUN, "status": "hibernating"})
    assert isinstance(run, Run) and run.status == "hibernating" and run.truncation_strategy is not None


def test_unknown_enum_value_on_a_later_union_member_keeps_its_class() -> None:
    from openai._models import construct_type
    from openai.types.responses import Response, ResponseFileSearchToolCall

    newer = copy.deepcopy(RESPONSE)
    newer["output"].append(
        {"type": "file_search_call", "id": "fs_1", "queries": ["weather"], "status": "throttled", "results": None}
    )
    response = construct_type(Response, newer)
    assert isinstance(response.output[3], ResponseFileSearchToolCall)


def test_lenient_build_keeps_the_classes_inside_optional_lists() -> None:
    from openai._models import construct_type
    from openai.types.chat import ChatCompletion, ChatCompletionMessageCustomToolCall

    completion = construct_type(
        ChatCompletion, {**CHAT_COMPLETION, "choices": [{**CHAT_COMPLETION["choices"][0], "finish_reason": "pause"}]}
    )
    tool_calls = completion.choices[0].message.tool_calls
    assert isinstance(tool_calls[1], ChatCompletionMessageCustomToolCall)


RUN = {
    "id": "run_abc123",
    "object": "thread.run",
    "created_at": 1699063290,
    "assistant_id": "asst_abc123",
    "thread_id": "thread_abc123",
    "status": "queued",
    "started_at": None,
    "expires_at": 1699063890,
    "cancelled_at": None,
    "failed_at": None,
    "completed_at": None,
    "required_action": None,
    "last_error": None,
    "model": "gpt-4o",
    "instructions": "You are a helpful assistant.",
    "incomplete_details": None,
    "tools": [{"type": "code_interpreter"}, {"type": "function", "function": {"name": "f", "parameters": {}}}],
    "metadata": {},
    "usage": None,
    "temperature": 1.0,
    "top_p": 1.0,
    "max_prompt_tokens": 1000,
    "max_completion_tokens": 1000,
    "truncation_strategy": {"type": "auto", "last_messages": None},
    "response_format": "auto",
    "tool_choice": "auto",
    "parallel_tool_calls": True,
}


def test_assistant_stream_events_resolve_by_their_event_name() -> None:
    from openai._models import construct_type
    from openai.types.beta import AssistantStreamEvent, CodeInterpreterTool, FunctionTool
    from openai.types.beta.threads import MessageDeltaEvent, Run, TextDeltaBlock
    from openai.types.beta.threads.runs import RunStepDeltaEvent, ToolCallDeltaObject

    adapter: pydantic.TypeAdapter[typing.Any] = pydantic.TypeAdapter(AssistantStreamEvent)
    created = adapter.validate_python({"event": "thread.run.created", "data": RUN})
    assert type(created).__name__ == "ThreadRunCreated" and isinstance(created.data, Run)
    assert [type(tool) for tool in created.data.tools] == [CodeInterpreterTool, FunctionTool]
    delta = adapter.validate_python(
        {
            "event": "thread.message.delta",
            "data": {
                "id": "msg_1",
                "object": "thread.message.delta",
                "delta": {"content": [{"index": 0, "type": "text", "text": {"value": "Hello", "annotations": []}}]},
            },
        }
    )
    assert isinstance(delta.data, MessageDeltaEvent) and isinstance(delta.data.delta.content[0], TextDeltaBlock)
    step = adapter.validate_python(
        {
            "event": "thread.run.step.delta",
            "data": {
                "id": "step_1",
                "object": "thread.run.step.delta",
                "delta": {
                    "step_details": {
                        "type": "tool_calls",
                        "tool_calls": [{"index": 0, "type": "code_interpreter", "code_interpreter": {"input": "1+1"}}],
                    }
                },
            },
        }
    )
    assert isinstance(step.data, RunStepDeltaEvent)
    assert isinstance(step.data.delta.step_details, ToolCallDeltaObject)
    error = adapter.validate_python(
        {"event": "error", "data": {"message": "boom", "type": "server_error", "param": None, "code": None}}
    )
    assert error.data.message == "boom"
    # The event name alone picks the class on the lenient path too (nested unions are spelled out).
    lenient = construct_type(AssistantStreamEvent, {"event": "thread.run.created", "data": {**RUN, "status": "new"}})
    assert type(lenient).__name__ == "ThreadRunCreated" and lenient.data.status == "new"
    with pytest.raises(pydantic.ValidationError, match=r"thread\.run\.renamed"):
        adapter.validate_python({"event": "thread.run.renamed", "data": RUN})


def test_response_stream_and_webhook_events_resolve_by_their_type() -> None:
    from openai.types.responses import (
        ResponseFunctionToolCall,
        ResponseOutputItemAddedEvent,
        ResponseStreamEvent,
        ResponseTextDeltaEvent,
    )
    from openai.types.webhooks import ResponseCompletedWebhookEvent, UnwrapWebhookEvent

    events: pydantic.TypeAdapter[typing.Any] = pydantic.TypeAdapter(ResponseStreamEvent)
    added = events.validate_python(
        {
            "type": "response.output_item.added",
            "output_index": 2,
            "sequence_number": 5,
            "item": RESPONSE["output"][2],  # type: ignore[index]
        }
    )
    assert isinstance(added, ResponseOutputItemAddedEvent) and isinstance(added.item, ResponseFunctionToolCall)
    text = events.validate_python(
        {
            "type": "response.output_text.delta",
            "item_id": "msg_1",
            "output_index": 1,
            "content_index": 0,
            "delta": "Hel",
            "sequence_number": 6,
            "logprobs": [],
        }
    )
    assert isinstance(text, ResponseTextDeltaEvent) and text.delta == "Hel"
    webhook = pydantic.TypeAdapter(UnwrapWebhookEvent).validate_python(
        {
            "id": "evt_1",
            "type": "response.completed",
            "created_at": 1719168000,
            "data": {"id": "resp_1"},
            "object": "event",
        }
    )
    assert isinstance(webhook, ResponseCompletedWebhookEvent) and webhook.data.id == "resp_1"


def test_realtime_server_events_resolve_by_their_type() -> None:
    from openai.types.realtime import (
        RealtimeConversationItemFunctionCall,
        RealtimeErrorEvent,
        RealtimeServerEvent,
        ResponseOutputItemDoneEvent,
    )

    events: pydantic.TypeAdapter[typing.Any] = pydantic.TypeAdapter(RealtimeServerEvent)
    done = events.validate_python(
        {
            "event_id": "event_1",
            "type": "response.output_item.done",
            "response_id": "resp_1",
            "output_index": 0,
            "item": {
                "id": "item_1",
                "object": "realtime.item",
                "type": "function_call",
                "status": "completed",
                "name": "f",
                "call_id": "c",
                "arguments": "{}",
            },
        }
    )
    assert isinstance(done, ResponseOutputItemDoneEvent)
    assert isinstance(done.item, RealtimeConversationItemFunctionCall)
    error = events.validate_python(
        {"event_id": "event_2", "type": "error", "error": {"type": "invalid_request_error", "message": "bad"}}
    )
    assert isinstance(error, RealtimeErrorEvent) and error.error.message == "bad"


def test_generated_code_parses_as_python_3_9(generated: types_gen.Generated) -> None:
    """Python 3.9 is supported: no syntax newer than it, and no `X | Y` unions evaluated at runtime."""
    import ast

    for rel, text in generated.files.items():
        if not rel.endswith(".py"):
            continue
        tree = ast.parse(text, filename=rel, feature_version=(3, 9))
        unions = [node for node in ast.walk(tree) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr)]
        assert not unions, rel


def test_spec_additions_name_only_what_the_spec_lacks(tmp_path: Path) -> None:
    spec = {"components": {"schemas": {"Thing": {"type": "object", "properties": {"a": {"type": "string"}}}}}}
    additions = tmp_path / "additions.json"
    additions.write_text(json.dumps({"properties": {"Thing": {"b": {"type": "integer"}}}}), encoding="utf-8")
    added = types_gen.add_to_spec(json.loads(json.dumps(spec)), additions)
    assert set(added["components"]["schemas"]["Thing"]["properties"]) == {"a", "b"}
    additions.write_text(json.dumps({"properties": {"Thing": {"a": {"type": "integer"}}}}), encoding="utf-8")
    with pytest.raises(types_gen.GenError, match="already has"):
        types_gen.add_to_spec(json.loads(json.dumps(spec)), additions)
    additions.write_text(json.dumps({"properties": {"Nothing/properties/x": {"b": {}}}}), encoding="utf-8")
    with pytest.raises(types_gen.GenError, match="no schema"):
        types_gen.add_to_spec(json.loads(json.dumps(spec)), additions)


def test_module_surface_names_take_the_official_spelling() -> None:
    from openai.types.admin.organization import AdminAPIKeyCreateParams
    from openai.types.chat.chat_completion_content_part_image_param import ImageURL
    from openai.types.eval_create_params import TestingCriterion, TestingCriterionLabelModel

    assert AdminAPIKeyCreateParams.__name__ == "AdminAPIKeyCreateParams"
    assert ImageURL.__name__ == "ImageURL"
    assert TestingCriterionLabelModel in typing.get_args(TestingCriterion)
