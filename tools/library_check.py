"""Run libraries built on the official SDK against this package, each with a small realistic scenario.

Run with the interpreter of a venv where the libraries are installed and this package replaced the
official ``openai`` (``make compat`` builds one):

    .compat/venv/bin/python tools/library_check.py [--only instructor,litellm] [--json results.json]

With ``--base-url`` of a loopback server started apart (``python -m openai.testing``), the same scenarios
run on any openai package, the official one included.

A loopback server (``openai.testing``) answers every call; each library runs in its own child process
with outgoing connections limited to 127.0.0.1, so a library that phones home (telemetry, model price
lists, tokenizer downloads) fails loudly instead of reaching the network. Prints one Markdown row per
step: library, installed version, step, and ``pass`` or the error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import json
import os
import socket
import subprocess
import sys
import traceback
from typing import Any, Callable, Dict, List, Tuple

import pydantic

# Child processes run without the network and without the libraries' phone-home features.
QUIET_ENV = {
    "OPENAI_AGENTS_DISABLE_TRACING": "1",
    "HAYSTACK_TELEMETRY_ENABLED": "False",
    "LITELLM_LOCAL_MODEL_COST_MAP": "True",
    "ANONYMIZED_TELEMETRY": "False",
    "DSPY_CACHEDIR": "/tmp/library-check-dspy-cache",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_OFFLINE": "1",
    "SMOLAGENTS_TELEMETRY": "false",
    "OPENAI_API_KEY": "sk-loopback",
}

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
MODEL = "gpt-4o"
Step = Tuple[str, Callable[[], Any]]


class City(pydantic.BaseModel):
    """The structured output the scenarios ask for."""

    name: str
    population: int


def guard_network() -> None:
    """Refuse every connection that does not go to the loopback interface."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOOPBACK_HOSTS:
            raise OSError(f"library_check: no network outside 127.0.0.1 (asked for {name!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOOPBACK_HOSTS:
            raise OSError(f"library_check: no network outside 127.0.0.1 (asked for {address!r})")
        real_connect(self, address)

    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.socket.connect = connect  # type: ignore[method-assign]


def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"sunny in {city}"


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


# -- scenarios: one function per library, returning its steps -----------------------------------------------


def instructor_steps(base_url: str) -> List[Step]:
    import instructor

    from openai import AsyncOpenAI, OpenAI

    client = instructor.from_openai(OpenAI(base_url=base_url, api_key="sk-loopback"))
    aclient = instructor.from_openai(AsyncOpenAI(base_url=base_url, api_key="sk-loopback"))
    messages = [{"role": "user", "content": "Paris"}]

    def structured() -> None:
        city = client.chat.completions.create(model=MODEL, response_model=City, messages=messages)
        expect(isinstance(city, City), f"got {city!r}")

    def structured_async() -> None:
        city = run(aclient.chat.completions.create(model=MODEL, response_model=City, messages=messages))
        expect(isinstance(city, City), f"got {city!r}")

    def partial_stream() -> None:
        parts = list(client.chat.completions.create_partial(model=MODEL, response_model=City, messages=messages))
        expect(bool(parts) and isinstance(parts[-1].name, str), f"got {parts!r}")

    def with_completion() -> None:
        city, completion = client.chat.completions.create_with_completion(
            model=MODEL, response_model=City, messages=messages
        )
        expect(completion.usage is not None and isinstance(city, City), f"got {completion!r}")

    return [
        ("structured output (tools mode)", structured),
        ("structured output, async", structured_async),
        ("partial streaming", partial_stream),
        ("create_with_completion", with_completion),
    ]


def openai_agents_steps(base_url: str) -> List[Step]:
    from agents import Agent, OpenAIChatCompletionsModel, Runner, function_tool, set_tracing_disabled

    from openai import AsyncOpenAI

    set_tracing_disabled(True)
    model = OpenAIChatCompletionsModel(model=MODEL, openai_client=AsyncOpenAI(base_url=base_url, api_key="sk-lb"))

    def chat() -> None:
        result = Runner.run_sync(Agent(name="a", instructions="Be brief.", model=model), "hello")
        expect("hello" in str(result.final_output), f"got {result.final_output!r}")

    def tool_loop() -> None:
        agent = Agent(name="a", model=model, tools=[function_tool(get_weather)])
        result = Runner.run_sync(agent, "Paris")
        called = [item for item in result.new_items if item.type == "tool_call_output_item"]
        expect(bool(called), f"no tool call in {result.new_items!r}")

    def structured() -> None:
        result = Runner.run_sync(Agent(name="a", model=model, output_type=City), "Paris")
        expect(isinstance(result.final_output, City), f"got {result.final_output!r}")

    def streamed() -> None:
        async def go() -> str:
            result = Runner.run_streamed(Agent(name="a", model=model), "stream me")
            deltas = []
            async for event in result.stream_events():
                if (
                    event.type == "raw_response_event"
                    and getattr(event.data, "type", "") == "response.output_text.delta"
                ):
                    deltas.append(event.data.delta)
            return "".join(deltas)

        text = run(go())
        expect("stream me" in text, f"got {text!r}")

    return [
        ("chat completion agent", chat),
        ("function tool loop", tool_loop),
        ("structured output_type", structured),
        ("streamed run", streamed),
    ]


def langchain_openai_steps(base_url: str) -> List[Step]:
    from langchain_core.tools import tool
    from langchain_openai import ChatOpenAI, OpenAIEmbeddings

    llm = ChatOpenAI(model=MODEL, base_url=base_url, api_key="sk-loopback")  # type: ignore[arg-type]

    def invoke() -> None:
        reply = llm.invoke("hello there")
        expect("hello there" in str(reply.content), f"got {reply!r}")

    def stream() -> None:
        text = "".join(str(chunk.content) for chunk in llm.stream("stream me"))
        expect("stream me" in text, f"got {text!r}")

    def ainvoke() -> None:
        reply = run(llm.ainvoke("hello"))
        expect("hello" in str(reply.content), f"got {reply!r}")

    def tools() -> None:
        reply = llm.bind_tools([tool(get_weather)]).invoke("Paris")
        expect(bool(reply.tool_calls) and reply.tool_calls[0]["name"] == "get_weather", f"got {reply!r}")

    def structured() -> None:
        city = llm.with_structured_output(City).invoke("Paris")
        expect(isinstance(city, City), f"got {city!r}")

    def embeddings() -> None:
        embedder = OpenAIEmbeddings(base_url=base_url, api_key="sk-loopback", check_embedding_ctx_length=False)  # type: ignore[arg-type]
        vectors = embedder.embed_documents(["one", "two"])
        expect(len(vectors) == 2 and len(vectors[0]) > 0, f"got {len(vectors)} vectors")

    return [
        ("invoke", invoke),
        ("stream", stream),
        ("ainvoke", ainvoke),
        ("bind_tools", tools),
        ("with_structured_output", structured),
        ("embeddings", embeddings),
    ]


def llama_index_steps(base_url: str) -> List[Step]:
    from llama_index.core.llms import ChatMessage
    from llama_index.core.tools import FunctionTool
    from llama_index.llms.openai import OpenAI as LlamaOpenAI

    llm = LlamaOpenAI(model=MODEL, api_base=base_url, api_key="sk-loopback")

    def complete() -> None:
        text = llm.complete("hello there").text
        expect("hello there" in text, f"got {text!r}")

    def chat_stream() -> None:
        text = "".join(part.delta or "" for part in llm.stream_chat([ChatMessage(role="user", content="stream me")]))
        expect("stream me" in text, f"got {text!r}")

    def achat() -> None:
        reply = run(llm.achat([ChatMessage(role="user", content="hello")]))
        expect("hello" in str(reply.message.content), f"got {reply!r}")

    def tools() -> None:
        reply = llm.chat_with_tools([FunctionTool.from_defaults(get_weather)], user_msg="Paris")
        calls = llm.get_tool_calls_from_response(reply, error_on_no_tool_call=True)
        expect(calls[0].tool_name == "get_weather", f"got {calls!r}")

    def structured() -> None:
        city = llm.as_structured_llm(City).complete("Paris").raw
        expect(isinstance(city, City), f"got {city!r}")

    return [
        ("complete", complete),
        ("stream_chat", chat_stream),
        ("achat", achat),
        ("chat_with_tools", tools),
        ("structured llm", structured),
    ]


def pydantic_ai_steps(base_url: str) -> List[Step]:
    from pydantic_ai import Agent
    from pydantic_ai.models.openai import OpenAIChatModel
    from pydantic_ai.providers.openai import OpenAIProvider

    model = OpenAIChatModel(MODEL, provider=OpenAIProvider(base_url=base_url, api_key="sk-loopback"))

    def chat() -> None:
        result = Agent(model).run_sync("hello there")
        expect("hello there" in result.output, f"got {result.output!r}")

    def tool_loop() -> None:
        result = Agent(model, tools=[get_weather]).run_sync("Paris")
        names = [part.tool_name for m in result.all_messages() for part in m.parts if part.part_kind == "tool-call"]
        expect(names == ["get_weather"], f"got {names!r}")

    def structured() -> None:
        result = Agent(model, output_type=City).run_sync("Paris")
        expect(isinstance(result.output, City), f"got {result.output!r}")

    def streamed() -> None:
        async def go() -> str:
            async with Agent(model).run_stream("stream me") as result:
                return "".join([delta async for delta in result.stream_text(delta=True)])

        text = run(go())
        expect("stream me" in text, f"got {text!r}")

    return [
        ("chat agent", chat),
        ("tool loop", tool_loop),
        ("structured output_type", structured),
        ("run_stream", streamed),
    ]


def litellm_steps(base_url: str) -> List[Step]:
    import litellm

    common: Dict[str, Any] = {"api_base": base_url, "api_key": "sk-loopback"}
    messages = [{"role": "user", "content": "hello there"}]

    def completion() -> None:
        reply = litellm.completion(model=f"openai/{MODEL}", messages=messages, **common)
        expect("hello there" in reply.choices[0].message.content, f"got {reply!r}")

    def stream() -> None:
        chunks = litellm.completion(model=f"openai/{MODEL}", messages=messages, stream=True, **common)
        text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
        expect("hello there" in text, f"got {text!r}")

    def acompletion() -> None:
        reply = run(litellm.acompletion(model=f"openai/{MODEL}", messages=messages, **common))
        expect("hello there" in reply.choices[0].message.content, f"got {reply!r}")

    def tools() -> None:
        tool = {
            "type": "function",
            "function": {
                "name": "get_weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
            },
        }
        reply = litellm.completion(model=f"openai/{MODEL}", messages=messages, tools=[tool], **common)
        calls = reply.choices[0].message.tool_calls
        expect(bool(calls) and calls[0].function.name == "get_weather", f"got {reply!r}")

    def structured() -> None:
        reply = litellm.completion(model=f"openai/{MODEL}", messages=messages, response_format=City, **common)
        City.model_validate_json(reply.choices[0].message.content)

    def embedding() -> None:
        reply = litellm.embedding(model="openai/text-embedding-3-small", input=["one", "two"], **common)
        expect(len(reply.data) == 2, f"got {reply!r}")

    return [
        ("completion", completion),
        ("stream", stream),
        ("acompletion", acompletion),
        ("tools", tools),
        ("response_format model", structured),
        ("embedding", embedding),
    ]


def haystack_steps(base_url: str) -> List[Step]:
    from haystack.components.embedders import OpenAITextEmbedder
    from haystack.components.generators.chat import OpenAIChatGenerator
    from haystack.dataclasses import ChatMessage
    from haystack.tools import Tool
    from haystack.utils import Secret

    key = Secret.from_token("sk-loopback")
    generator = OpenAIChatGenerator(api_key=key, model=MODEL, api_base_url=base_url)

    def chat() -> None:
        reply = generator.run(messages=[ChatMessage.from_user("hello there")])["replies"][0]
        expect("hello there" in (reply.text or ""), f"got {reply!r}")

    def stream() -> None:
        pieces: List[str] = []
        streaming = OpenAIChatGenerator(
            api_key=key, model=MODEL, api_base_url=base_url, streaming_callback=lambda c: pieces.append(c.content)
        )
        reply = streaming.run(messages=[ChatMessage.from_user("stream me")])["replies"][0]
        expect("stream me" in "".join(pieces) and "stream me" in (reply.text or ""), f"got {pieces!r}")

    def tools() -> None:
        weather = Tool(
            name="get_weather",
            description="The weather in a city.",
            parameters={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
            function=get_weather,
        )
        reply = generator.run(messages=[ChatMessage.from_user("Paris")], tools=[weather])["replies"][0]
        expect(bool(reply.tool_calls) and reply.tool_calls[0].tool_name == "get_weather", f"got {reply!r}")

    def structured() -> None:
        reply = generator.run(messages=[ChatMessage.from_user("Paris")], generation_kwargs={"response_format": City})[
            "replies"
        ][0]
        City.model_validate_json(reply.text or "")

    def embed() -> None:
        embedder = OpenAITextEmbedder(api_key=key, api_base_url=base_url)
        vector = embedder.run(text="one")["embedding"]
        expect(len(vector) > 0, f"got {vector!r}")

    return [
        ("chat generator", chat),
        ("streaming callback", stream),
        ("tools", tools),
        ("response_format model", structured),
        ("text embedder", embed),
    ]


def smolagents_steps(base_url: str) -> List[Step]:
    from smolagents import ChatMessage, MessageRole, OpenAIServerModel, tool

    model = OpenAIServerModel(model_id=MODEL, api_base=base_url, api_key="sk-loopback")
    messages = [ChatMessage(role=MessageRole.USER, content=[{"type": "text", "text": "hello there"}])]

    @tool
    def weather(city: str) -> str:
        """The weather in a city.

        Args:
            city: the city's name.
        """
        return get_weather(city)

    def generate() -> None:
        reply = model.generate(messages)
        expect("hello there" in str(reply.content), f"got {reply!r}")

    def stream() -> None:
        text = "".join(delta.content or "" for delta in model.generate_stream(messages))
        expect("hello there" in text, f"got {text!r}")

    def tools() -> None:
        reply = model.generate(messages, tools_to_call_from=[weather])
        expect(bool(reply.tool_calls) and reply.tool_calls[0].function.name == "weather", f"got {reply!r}")

    return [("generate", generate), ("generate_stream", stream), ("tool call", tools)]


def dspy_steps(base_url: str) -> List[Step]:
    import dspy

    lm = dspy.LM(f"openai/{MODEL}", api_base=base_url, api_key="sk-loopback", cache=False)

    def call() -> None:
        text = lm(messages=[{"role": "user", "content": "hello there"}])[0]
        expect("hello there" in str(text), f"got {text!r}")

    def predict() -> None:
        with dspy.context(lm=lm, adapter=dspy.JSONAdapter()):
            answer = dspy.Predict("question -> answer")(question="Paris?").answer
        expect(isinstance(answer, str), f"got {answer!r}")

    def embed() -> None:
        embedder = dspy.Embedder(
            "openai/text-embedding-3-small", api_base=base_url, api_key="sk-loopback", caching=False
        )
        vectors = embedder(["one", "two"])
        expect(len(vectors) == 2, f"got {vectors!r}")

    return [("lm call", call), ("Predict, JSON adapter", predict), ("Embedder", embed)]


def autogen_steps(base_url: str) -> List[Step]:
    from autogen_agentchat.agents import AssistantAgent
    from autogen_core.models import UserMessage
    from autogen_core.tools import FunctionTool
    from autogen_ext.models.openai import OpenAIChatCompletionClient

    def client() -> OpenAIChatCompletionClient:
        return OpenAIChatCompletionClient(model=MODEL, base_url=base_url, api_key="sk-loopback")

    def create() -> None:
        reply = run(client().create([UserMessage(content="hello there", source="user")]))
        expect("hello there" in str(reply.content), f"got {reply!r}")

    def stream() -> None:
        async def go() -> List[Any]:
            return [part async for part in client().create_stream([UserMessage(content="stream me", source="user")])]

        parts = run(go())
        text = "".join(p for p in parts if isinstance(p, str))
        expect("stream me" in text, f"got {parts!r}")

    def tools() -> None:
        reply = run(
            client().create(
                [UserMessage(content="Paris", source="user")],
                tools=[FunctionTool(get_weather, description="The weather in a city.")],
            )
        )
        expect(isinstance(reply.content, list) and reply.content[0].name == "get_weather", f"got {reply!r}")

    def agent() -> None:
        result = run(AssistantAgent("a", model_client=client(), tools=[get_weather]).run(task="Paris"))
        expect(len(result.messages) >= 2, f"got {result!r}")

    def structured() -> None:
        reply = run(client().create([UserMessage(content="Paris", source="user")], json_output=City))
        City.model_validate_json(str(reply.content))

    return [
        ("create", create),
        ("create_stream", stream),
        ("tool call", tools),
        ("AssistantAgent with a tool", agent),
        ("json_output model", structured),
    ]


# library name (as the table shows it), distribution whose version is reported, scenario
LIBRARIES: List[Tuple[str, str, Callable[[str], List[Step]]]] = [
    ("instructor", "instructor", instructor_steps),
    ("openai-agents", "openai-agents", openai_agents_steps),
    ("langchain-openai", "langchain-openai", langchain_openai_steps),
    ("llama-index-llms-openai", "llama-index-llms-openai", llama_index_steps),
    ("pydantic-ai-slim[openai]", "pydantic-ai-slim", pydantic_ai_steps),
    ("litellm", "litellm", litellm_steps),
    ("haystack-ai", "haystack-ai", haystack_steps),
    ("smolagents[openai]", "smolagents", smolagents_steps),
    ("dspy", "dspy", dspy_steps),
    ("autogen-ext[openai]", "autogen-ext", autogen_steps),
]


def short_error(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".replace("\n", " ").replace("|", "/")
    return text[:300]


def child(library: str, base_url: str) -> int:
    """Run one library's steps here and print their results as JSON lines."""
    guard_network()
    scenario = next(entry[2] for entry in LIBRARIES if entry[0] == library)
    try:
        steps = scenario(base_url)
    except BaseException as error:  # an import failure is a result, not a crash of the tool
        print(json.dumps({"step": "import", "result": short_error(error)}))
        traceback.print_exc()
        return 0
    for step, action in steps:
        try:
            action()
            result = "pass"
        except BaseException as error:  # each step reports its own failure
            result = short_error(error)
            traceback.print_exc()
        print(json.dumps({"step": step, "result": result}), flush=True)
    return 0


def version_of(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated library names")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--verbose", action="store_true", help="show the tracebacks of failing steps")
    parser.add_argument(
        "--base-url",
        help="a loopback server already running (`python -m openai.testing`), to run the libraries on another "
        "openai package such as the official one, which has no openai.testing",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.base_url)
    with contextlib.ExitStack() as stack:
        if args.base_url is None:
            from openai.testing import loopback_server

            base_url = stack.enter_context(loopback_server()).base_url
        else:
            base_url = args.base_url
        return run_all(base_url, args)


def run_all(base_url: str, args: argparse.Namespace) -> int:
    """Every library's steps, against the server at ``base_url``; prints the table."""
    wanted = set(args.only.split(",")) if args.only else None
    results: List[Dict[str, str]] = []
    print(f"openai {version_of('openai')}\n")
    print("| library | version | step | result |\n|---|---|---|---|")
    for name, distribution, _ in LIBRARIES:
        if wanted is not None and name not in wanted:
            continue
        version = version_of(distribution)
        env = {**os.environ, **QUIET_ENV}
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--child", name, "--base-url", base_url],
                capture_output=True,
                text=True,
                timeout=300,
                env=env,
            )
            lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
            if args.verbose and done.stderr:
                sys.stderr.write(f"--- {name}\n{done.stderr}\n")
            if not lines:
                lines = [{"step": "run", "result": f"exit {done.returncode}: {done.stderr[-300:]}"}]
        except subprocess.TimeoutExpired:
            lines = [{"step": "run", "result": "timed out after 300 s"}]
        for line in lines:
            row = {"library": name, "version": version, **line}
            results.append(row)
            print(f"| {name} | {version} | {row['step']} | {row['result']} |", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=1)
    failed = sum(row["result"] != "pass" for row in results)
    print(f"\n{len(results) - failed} of {len(results)} steps pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
