# The official SDK release whose surface this client matches, and this client's own release on top of it
# as a PEP 440 local label: `openai>=1`, `openai==3.3.1` and other pins accept it as they accept 3.3.1.
__version__ = "3.3.1+twin.1"
