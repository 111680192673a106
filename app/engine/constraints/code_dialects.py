"""The dialect a brief names before "SQL only": which code the reply is written in, never a reply of code alone."""

from __future__ import annotations

import re

# "ClickHouse SQL only", "Postgres SQL only, never MySQL", "ANSI SQL only": the dialect the code is written in
DIALECT_BEFORE = re.compile(
    r"\b(?:clickhouse|postgres(?:ql)?|mysql|mariadb|bigquery|snowflake|sqlite|t-?sql|ansi|oracle|redshift|duckdb|"
    r"spark|presto|trino|hive|athena|databricks|mssql|sql\s+server|standard|googlesql|pl/?pgsql)\s*$",
    re.IGNORECASE,
)
