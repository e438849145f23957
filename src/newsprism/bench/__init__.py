"""Evaluation harness: each task reads records and returns its metrics as one flat dict."""
