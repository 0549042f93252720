"""The core placeholder kinds. Importing a module registers its kinds with the render engine."""
