"""The installed version, in a module of its own: the report and the CLI read it from here
instead of importing the package root back."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("enrt")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"
