"""The one error the reader raises: a file that cannot be read as a letter, with a message for the user."""


class ReadError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
