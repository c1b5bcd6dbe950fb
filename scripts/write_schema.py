#!/usr/bin/env python3
"""Write schema/*.schema.json and the table/column descriptions of metadata.yml from claims/models.py.

    .venv/bin/python scripts/write_schema.py
"""
from claims.schema import write_all

if __name__ == "__main__":
    for p in write_all():
        print(p)
