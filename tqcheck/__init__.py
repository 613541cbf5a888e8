"""tqcheck: catch translations that read well but say the wrong thing."""

__version__ = "0.1.0"
