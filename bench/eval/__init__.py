"""Evaluation harness: corpora and figures for `just eval`."""
