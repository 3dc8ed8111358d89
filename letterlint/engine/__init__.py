"""The rule engine: YAML rules (lexicon, pattern, metric, check) + configuration → findings.

    from letterlint.engine import Engine, load_config, find_config
    engine = Engine.from_config(load_config(".letterlint.yaml"))
    for f in engine.check(letter, thread):
        print(f.line, f.column, f.rule, f.message)

Importing this package loads no NLP model.
"""

from letterlint.engine.config import Config, RuleSettings, default_config, find_config, load_config, load_config_builtin
from letterlint.engine.context import Hit, Me, RuleContext
from letterlint.engine.errors import ConfigError, LetterlintError, RuleError, UsageError
from letterlint.engine.finding import SEVERITIES, FileResult, Finding, severity_at_least, summarize
from letterlint.engine.rule import Rule, bundled_rules, load_rule_file, load_rules_dir
from letterlint.engine.runner import Engine, LetterResult, format_message, load_all_rules

__all__ = ["Config", "RuleSettings", "default_config", "find_config", "load_config", "load_config_builtin", "Hit", "Me",
           "RuleContext", "ConfigError", "LetterlintError", "RuleError", "UsageError", "SEVERITIES", "FileResult",
           "Finding", "severity_at_least", "summarize", "Rule", "bundled_rules", "load_rule_file", "load_rules_dir",
           "Engine", "LetterResult", "format_message", "load_all_rules"]
