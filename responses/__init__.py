"""Stage 2: draft Danish answer letters from an inquiry and the stored facts."""
