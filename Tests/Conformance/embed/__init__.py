"""The parts of the embed check (embedcheck.py), one per thing it checks."""
