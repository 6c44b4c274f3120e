"""The platform headers that proxies and servers already see from Python clients, computed once."""

from __future__ import annotations

import functools
import platform
import sys
from typing import Dict

from ._version import __version__

__all__ = ["platform_headers"]


@functools.cache
def _static_platform_headers() -> Dict[str, str]:
    return {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": __version__,
        "X-Stainless-OS": _os_name(),
        "X-Stainless-Arch": _arch_name(),
        "X-Stainless-Runtime": platform.python_implementation(),
        "X-Stainless-Runtime-Version": platform.python_version(),
    }


def platform_headers(*, concurrency_tag: str) -> Dict[str, str]:
    """Headers describing this client and the machine it runs on."""
    headers = dict(_static_platform_headers())
    headers["X-Stainless-Async"] = concurrency_tag
    return headers


def _os_name() -> str:
    name = sys.platform
    if name.startswith("linux"):
        return "Linux"
    if name == "darwin":
        return "MacOS"
    if name in ("win32", "cygwin"):
        return "Windows"
    if name.startswith("freebsd"):
        return "FreeBSD"
    return f"Other:{name}"


def _arch_name() -> str:
    machine = platform.machine().lower()
    if machine in ("arm64", "aarch64"):
        return "arm64"
    if machine in ("x86_64", "amd64"):
        return "x64"
    if machine in ("i386", "i686", "x86"):
        return "x32"
    if machine.startswith("arm"):
        return "arm"
    return f"other:{machine}" if machine else "unknown"
