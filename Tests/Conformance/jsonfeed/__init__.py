"""The parts of the jsonfeed check (jsonfeedcheck.py), one per thing it checks."""
