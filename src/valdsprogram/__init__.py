"""valdsprogram: a city's action programme as data, and checks of the follow-ups against it."""

__version__ = "0.1.0"
