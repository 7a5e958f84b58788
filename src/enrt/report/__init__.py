"""Report model, aggregation and renderers."""
