"""The bundled rule pack: one YAML file per rule (shipped as letterlint.rules)."""
