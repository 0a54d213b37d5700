"""Tagging of automakers and campaign topics (issue 4). Pure: text in, tags out; no I/O."""
