"""The seven wizard pages (SPEC §5), one module each, on a shared base (base.StepPage)."""
