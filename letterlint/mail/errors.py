"""The one error the reader raises: a file that cannot be read as a letter, with a message for the user."""


class ReadError(Exception):
    """``path: message`` — one clear line for the user. ``internal`` marks a failure of the reader itself."""

    def __init__(self, path: str, message: str, internal: bool = False) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.internal = internal
