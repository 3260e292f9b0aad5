"""Scoring engine (HEAT, acknowledge-apologise-act, examiner marking points). Plain Python."""
