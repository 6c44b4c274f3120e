"""Maps the import package ``openai`` onto ``src/`` and lists its subpackages."""

from setuptools import find_packages, setup

setup(
    packages=["openai"] + ["openai." + name for name in find_packages("src")],
    package_dir={"openai": "src"},
)
