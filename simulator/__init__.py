"""Scenario engine: scenario files, seeded generation, customers who react. Plain Python: no Flask, no database."""
from simulator.platforms import PLATFORMS, Channel, Platform, can_reply_privately, get_platform, message_length

__all__ = ["PLATFORMS", "Channel", "Platform", "can_reply_privately", "get_platform", "message_length"]
