"""The Flask layer: extensions, models, forms, one blueprint module per area, CLI commands.

It calls the plain-Python packages (simulator, rubrics, portfolio); they never call back.
"""
