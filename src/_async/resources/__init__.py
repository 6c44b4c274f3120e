"""The resources: one class per group of API calls (``client.files``, ``client.chat.completions``, ...)."""
