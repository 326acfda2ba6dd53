"""Unattended operation: the run pipeline, its lock, the scheduler and alerts."""
