"""One module per command (or group of commands), each a thin function over the public API."""
