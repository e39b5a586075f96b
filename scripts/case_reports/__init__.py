"""Case reports as validated data: schema, validation, charts, page and index rendering."""
