"""The snapshot store: immutable, validated extracts under CARELENS_HOME/snapshots/."""
