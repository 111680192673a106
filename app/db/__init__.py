"""Database models and the metadata that the migrations are generated from."""
