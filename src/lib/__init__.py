"""Helpers kept apart from the generated API surface, importable under the official SDK's ``openai.lib`` paths."""
