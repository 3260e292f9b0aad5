"""Scenario engine: scenario files, seeded generation, customers who react. Plain Python: no Flask, no database.

Public API (see docs/interfaces.md and scenarios/README.md):
    load_library(path=None) -> Library          load_scenario_file(path) -> Scenario
    load_scenario_text(text, name) -> Scenario  a scenario authored in the browser (line numbers in text)
    generate(scenario_or_id, seed, *, library=None) -> Instance
    react(instance, state, reply_text, judgement, channel, *, customer=None, at_minute=None,
          human_agent_tag=False) -> Reaction
    initial_state(instance, customer=None) -> ConversationState
    end_conversation(instance, state) -> ConversationState   the learner ends it (resolved if satisfied)
    score_triage(instance, learner_order) -> dict
    agent_tools(instance) -> list of {customer, name, sections}   every fact, shown under Agent tools
    validate_crm_record(instance, record, *, customer=None) -> CrmCheck
    SimClock, EXERCISE_TYPES, PLATFORMS and the platform helpers
    make_quiz(seed) -> Quiz, mark_quiz(quiz, answers) -> QuizResult   knowledge checks (KNOWLEDGE_POINTS)
"""
from simulator.brands import BRANDS, Brand
from simulator.catalogue import CATEGORIES, DIFFICULTIES, EXERCISE_TYPES, MOODS, NEEDS, REACTION_KEYS, ExerciseType
from simulator.clock import SimClock
from simulator.criteria import CRITERIA
from simulator.errors import (
                              ChannelError,
                              ExerciseError,
                              Problem,
                              ScenarioFileError,
                              SimulatorError,
                              SimulatorInternalError,
                              SimulatorUsageError,
                              TriageOrderError,
                              UnknownScenarioError,
)
from simulator.exercises import CrmCheck, crm_query_types, score_triage, spearman, validate_crm_record
from simulator.generation import BUILDERS, generate
from simulator.instance import CustomerInstance, Instance, Message, Persona, QueueItem
from simulator.knowledge import POINTS as KNOWLEDGE_POINTS
from simulator.knowledge import Question, Quiz, QuizResult, make_quiz, mark_quiz
from simulator.loader import Library, Scenario, load_library, load_scenario_file, load_scenario_text
from simulator.platforms import PLATFORMS, Channel, Platform, can_reply_privately, fits, get_platform, message_length
from simulator.reactions import (
                              REACTORS,
                              ConversationState,
                              Reaction,
                              end_conversation,
                              initial_state,
                              react,
                              scoring_context_for_turn,
)
from simulator.rules import RULES
from simulator.tools import agent_tools, fact_sections, on_screen_text

__all__ = [
    "BRANDS", "BUILDERS", "CATEGORIES", "CRITERIA", "DIFFICULTIES", "EXERCISE_TYPES", "KNOWLEDGE_POINTS", "MOODS",
    "NEEDS", "PLATFORMS", "Question", "Quiz", "QuizResult", "make_quiz", "mark_quiz",
    "REACTION_KEYS", "REACTORS", "RULES", "Brand", "Channel", "ChannelError", "ConversationState", "CrmCheck",
    "CustomerInstance", "ExerciseError", "ExerciseType", "Instance", "Library", "Message", "Persona", "Platform",
    "Problem", "QueueItem", "Reaction", "Scenario", "ScenarioFileError", "SimClock", "SimulatorError",
    "SimulatorInternalError", "SimulatorUsageError", "TriageOrderError", "UnknownScenarioError", "agent_tools",
    "can_reply_privately", "crm_query_types", "end_conversation", "fact_sections", "fits", "generate", "get_platform",
    "initial_state",
    "load_library", "load_scenario_file", "load_scenario_text", "message_length", "on_screen_text", "react",
    "score_triage",
    "scoring_context_for_turn", "spearman", "validate_crm_record",
]
