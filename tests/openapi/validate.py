"""Validates an OpenAPI document: the document with openapi-spec-validator (0.9), and every
schema in it with JSON Schema 2020-12's `check_schema` (jsonschema 4). Exits non-zero, saying
what is wrong, on the first fault. `test.sh` installs both packages where they are missing.

Usage: python3 tests/openapi/validate.py DOCUMENT.json
"""

import json
import sys

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate


def schemas(node, path="#"):
    """Every `schema` object under `node`, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}/{key}"
            if key == "schema" and isinstance(value, dict):
                yield where, value
            yield from schemas(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schemas(value, f"{path}/{index}")


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        document = json.load(file)
    validate(document)
    count = 0
    for where, schema in schemas(document):
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # the schema error, with where it is
            sys.exit(f"{where}: {error}")
        count += 1
    print(f"valid: the document, and {count} schemas")


if __name__ == "__main__":
    main()
