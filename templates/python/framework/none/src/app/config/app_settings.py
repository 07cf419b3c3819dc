from pydantic_settings import BaseSettings


class AppSettings(BaseSettings):
    """A script reads no variables of its own; server layers list theirs here."""
