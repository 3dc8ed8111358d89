"""Reading letters and threads: bytes → Letter/Thread. Loads no NLP model."""

from letterlint.mail.model import Address, Attachment, Letter, Message, QuotedLetter, SourceText, Thread
from letterlint.mail.errors import ReadError
from letterlint.mail.reader import read_path, read_bytes, iter_paths
from letterlint.mail.thread import build_thread

__all__ = ["Address", "Attachment", "Letter", "Message", "QuotedLetter", "SourceText", "Thread", "ReadError",
           "read_path", "read_bytes", "iter_paths", "build_thread"]
