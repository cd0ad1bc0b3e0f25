"""The parts of the newsletter check (newslettercheck.py), one per file or page it checks."""
